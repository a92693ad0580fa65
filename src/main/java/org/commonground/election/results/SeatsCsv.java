package org.commonground.election.results;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Seat verdicts as CSV lines (RFC 4180), without line ends so the caller chooses them.
 *
 * <p>Text cells come from an uploaded results file, so one starting with {@code = + - @}, a tab or a carriage return
 * is prefixed with {@code '} (OWASP's advice against spreadsheet formula injection). Numeric cells are written by
 * this class from numbers, so a negative gap stays the number {@code -3}, which a spreadsheet reads as a number,
 * never a formula.
 */
public final class SeatsCsv {

    private SeatsCsv() {
    }

    public static String header() {
        return "ons_id,constituency,winner,winner_votes,best_placed,alliance_votes,target,"
                + "region,country,best_placed_votes,gap,share_needed";
    }

    /** An absent best-placed party or share is an empty field; the share has four decimals, whatever the locale. */
    public static String line(SeatVerdict v) {
        return Stream.of(text(v.onsId()), text(v.constituency()), text(v.winner()), Integer.toString(v.winnerVotes()),
                        v.bestPlaced() == null ? "" : text(v.bestPlaced()), Integer.toString(v.allianceVotes()),
                        Boolean.toString(v.target()), text(v.region()), text(v.country()),
                        Integer.toString(v.bestPlacedVotes()), Integer.toString(v.gap()),
                        v.shareNeeded() == null ? "" : String.format(Locale.ROOT, "%.4f", v.shareNeeded()))
                .map(SeatsCsv::field)
                .collect(Collectors.joining(","));
    }

    /** A text cell a spreadsheet would take for a formula, made inert. */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
