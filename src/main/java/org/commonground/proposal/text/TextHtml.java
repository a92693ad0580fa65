package org.commonground.proposal.text;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Entities;

/**
 * HTML for numbered lines and word diffs. The screen and (later) the public page and PDF use these, so a text
 * looks and numbers the same everywhere. Everything a member wrote is escaped. Pure.
 */
public final class TextHtml {

    private TextHtml() {
    }

    /** One element per line: the number in the margin, then the words, with the block's kind as a class. */
    public static String numbered(List<NumberedLine> lines) {
        return numbered(lines, Map.of());
    }

    /** As {@link #numbered(List)}, with the number of comments on each paragraph shown beside its first line. */
    public static String numbered(List<NumberedLine> lines, Map<Integer, Integer> commentsPerBlock) {
        StringBuilder html = new StringBuilder(lines.size() * 120).append("<div class=\"cg-numbered\">");
        int block = -1;
        for (NumberedLine line : lines) {
            boolean firstOfBlock = line.block() != block;
            block = line.block();
            html.append("<div class=\"cg-line cg-").append(line.kind().name().toLowerCase().replace('_', '-'));
            if (line.level() > 0) {
                html.append(" cg-level-").append(Math.min(line.level(), 6));
            }
            if (firstOfBlock) {
                html.append(" cg-block-start");
            }
            html.append("\" id=\"line-").append(line.number()).append("\" data-block=\"").append(line.block()).append("\">")
                    .append("<span class=\"cg-lineno\" aria-hidden=\"true\">").append(line.number()).append("</span>")
                    .append("<span class=\"cg-linetext\">");
            if (!line.marker().isEmpty()) {
                html.append("<span class=\"cg-marker\">").append(escape(line.marker().matches("[-*+]") ? "•" : line.marker())).append("</span> ");
            }
            html.append(escape(line.text())).append("</span>");
            Integer comments = firstOfBlock ? commentsPerBlock.get(line.block()) : null;
            if (comments != null && comments > 0) {
                html.append("<span class=\"cg-comment-count\">").append(comments).append(comments == 1 ? " comment" : " comments").append("</span>");
            }
            html.append("</div>");
        }
        return html.append("</div>").toString();
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
