package org.commonground.pact.terms;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two pacts' terms for the same seat cannot both hold: they name different alliance candidates, or a party
 * gives way (stands down, runs a paper candidate, withdraws late) in one and fields the alliance candidate in the
 * other. Said from the first pact's side, in plain words. Pure.
 */
public final class Contradiction {

    private Contradiction() {
    }

    /** Why {@code mine} and {@code theirs} (from the pact titled {@code theirTitle}) contradict, if they do. */
    public static Optional<String> between(SeatTerms mine, SeatTerms theirs, String theirTitle) {
        if (!mine.onsCode().equals(theirs.onsCode()) || mine.candidate() == null || theirs.candidate() == null
                || Objects.equals(mine.candidate(), theirs.candidate())) {
            return Optional.empty();
        }
        String seat = mine.constituency();
        String other = "\"" + theirTitle + "\"";
        Optional<String> ours = mine.candidate().partyCode();
        Optional<String> theirsParty = theirs.candidate().partyCode();
        if (theirsParty.isPresent() && givesWay(mine.stances(), theirsParty.get())) {
            return Optional.of("In " + seat + ", " + theirsParty.get() + " " + mine.stances().get(theirsParty.get()).label()
                    + " in this pact, but fields the alliance candidate in " + other + ".");
        }
        if (ours.isPresent() && givesWay(theirs.stances(), ours.get())) {
            return Optional.of("In " + seat + ", " + ours.get() + " fields the alliance candidate in this pact, but "
                    + theirs.stances().get(ours.get()).label() + " in " + other + ".");
        }
        return Optional.of("In " + seat + ", this pact's alliance candidate is " + mine.candidateInWords() + ", but " + other + "'s is "
                + theirs.candidateInWords() + ".");
    }

    private static boolean givesWay(Map<String, Stance> stances, String party) {
        Stance s = stances.get(party);
        return s == Stance.STANDS_DOWN || s == Stance.PAPER_CANDIDATE || s == Stance.WITHDRAWS_AFTER_NOMINATIONS;
    }
}
