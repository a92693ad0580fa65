package org.commonground.ballot;

import java.time.OffsetDateTime;

import org.commonground.ballot.rules.ranked.Candidate;

/**
 * A candidate in a unity-candidate ballot, as stored.
 *
 * @param partyCode   null for a candidate of no party
 * @param withdrawnAt when they withdrew, or null while standing
 */
public record UnityCandidate(long id, int position, String name, String partyCode, OffsetDateTime withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** The id the pure count knows the candidate by. */
    public String key() {
        return String.valueOf(id);
    }

    Candidate forCount() {
        return new Candidate(key(), name, partyCode);
    }
}
