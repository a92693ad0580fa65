package org.commonground.ballot.rules.ranked;

import java.util.List;
import java.util.Optional;

/**
 * One round of an instant run-off count: where every ballot stood, and what followed from it.
 *
 * @param standings       every continuing candidate's votes, most first (ties in ballot-paper order)
 * @param exhausted       ballots that rank no continuing candidate (all they ranked has been excluded or withdrawn)
 * @param continuingVotes the votes for continuing candidates, which a winner needs more than half of
 * @param elected         the winner, if this round decided
 * @param excluded        who is excluded at the end of this round (several only when they all had no votes at all)
 * @param reason          why
 * @param tie             how a tie was settled in this round, if there was one
 */
public record Round(int number, List<Standing> standings, int exhausted, int continuingVotes, Optional<Candidate> elected,
                    List<Candidate> excluded, Reason reason, Optional<TieResolution> tie) {

    public Round {
        standings = List.copyOf(standings);
        excluded = List.copyOf(excluded);
    }

    public enum Reason {
        /** Elected: more than half of the continuing votes. */
        MAJORITY,
        /** Elected: the last two were level, and the tie-break went against the other. */
        TIE_FOR_WIN,
        /** Excluded: fewest votes. */
        FEWEST_VOTES,
        /** Excluded: tied for fewest votes, and the tie-break went against them. */
        TIED_FOR_FEWEST,
        /** Excluded together: no votes at all, so their exclusion moves no ballot and needs no tie-break. */
        NO_VOTES,
        /** Nobody elected: no ballot counts for any continuing candidate. */
        NOTHING_TO_COUNT
    }

    public int votes(String candidateId) {
        return standings.stream().filter(s -> s.candidate().id().equals(candidateId)).mapToInt(Standing::votes).findFirst().orElse(0);
    }

    public Optional<Standing> standing(String candidateId) {
        return standings.stream().filter(s -> s.candidate().id().equals(candidateId)).findFirst();
    }
}
