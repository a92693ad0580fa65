package org.commonground.election.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * "What if" seat totals as horizontal bars: per party, its name as a heading and one bar for each case, each bar
 * labelled in words and figures ("as cast 120"), so the chart reads without colour. Narrow (300 units wide, the text
 * above or beside short bars) so that it stays legible on a 320-pixel screen. No style attribute: the public pages'
 * policy allows none. Pure.
 */
public final class SeatTotalsChart {

    private static final int WIDTH = 300;
    private static final int BAR = 190;
    private static final int HEADING = 18;
    private static final int ROW = 16;
    private static final String[] CASES = {"as cast", "all seats", "pact seats"};

    private SeatTotalsChart() {
    }

    /**
     * @param nameOf   a party's name for its heading, such as "Labour (LAB)"
     * @param colourOf a party's colour; decoration only, as every bar is labelled
     */
    public static String svg(WhatIfSeats.Totals totals, String title, Function<String, String> nameOf, Function<String, String> colourOf) {
        Set<String> parties = new LinkedHashSet<>(totals.asCast().keySet());
        parties.addAll(totals.transfersEverywhere().keySet());
        parties.addAll(totals.transfersInPactSeats().keySet());
        int largest = 1;
        for (Map<String, Integer> seats : List.of(totals.asCast(), totals.transfersEverywhere(), totals.transfersInPactSeats())) {
            largest = Math.max(largest, seats.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        }
        int height = parties.size() * (HEADING + 3 * ROW + 6) + 4;
        StringBuilder svg = new StringBuilder(400 + parties.size() * 700);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
                + "role=\"img\" aria-labelledby=\"what-if-chart-title\" class=\"seat-chart\">", WIDTH, height, WIDTH, height));
        svg.append("<title id=\"what-if-chart-title\">").append(escape(title)).append("</title>");
        int y = 0;
        for (String party : parties) {
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"13\" font-weight=\"700\" fill=\"#1f2933\">%s</text>",
                    y + 14, escape(nameOf.apply(party))));
            y += HEADING;
            List<Integer> counts = new ArrayList<>(List.of(totals.asCast().getOrDefault(party, 0),
                    totals.transfersEverywhere().getOrDefault(party, 0), totals.transfersInPactSeats().getOrDefault(party, 0)));
            for (int i = 0; i < CASES.length; i++) {
                int seats = counts.get(i);
                int w = seats == 0 ? 0 : Math.max(2, (int) Math.round((double) BAR * seats / largest));
                svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"12\" fill=\"%s\" stroke=\"#1f2933\" "
                        + "stroke-width=\"0.5\"/>", y + 1, w, escape(colourOf.apply(party))));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#1f2933\">%s %,d</text>",
                        w + 4, y + 11, CASES[i], seats));
                y += ROW;
            }
            y += 6;
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
