package org.commonground.ballot.rules.ranked;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * An instant run-off count, round by round, as recorded at the close.
 *
 * @param ballots every ballot counted, exhausted ones included
 * @param rounds  at least one unless no ballots were cast
 * @param elected the winner, empty when nobody could be elected (no ballots, or none ranking a candidate still standing)
 */
public record RankedCount(Contest contest, int ballots, List<Round> rounds, Optional<Candidate> elected) {

    public RankedCount {
        rounds = List.copyOf(rounds);
    }

    /**
     * First preferences: each standing candidate's votes in round 1, with the voters' parties beside the total. A
     * ballot whose first choice withdrew counts here for its next choice still standing.
     */
    public List<Standing> firstPreferences() {
        return rounds.isEmpty() ? List.of() : rounds.getFirst().standings();
    }

    public Optional<Round> decidingRound() {
        return rounds.isEmpty() ? Optional.empty() : Optional.of(rounds.getLast());
    }

    /** The count in plain English, party codes as given. */
    public List<String> sentences() {
        return RankedSentences.of(this, Function.identity());
    }

    /** The count in plain English, with party codes shown as {@code partyName} says ("GRN" as "Green"). */
    public List<String> sentences(Function<String, String> partyName) {
        return RankedSentences.of(this, partyName);
    }
}
