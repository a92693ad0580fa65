package org.commonground.election.results;

import java.util.Locale;
import java.util.Map;

/**
 * A seat's analysis in plain words, for the public seat page: where the best-placed alliance party came, and what the
 * alliance parties had together against the winner ("Labour came second with 14,212 votes; the alliance parties
 * together had 26,930 against the winner's 19,347."). Pure.
 */
public final class SeatReasoning {

    private static final String[] PLACES = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};

    private SeatReasoning() {
    }

    public static String inWords(ConstituencyResult result, SeatVerdict verdict) {
        if (verdict.speaker()) {
            return "This is the Speaker's seat, which the main parties traditionally do not contest, so there is no alliance candidate to back.";
        }
        if (verdict.bestPlaced() == null) {
            return "No alliance party stood here, so the result gives no alliance candidate to back.";
        }
        String best = PartyNames.of(verdict.bestPlaced());
        String together = number(verdict.allianceVotes());
        if (verdict.allianceHolds()) {
            String winner = PartyNames.of(verdict.winner());
            return winner + " won with " + number(verdict.winnerVotes()) + " votes"
                    + (verdict.winner().equals(verdict.bestPlaced()) ? "" : "; " + best + " was the best-placed alliance party")
                    + "; the alliance parties together had " + together + ".";
        }
        String sentence = best + " came " + place(result, verdict) + " with " + number(verdict.bestPlacedVotes())
                + " votes; the alliance parties together had " + together + " against the winner's " + number(verdict.winnerVotes()) + ".";
        if (verdict.target()) {
            return sentence + " Together they out-polled the winner, so " + best + " is the candidate best placed to win it.";
        }
        return sentence + " Even together they polled fewer votes than the winner; " + best + " is still the best-placed alliance party.";
    }

    /** Where the party came: one more than the parties (or the winner without a column of their own) ahead of it. */
    static String place(ConstituencyResult result, SeatVerdict verdict) {
        int ahead = 0;
        boolean winnerCounted = false;
        for (Map.Entry<String, Integer> column : result.votes().entrySet()) {
            if (column.getKey().equals(ConstituencyResult.OTHER) || column.getKey().equals(verdict.bestPlaced())) {
                continue;
            }
            if (column.getValue() > verdict.bestPlacedVotes()) {
                ahead++;
                winnerCounted |= column.getKey().equals(verdict.winner());
            }
        }
        if (!winnerCounted && verdict.winnerVotes() > verdict.bestPlacedVotes()) {
            ahead++;
        }
        return ahead < PLACES.length ? PLACES[ahead] : "in place " + (ahead + 1);
    }

    static String number(long n) {
        return String.format(Locale.UK, "%,d", n);
    }
}
