package org.commonground.election.map;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Draws a hexagon map as SVG: each constituency a link (so it is reachable with the Tab key and opens with Enter)
 * with its name and description as the accessible label, filled with a colour, target seats marked with a ring as
 * well as a dot and seats of a published pact with a diamond, so no marking depends on colour. Its size comes from
 * the class {@code cg-hexmap} (the public pages allow no inline style). Pure.
 */
public final class HexMapSvg {

    private static final double SIZE = 10;
    private static final double WIDTH = Math.sqrt(3) * SIZE;
    private static final double ROW = 1.5 * SIZE;

    /** How one hexagon looks: fill colour, whether it is a target or a published pact's seat, and the words that describe it. */
    public record Cell(String colour, boolean target, boolean pact, String description) {

        public Cell(String colour, boolean target, String description) {
            this(colour, target, false, description);
        }
    }

    private HexMapSvg() {
    }

    /** {@code link} gives each constituency's address, or null for one with no page. */
    public static String svg(HexLayout layout, Map<String, Cell> cells, Function<String, String> link) {
        int minQ = Integer.MAX_VALUE, maxQ = Integer.MIN_VALUE, minR = Integer.MAX_VALUE, maxR = Integer.MIN_VALUE;
        for (HexCell c : layout.cells()) {
            minQ = Math.min(minQ, c.q());
            maxQ = Math.max(maxQ, c.q());
            minR = Math.min(minR, c.r());
            maxR = Math.max(maxR, c.r());
        }
        boolean rows = layout.layout().endsWith("-r");
        double width = rows ? (maxQ - minQ + 1.5) * WIDTH : (maxQ - minQ) * ROW + 2 * SIZE;
        double height = rows ? (maxR - minR) * ROW + 2 * SIZE : (maxR - minR + 1.5) * WIDTH;
        StringBuilder svg = new StringBuilder(layout.cells().size() * 260);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
                + "role=\"group\" aria-label=\"Map of constituencies\" class=\"cg-hexmap\">",
                width, height, width, height));
        for (HexCell c : layout.cells()) {
            Cell look = cells.getOrDefault(c.onsCode(), new Cell("#dddddd", false, "no result"));
            double x;
            double y;
            if (rows) {
                // HexJSON rows count upwards (north), SVG downwards; offset rows are shifted half a hexagon.
                boolean shifted = ((c.r() & 1) != 0) == layout.layout().startsWith("odd");
                x = (c.q() - minQ) * WIDTH + WIDTH / 2 + (shifted ? WIDTH / 2 : 0);
                y = (maxR - c.r()) * ROW + SIZE;
            } else {
                boolean shifted = ((c.q() & 1) != 0) == layout.layout().startsWith("odd");
                x = (c.q() - minQ) * ROW + SIZE;
                y = (maxR - c.r()) * WIDTH + WIDTH / 2 + (shifted ? WIDTH / 2 : 0);
            }
            String label = c.name() + ": " + look.description();
            String href = link.apply(c.onsCode());
            // A seat with no page to lead to is a labelled picture, not a link that would lead nowhere.
            svg.append(href == null ? "<g role=\"img\" aria-label=\"" + escape(label) + "\">"
                    : "<a href=\"" + escape(href) + "\" aria-label=\"" + escape(label) + "\">")
                    .append("<title>").append(escape(label)).append("</title>")
                    .append("<polygon points=\"").append(hexagon(x, y, rows)).append("\" fill=\"").append(escape(look.colour()))
                    .append("\" stroke=\"").append(look.target() ? "#111" : "#fff").append("\" stroke-width=\"").append(look.target() ? "2" : "0.6").append("\"/>");
            if (look.pact()) {
                svg.append(String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"0.8\"/>",
                        x, y - 4.5, x + 4.5, y, x, y + 4.5, x - 4.5, y));
            } else if (look.target()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"#111\"/>", x, y));
            }
            svg.append(href == null ? "</g>" : "</a>");
        }
        return svg.append("</svg>").toString();
    }

    private static String hexagon(double cx, double cy, boolean pointyTop) {
        StringBuilder points = new StringBuilder(120);
        for (int i = 0; i < 6; i++) {
            double angle = Math.toRadians(60 * i + (pointyTop ? 30 : 0));
            // Slightly smaller than the cell, so neighbours stay apart.
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx + (SIZE - 0.4) * Math.cos(angle), cy + (SIZE - 0.4) * Math.sin(angle)));
        }
        return points.toString().strip();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
