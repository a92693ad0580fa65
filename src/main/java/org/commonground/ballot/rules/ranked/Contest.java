package org.commonground.ballot.rules.ranked;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a unity-candidate ballot is about: who stands, who has since withdrawn, and the tie-break fixed when it opened.
 *
 * @param candidates in ballot-paper order, which is also the order used to line up tied candidates for a lot
 * @param withdrawn  ids of candidates who withdrew after the ballot opened: they stay on the list so that ballots
 *                   already cast still name them, but they are skipped wherever they are ranked or approved
 * @param tieBreak   the rule chosen when the ballot opened
 * @param lotSeed    fixed when the ballot opened; every lot in a count is drawn from it, in order, so the count is
 *                   deterministic
 */
public record Contest(List<Candidate> candidates, Set<String> withdrawn, TieBreakRule tieBreak, long lotSeed) {

    public Contest {
        candidates = List.copyOf(candidates);
        withdrawn = Set.copyOf(withdrawn);
        if (tieBreak == null) {
            throw new IllegalArgumentException("A ballot needs a tie-break rule");
        }
        Set<String> ids = new HashSet<>();
        for (Candidate c : candidates) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("Two candidates share the id " + c.id());
            }
        }
        for (String id : withdrawn) {
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("Withdrawn candidate " + id + " is not standing in this ballot");
            }
        }
    }

    public Optional<Candidate> candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public boolean isWithdrawn(String id) {
        return withdrawn.contains(id);
    }

    /** The candidates still standing, in ballot-paper order. */
    public List<Candidate> standing() {
        List<Candidate> standing = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!withdrawn.contains(c.id())) {
                standing.add(c);
            }
        }
        return standing;
    }
}
