package org.commonground.ballot;

import org.commonground.security.SignedInMember;

/**
 * What ratification ballots need to know of the pact a party ratifies, told by the pact feature: the pact depends on
 * ballots to ratify, so ballots do not depend on the pact.
 */
public interface RatifiedPacts {

    /**
     * The pact as the reader may see it (else {@code InvalidInputException}, as for one that does not exist), its
     * row locked for a change when asked.
     */
    Pact find(long pactId, SignedInMember me, boolean lock);

    /** The party ratifies the pact by ballot in its current round, and its ballot is not open yet. */
    boolean awaitsBallot(long pactId, long partyId);

    /** @param groupIds the groups that ratify the pact, home first: its parties' delegates and members there decide */
    record Pact(long id, java.util.List<Long> groupIds, String title, boolean ratifying) {
    }
}
