package org.commonground.ballot.rules;

import java.util.List;
import java.util.Locale;

/**
 * The result of a ballot as a stacked bar per party, in SVG drawn on the server. Each kind of vote has its own
 * pattern as well as its own shade, and every bar is labelled with its numbers, so it reads in black and white.
 * Pure.
 */
public final class ResultChart {

    private static final int LABEL = 70;
    private static final int BAR = 360;
    private static final int ROW = 34;

    private ResultChart() {
    }

    public static String svg(List<PartyTally> parties) {
        int height = 40 + ROW * parties.size() + 30;
        int width = LABEL + BAR + 190;
        StringBuilder svg = new StringBuilder(2000);
        // Width and height give the browser the aspect ratio; the style lets the chart shrink on a phone.
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-label=\"Votes per party\" class=\"cg-chart\" style=\"max-width:100%%;height:auto\">",
                width, height, width, height));
        svg.append("<defs>")
                .append("<pattern id=\"cg-against\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                        + "<rect width=\"6\" height=\"6\" fill=\"#f3d5d5\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#7f1d1d\" stroke-width=\"2\"/></pattern>")
                .append("<pattern id=\"cg-abstain\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                        + "<rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#444\"/></pattern>")
                .append("</defs>");
        int y = 10;
        legend(svg, y);
        y += 30;
        for (PartyTally p : parties) {
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"13\" font-weight=\"600\">%s</text>", y + 17, escape(p.party())));
            int x = LABEL;
            double unit = p.electorate() == 0 ? 0 : (double) BAR / p.electorate();
            x = segment(svg, x, y, p.forVotes() * unit, "#0b6e4f");
            x = segment(svg, x, y, p.against() * unit, "url(#cg-against)");
            x = segment(svg, x, y, p.abstain() * unit, "url(#cg-abstain)");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"none\" stroke=\"#555\"/>", LABEL, y, BAR));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d for, %d against, %d abstain of %d</text>",
                    LABEL + BAR + 8, y + 16, p.forVotes(), p.against(), p.abstain(), p.electorate()));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static int segment(StringBuilder svg, int x, int y, double width, String fill) {
        int w = (int) Math.round(width);
        if (w > 0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" fill=\"%s\" stroke=\"#222\" stroke-width=\"0.5\"/>",
                    x, y, w, fill));
        }
        return x + w;
    }

    private static void legend(StringBuilder svg, int y) {
        String[][] items = {{"#0b6e4f", "For"}, {"url(#cg-against)", "Against"}, {"url(#cg-abstain)", "Abstain"}, {"none", "Did not vote"}};
        int x = LABEL;
        for (String[] item : items) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\" stroke=\"#555\"/>", x, y, item[0]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", x + 18, y + 12, item[1]));
            x += 100;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
