package org.commonground.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import org.jsoup.nodes.Entities;

/**
 * The markup of a {@link StackedTable} (same classes, same stacking on a phone) written as one piece of HTML: a table
 * of hundreds of rows (a national pact's 650 seats) would otherwise be tens of thousands of components, built, kept
 * in the session and sent one by one. Read-only, so nothing is lost by its cells not being components. Every text
 * goes through {@link #text}.
 */
public final class StackedHtml {

    /** A row: its heading and its cells, each already HTML. */
    public record Row(String heading, List<String> cells) {
    }

    private StackedHtml() {
    }

    public static String text(String text) {
        return Entities.escape(text == null ? "" : text);
    }

    public static String link(String href, String text) {
        return "<a href=\"" + text(href) + "\">" + text(text) + "</a>";
    }

    /** As {@link PartyMarker#of}: the party's code beside its colour. */
    public static String partyMarker(String code, String colour) {
        return "<span class=\"cg-party-marker\" style=\"--cg-party-colour: " + text(colour) + "\">" + text(code) + "</span>";
    }

    /** The table in a box that scrolls at desktop width, as the pages wrap a {@link StackedTable}. */
    public static Div table(String caption, String rowHeading, List<String> columnHeadings, List<Row> rows) {
        return OwnMarkup.of(tableHtml(caption, rowHeading, columnHeadings, rows), "cg-table-scroll");
    }

    /** The table's markup alone, for a box of the caller's own whose inner HTML it replaces as the numbers change. */
    public static String tableHtml(String caption, String rowHeading, List<String> columnHeadings, List<Row> rows) {
        StringBuilder html = new StringBuilder("<table class=\"cg-terms cg-stacked\">");
        if (caption != null) {
            html.append("<caption>").append(text(caption)).append("</caption>");
        }
        html.append("<thead><tr><th scope=\"col\">").append(text(rowHeading)).append("</th>");
        columnHeadings.forEach(heading -> html.append("<th scope=\"col\">").append(heading).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (Row row : rows) {
            if (row.cells().size() != columnHeadings.size()) {
                throw new IllegalArgumentException(row.cells().size() + " cells for " + columnHeadings.size() + " columns");
            }
            html.append("<tr><th scope=\"row\">").append(row.heading()).append("</th>");
            for (int i = 0; i < row.cells().size(); i++) {
                html.append("<td><span class=\"cg-stacked-label\">").append(columnHeadings.get(i)).append("</span>").append(row.cells().get(i)).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
