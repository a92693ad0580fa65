package org.commonground.election.results;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One constituency's votes as horizontal bars, largest first, each labelled with its party, votes and share, so
 * the chart reads without colour; the winner's bar is outlined. Pure.
 */
public final class VotesChart {

    private static final int LABEL = 60;
    private static final int BAR = 300;
    private static final int ROW = 26;

    private VotesChart() {
    }

    public static String svg(ConstituencyResult result, Function<String, String> colourOf) {
        List<Map.Entry<String, Integer>> bars = result.votes().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .toList();
        int largest = bars.isEmpty() ? 1 : Math.max(1, bars.getFirst().getValue());
        int total = Math.max(1, result.validVotes());
        int height = ROW * bars.size() + 10;
        int width = LABEL + BAR + 150;
        StringBuilder svg = new StringBuilder(200 + bars.size() * 300);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
                + "aria-label=\"Votes per party in %s\" class=\"cg-chart\" style=\"max-width:100%%;height:auto\">", width, height, width, height,
                escape(result.name())));
        int y = 4;
        for (Map.Entry<String, Integer> bar : bars) {
            boolean winner = bar.getKey().equals(result.winner());
            int w = Math.max(1, (int) Math.round((double) BAR * bar.getValue() / largest));
            String name = bar.getKey().equals(ConstituencyResult.OTHER) ? "Others" : bar.getKey();
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-size=\"12\" font-weight=\"%s\">%s</text>", y + 15,
                    winner ? "700" : "400", escape(name)));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
                    LABEL, y + 2, w, escape(colourOf.apply(bar.getKey())), winner ? "#111" : "#666", winner ? "2" : "0.5"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%,d (%.1f%%)%s</text>", LABEL + w + 6, y + 15,
                    bar.getValue(), 100.0 * bar.getValue() / total, winner ? " won" : ""));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
