package org.commonground.pact;

import org.commonground.ballot.RatifiedPacts;
import org.commonground.security.SignedInMember;
import org.springframework.stereotype.Component;

/** A pact as the ballots its parties ratify it by see it. */
@Component
class PactBallots implements RatifiedPacts {

    private final PactGuard guard;

    PactBallots(PactGuard guard) {
        this.guard = guard;
    }

    @Override
    public Pact find(long pactId, SignedInMember me, boolean lock) {
        PactGuard.Access access = lock ? guard.lockedForChange(pactId, me) : guard.readable(pactId, me);
        return new Pact(pactId, access.groupIds(), access.pact().getTitle(), access.state() == PactState.RATIFYING);
    }

    @Override
    public boolean awaitsBallot(long pactId, long partyId) {
        return guard.awaitsBallot(pactId, partyId);
    }
}
