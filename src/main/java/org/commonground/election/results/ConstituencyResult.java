package org.commonground.election.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One constituency's result as the House of Commons Library publishes it.
 *
 * @param winner           the winning party's code, normalised (LAB, CON, IND, SPK, ...)
 * @param secondParty      the runner-up's code, normalised; blank when the file has none
 * @param result           the file's own summary, e.g. "Lab gain from Con"
 * @param votes            party code to votes, the parties in column order, then OTHER for "All other candidates"
 * @param otherWinnerVotes "Of which other winner": the votes of a winner who has no column of their own
 */
public record ConstituencyResult(String onsId, String name, String region, String country, int electorate,
        int validVotes, int invalidVotes, int majority, String winner, String secondParty, String result,
        String memberName, Map<String, Integer> votes, int otherWinnerVotes) {

    /** The vote count for "All other candidates". */
    public static final String OTHER = "OTHER";

    public ConstituencyResult {
        // Copied in order: column order decides ties between parties.
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
    }

    /** Accepts the file's abbreviation or the app's code ("Green" or "GRN"); 0 for a party without a column. */
    public int votesFor(String party) {
        return votes.getOrDefault(PartyCodes.normalise(party), 0);
    }

    /** An independent, the Speaker or a party without a column of its own (TUV in 2024) is counted in "Of which other winner". */
    public int winnerVotes() {
        Integer ownColumn = votes.get(winner);
        return ownColumn != null && !winner.equals(OTHER) ? ownColumn : otherWinnerVotes;
    }
}
