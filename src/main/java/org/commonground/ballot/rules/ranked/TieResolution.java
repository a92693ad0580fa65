package org.commonground.ballot.rules.ranked;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a tie was settled, recorded in the round it happened.
 *
 * @param tied          every candidate tied, in ballot-paper order
 * @param votes         the votes each of them had in this round
 * @param picked        whom the rule picked: in a run-off, the one who loses (is excluded, or is not elected in a tie
 *                      for the win); in an approval count, the winner
 * @param by            what decided it
 * @param earlierRound  for {@link By#EARLIER_ROUND}, the round that singled out the loser; otherwise 0
 * @param earlierVotes  for {@link By#EARLIER_ROUND}, the votes in that round of the candidates still tied when it was
 *                      reached (id to votes, in ballot-paper order); otherwise empty
 */
public record TieResolution(List<Candidate> tied, int votes, Candidate picked, By by, int earlierRound,
                            Map<String, Integer> earlierVotes) {

    public TieResolution {
        tied = List.copyOf(tied);
        earlierVotes = Collections.unmodifiableMap(new LinkedHashMap<>(earlierVotes));
    }

    public enum By {
        /** The most recent earlier round in which the tied candidates' votes differed. */
        EARLIER_ROUND,
        /** A lot, because the rule is a lot. */
        LOT,
        /** A lot, because under the backwards rule they were level in every earlier round (or there was none). */
        LOT_AFTER_LEVEL_ROUNDS
    }

    public boolean byLot() {
        return by != By.EARLIER_ROUND;
    }
}
