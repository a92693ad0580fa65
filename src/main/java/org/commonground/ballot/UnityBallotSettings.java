package org.commonground.ballot;

import java.time.OffsetDateTime;
import java.util.List;

import org.commonground.ballot.rules.ranked.TieBreakRule;

/**
 * What a convenor states when opening a unity-candidate ballot; none of it changes after.
 *
 * @param candidates in ballot-paper order
 * @param closesAt   null: a convenor closes it by hand
 */
public record UnityBallotSettings(UnityMethod method, TieBreakRule tieBreak, List<NewCandidate> candidates, OffsetDateTime closesAt) {

    public UnityBallotSettings {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
