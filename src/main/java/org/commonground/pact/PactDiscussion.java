package org.commonground.pact;

import org.commonground.comment.DiscussedSubject;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A pact as its comments see it: discussed while drafted, negotiated or ratified, by its convenors and the parties it
 * names, in its groups and (an alliance's pact) the local groups reading it.
 */
@Component
class PactDiscussion implements DiscussedSubject {

    private final PactGuard guard;
    private final CurrentMember currentMember;

    PactDiscussion(PactGuard guard, CurrentMember currentMember) {
        this.guard = guard;
        this.currentMember = currentMember;
    }

    @Override
    public String type() {
        return "pact";
    }

    @Override
    public void requireReadable(long id, SignedInMember me) {
        guard.readable(id, me);
    }

    @Override
    public void requireOpen(long id, SignedInMember me) {
        PactGuard.Access access = guard.readable(id, me);
        PactState state = access.state();
        if (state != PactState.DRAFT && state != PactState.NEGOTIATING && state != PactState.RATIFYING) {
            throw new AccessDeniedException("Comments are closed: the pact is " + state.label().toLowerCase() + ".");
        }
        // A party is in the pact's discussion through the members it has confirmed, not whoever claims it; and only
        // through a group that takes part (a reading group once it accepted, not the convenor of a group only invited).
        if (!access.convenor() && !(guard.partiesNamed(access).contains(me.partyCode())
                && currentMember.caucusPartyOf(me) != CurrentMember.NO_PARTY && guard.takesPart(access, me))) {
            throw new AccessDeniedException("Only members of the parties in the pact whom their party has confirmed, "
                    + "in its groups or the local groups reading it, and the group's convenors, comment on it.");
        }
    }

    @Override
    public boolean hasAmendment(long id, long amendmentId) {
        return guard.hasAmendment(id, amendmentId);
    }
}
