package org.commonground.proposal.text;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Entities;

/**
 * HTML for numbered lines and word diffs on screen; the public page and PDF ({@code DocumentXhtml}) render the same
 * lines through the same {@link InlineMarkdown}, so a text looks and numbers the same everywhere. Everything a member
 * wrote is escaped. Pure.
 */
public final class TextHtml {

    private TextHtml() {
    }

    /** One element per line: the number in the margin, then the words, with the block's kind as a class. */
    public static String numbered(List<NumberedLine> lines) {
        return numbered(lines, Map.of());
    }

    /**
     * As {@link #numbered(List)}, with a marker beside each line that comments start at, saying what each is on
     * ({@code notesByLine}: "On lines 6–7"), to the eye on hovering and to a screen reader in words. Inline
     * Markdown is rendered line by line ({@link InlineMarkdown}); a table's rows are rows of a real table.
     */
    public static String numbered(List<NumberedLine> lines, Map<Integer, List<String>> notesByLine) {
        StringBuilder html = new StringBuilder(lines.size() * 120).append("<div class=\"cg-numbered\">");
        for (List<NumberedLine> block : LineNumbering.blocks(lines)) {
            if (block.getFirst().kind() == BlockKind.TABLE) {
                table(html, block, notesByLine);
            } else {
                lines(html, block, notesByLine);
            }
        }
        return html.append("</div>").toString();
    }

    private static void lines(StringBuilder html, List<NumberedLine> block, Map<Integer, List<String>> notesByLine) {
        List<String> texts = InlineMarkdown.block(block, TextHtml::escape);
        for (int k = 0; k < block.size(); k++) {
            NumberedLine line = block.get(k);
            html.append("<div class=\"cg-line cg-").append(kindClass(line));
            if (line.level() > 0) {
                html.append(" cg-level-").append(Math.min(line.level(), 6));
            }
            if (k == 0) {
                html.append(" cg-block-start");
            }
            html.append("\" id=\"line-").append(line.number()).append("\" data-block=\"").append(line.block()).append("\">")
                    .append("<span class=\"cg-lineno\" aria-hidden=\"true\">").append(line.number()).append("</span>")
                    .append("<span class=\"cg-linetext\">");
            if (!line.marker().isEmpty()) {
                html.append("<span class=\"cg-marker\">").append(escape(line.marker().matches("[-*+]") ? "•" : line.marker())).append("</span> ");
            }
            html.append(texts.get(k)).append("</span>");
            commentMarker(html, notesByLine.getOrDefault(line.number(), List.of()));
            html.append("</div>");
        }
    }

    /** The header row's cells are column headers; each row carries its line number in a first, unlabelled cell. */
    private static void table(StringBuilder html, List<NumberedLine> rows, Map<Integer, List<String>> notesByLine) {
        int columns = TableRow.cells(rows.getFirst().text()).size();
        html.append("<table class=\"cg-table\" data-block=\"").append(rows.getFirst().block()).append("\">");
        for (int k = 0; k < rows.size(); k++) {
            NumberedLine row = rows.get(k);
            html.append(k == 0 ? "<thead>" : k == 1 ? "<tbody>" : "")
                    .append("<tr class=\"cg-line cg-table-row").append(k == 0 ? " cg-block-start" : "").append("\" id=\"line-").append(row.number())
                    .append("\" data-block=\"").append(row.block()).append("\">")
                    .append("<td class=\"cg-lineno\" aria-hidden=\"true\">").append(row.number()).append("</td>");
            List<String> cells = InlineMarkdown.cells(row, TextHtml::escape);
            for (int c = 0; c < Math.max(columns, cells.size()); c++) {
                String cell = c < cells.size() ? cells.get(c) : "";
                html.append(k == 0 ? "<th scope=\"col\">" : "<td>").append(cell).append(k == 0 ? "</th>" : "</td>");
            }
            html.append("</tr>").append(k == 0 ? "</thead>" : "");
        }
        html.append(rows.size() > 1 ? "</tbody>" : "").append("</table>");
        // A row holds no marker of its own, so the table's comments are marked below it.
        List<String> notes = rows.stream().flatMap(r -> notesByLine.getOrDefault(r.number(), List.of()).stream()).toList();
        if (!notes.isEmpty()) {
            commentMarker(html.append("<div class=\"cg-table-comments\">"), notes);
            html.append("</div>");
        }
    }

    private static void commentMarker(StringBuilder html, List<String> notes) {
        if (!notes.isEmpty()) {
            html.append("<span class=\"cg-comment-count\" title=\"").append(escape(String.join("\n", notes))).append("\">")
                    .append(notes.size()).append(notes.size() == 1 ? " comment" : " comments")
                    .append("<span class=\"cg-comment-cites\"> (").append(escape(String.join("; ", notes))).append(")</span></span>");
        }
    }

    private static String kindClass(NumberedLine line) {
        return line.kind().name().toLowerCase().replace('_', '-');
    }

    /** Inserted words underlined, deleted words struck through: readable without colour. */
    public static String diff(List<WordDiff.Segment> segments) {
        StringBuilder html = new StringBuilder("<div class=\"cg-diff\">");
        for (WordDiff.Segment s : segments) {
            String text = escape(s.text());
            switch (s.kind()) {
                case SAME -> html.append(text);
                case INSERTED -> html.append("<ins>").append(text).append("</ins>");
                case DELETED -> html.append("<del>").append(text).append("</del>");
            }
        }
        return html.append("</div>").toString();
    }

    public static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }
}
