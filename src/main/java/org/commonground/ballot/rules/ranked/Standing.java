package org.commonground.ballot.rules.ranked;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A candidate's votes in one round (or approvals), with the same votes broken down by the voters' parties.
 *
 * @param byParty voter party code to votes, most votes first (then by code), parties with none left out
 */
public record Standing(Candidate candidate, int votes, Map<String, Integer> byParty) {

    public Standing {
        byParty = Collections.unmodifiableMap(new LinkedHashMap<>(byParty));
    }

    public int fromParty(String party) {
        return byParty.getOrDefault(party, 0);
    }
}
