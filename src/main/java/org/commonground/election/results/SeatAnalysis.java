package org.commonground.election.results;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** DESIGN.md's seat analysis: where the alliance together out-polled a winner from outside it. */
public final class SeatAnalysis {

    private SeatAnalysis() {
    }

    /** One verdict per result, in the same order. */
    public static List<SeatVerdict> analyse(List<ConstituencyResult> results, Alliance alliance) {
        return results.stream().map(r -> analyse(r, alliance)).toList();
    }

    public static SeatVerdict analyse(ConstituencyResult r, Alliance alliance) {
        Set<String> parties = alliance.partiesIn(r.country());
        String bestPlaced = null;
        int bestPlacedVotes = 0;
        long allianceVotes = 0;
        for (Map.Entry<String, Integer> column : r.votes().entrySet()) {
            if (!parties.contains(column.getKey())) {
                continue;
            }
            int votes = column.getValue();
            allianceVotes += votes;
            // Strictly more: on a tie the earlier column stays best placed, and a party with no votes never is.
            if (votes > bestPlacedVotes) {
                bestPlaced = column.getKey();
                bestPlacedVotes = votes;
            }
        }
        int pooled = (int) Math.min(allianceVotes, Integer.MAX_VALUE);
        int winnerVotes = r.winnerVotes();
        boolean allianceHolds = parties.contains(r.winner());
        boolean speaker = PartyCodes.isSpeaker(r.winner());
        boolean target = !allianceHolds && !speaker && pooled > winnerVotes;
        int gap = winnerVotes - bestPlacedVotes;
        Double shareNeeded = target ? shareNeeded(gap, pooled - bestPlacedVotes) : null;
        return new SeatVerdict(r.onsId(), r.name(), r.region(), r.country(), r.winner(), winnerVotes, bestPlaced,
                bestPlacedVotes, pooled, target, gap, shareNeeded, allianceHolds, speaker);
    }

    /**
     * shareNeeded = (gap + 1) / (allianceVotes - bestPlacedVotes), clamped to 0..1: the best-placed party must gain
     * one vote more than the gap to overtake the winner, and the voters it can win over are those of the other
     * alliance parties (assuming the winner's vote stays as it was). For a target the result is at most 1, because
     * the alliance out-polled the winner; the clamp only guards against inconsistent figures in a file.
     */
    private static double shareNeeded(int gap, int otherAllianceVotes) {
        long needed = Math.max(0L, gap + 1L);
        return needed == 0 ? 0.0 : Math.min(1.0, (double) needed / otherAllianceVotes);
    }
}
