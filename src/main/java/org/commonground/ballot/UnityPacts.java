package org.commonground.ballot;

import java.util.Map;

import org.commonground.security.SignedInMember;

/**
 * What unity-candidate ballots need of the pact whose seat they decide, told by the pact feature (the pact depends on
 * ballots, so ballots do not depend on the pact; as {@link RatifiedPacts}).
 */
public interface UnityPacts {

    /**
     * The pact as the reader may see it (else {@code InvalidInputException}, as for one that does not exist), its row
     * locked for a change when asked.
     */
    Pact find(long pactId, SignedInMember me, boolean lock);

    /**
     * Proposes, as the caller, an amendment making {@code winner} the alliance candidate in the seat, through the
     * pact's amendment service and its checks. Returns the amendment's id.
     */
    long proposeCandidate(long pactId, String onsCode, Winner winner, String reason);

    /**
     * @param negotiable the pact is in draft or negotiation, so a seat's candidate is still to be agreed
     * @param seats      ONS code to constituency name, the seats of its current terms
     * @param groupIds   the groups that ratify the pact, home first: their members choose a seat's unity candidate
     */
    record Pact(long id, long groupId, String title, boolean convenor, boolean negotiable, Map<String, String> seats, java.util.List<Long> groupIds) {
    }

    /** @param partyCode null for a candidate of no party */
    record Winner(String name, String partyCode) {
    }
}
