package org.commonground.pact;

import java.util.List;
import java.util.Set;

import org.commonground.jooq.tables.records.PactRecord;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Finds a pact for a caller by the one readership rule, V36's {@code pact_reader} view: the active members of its
 * groups (the home group, the LOCAL groups that joined it, for an ALLIANCE pact the LOCAL groups that accepted to read
 * it, and the convenors of a group invited to join or to read). A pact the caller may not read is reported exactly
 * like one that does not exist.
 */
@Component
public class PactGuard {

    /**
     * @param convenor the caller convenes one of the groups that ratify the pact (its home group or one that joined)
     * @param groupIds the groups that ratify the pact, home first: their parties' delegates and confirmed members
     *                 decide for each party, once for the whole pact
     */
    public record Access(PactRecord pact, boolean convenor, List<Long> groupIds) {
        public PactState state() {
            return PactState.valueOf(pact.getState());
        }

        /** The home group, which started the pact. */
        public long groupId() {
            return pact.getGroupId();
        }
    }

    private final PactRepository pacts;

    PactGuard(PactRepository pacts) {
        this.pacts = pacts;
    }

    /**
     * The caller is an active member of a group that takes part in the pact's negotiation: one that ratifies it, or
     * a local group reading an alliance's pact (which comments and proposes amendments as a joined group does, but
     * never ratifies). A reader who is only the convenor of a group invited takes no part until the group accepts.
     */
    public boolean takesPart(Access access, SignedInMember me) {
        return pacts.takesPart(access.pact().getId(), me.id());
    }

    public Access readable(long pactId, SignedInMember me) {
        return access(pacts.find(pactId).orElse(null), me);
    }

    /** As {@link #readable}, with the pact's row locked for a change. */
    public Access lockedForChange(long pactId, SignedInMember me) {
        return access(pacts.lock(pactId).orElse(null), me);
    }

    /** As {@link #lockedForChange}, for a convenor of the pact's group only. */
    public Access convenorChanging(long pactId, SignedInMember me) {
        Access access = lockedForChange(pactId, me);
        if (!access.convenor()) {
            throw new AccessDeniedException("Only a convenor of the pact's groups can do that.");
        }
        return access;
    }

    static void requireState(Access access, String message, PactState... allowed) {
        if (!Set.of(allowed).contains(access.state())) {
            throw new InvalidInputException("state", message + " This pact is " + access.state().label().toLowerCase() + ".");
        }
    }

    /** The parties the pact's current terms name: their members take part in negotiating it. */
    public Set<String> partiesNamed(Access access) {
        return pacts.terms(access.pact().getId(), access.pact().getCurrentRevision()).parties();
    }

    public boolean hasAmendment(long pactId, long amendmentId) {
        return pacts.amendment(amendmentId).filter(a -> a.getPactId() == pactId).isPresent();
    }

    /** The party ratifies the pact by ballot in the current round, and its ballot is not open yet. */
    public boolean awaitsBallot(long pactId, long partyId) {
        return pacts.find(pactId).flatMap(p -> pacts.ratification(pactId, p.getRound(), partyId))
                .filter(r -> RatificationMethod.BALLOT.name().equals(r.getMethod()) && r.getBallotId() == null).isPresent();
    }

    private Access access(PactRecord pact, SignedInMember me) {
        Boolean convenes = pact == null ? null : pacts.reader(pact.getId(), me.id()).orElse(null);
        if (convenes == null) {
            throw new InvalidInputException("pact", "There is no such pact, or you may not read it.");
        }
        return new Access(pact, convenes, pacts.ratifyingGroups(pact.getId()));
    }
}
