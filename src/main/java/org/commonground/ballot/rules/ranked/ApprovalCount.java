package org.commonground.ballot.rules.ranked;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An approval count: a single round, most approvals wins.
 *
 * @param ballots    every ballot counted
 * @param standings  every standing candidate's approvals, most first (ties in ballot-paper order)
 * @param elected    the winner, empty when no ballot approves a standing candidate
 * @param tie        how a tie for the most approvals was settled (always by lot: there are no earlier rounds)
 */
public record ApprovalCount(Contest contest, int ballots, List<Standing> standings, Optional<Candidate> elected,
                            Optional<TieResolution> tie) {

    public ApprovalCount {
        standings = List.copyOf(standings);
    }

    public List<String> sentences() {
        return RankedSentences.of(this, Function.identity());
    }

    public List<String> sentences(Function<String, String> partyName) {
        return RankedSentences.of(this, partyName);
    }
}
