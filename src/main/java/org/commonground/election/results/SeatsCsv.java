package org.commonground.election.results;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Seat verdicts as CSV lines (RFC 4180), without line ends so the caller chooses them. */
public final class SeatsCsv {

    private SeatsCsv() {
    }

    public static String header() {
        return "ons_id,constituency,winner,winner_votes,best_placed,alliance_votes,target,"
                + "region,country,best_placed_votes,gap,share_needed";
    }

    /** An absent best-placed party or share is an empty field; the share has four decimals, whatever the locale. */
    public static String line(SeatVerdict v) {
        return Stream.of(v.onsId(), v.constituency(), v.winner(), Integer.toString(v.winnerVotes()),
                        v.bestPlaced() == null ? "" : v.bestPlaced(), Integer.toString(v.allianceVotes()),
                        Boolean.toString(v.target()), v.region(), v.country(), Integer.toString(v.bestPlacedVotes()),
                        Integer.toString(v.gap()),
                        v.shareNeeded() == null ? "" : String.format(Locale.ROOT, "%.4f", v.shareNeeded()))
                .map(SeatsCsv::field)
                .collect(Collectors.joining(","));
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
