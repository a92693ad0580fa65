package org.commonground.pact;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.jooq.tables.records.PactAmendmentRecord;
import org.commonground.pact.terms.PactTerms;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Amendments to a pact's terms while it is negotiated: proposed by members of the parties the terms name (confirmed
 * by their party), accepted or rejected by a convenor, withdrawn by their proposer. Every method checks the
 * caller's rights itself.
 */
@Service
public class PactAmendmentService {

    private final PactRepository pacts;
    private final PactGuard guard;
    private final PactTermsChecker termsChecker;
    private final CurrentMember currentMember;
    private final AuditLog audit;

    PactAmendmentService(PactRepository pacts, PactGuard guard, PactTermsChecker termsChecker, CurrentMember currentMember, AuditLog audit) {
        this.pacts = pacts;
        this.guard = guard;
        this.termsChecker = termsChecker;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** A member of a party the terms name proposes new terms, with a reason, while the pact is negotiated. */
    @Transactional
    public long proposeAmendment(long pactId, PactTerms terms, String reason) {
        SignedInMember me = currentMember.requireVerified();
        // Locked: amendments are numbered one after another per pact.
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        PactGuard.requireState(access, "Amendments are proposed while the pact is negotiated.", PactState.NEGOTIATING);
        if (!guard.takesPart(access, me) || !guard.partiesNamed(access).contains(me.partyCode()) || currentMember.caucusPartyOf(me) == CurrentMember.NO_PARTY) {
            throw new AccessDeniedException("Only members of the pact's groups from the parties in it, confirmed by their party, propose amendments to it.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > PactService.MAX_REASON) {
            throw new InvalidInputException("reason", "A reason can be at most 5,000 characters.");
        }
        termsChecker.check(terms, access.groupIds());
        PactTerms current = pacts.terms(pactId, access.pact().getCurrentRevision());
        if (current.equals(terms)) {
            throw new InvalidInputException("seats", "These are the current terms; change something to propose an amendment.");
        }
        long id = pacts.insertAmendment(pactId, me.id(), access.pact().getCurrentRevision(), terms, why);
        audit.record(me.id(), AuditAction.PACT_AMENDMENT_PROPOSED, "pact", pactId, "amendment " + pacts.amendment(id).orElseThrow().getNumber());
        return id;
    }

    /** A convenor accepts an amendment: its terms become the next revision, if the pact has not moved on since. */
    @Transactional
    public int acceptAmendment(long amendmentId) {
        SignedInMember me = currentMember.require();
        PactAmendmentRecord a = readableAmendment(amendmentId, me);
        PactGuard.Access access = guard.convenorChanging(a.getPactId(), me);
        PactGuard.requireState(access, "Amendments are accepted while the pact is negotiated.", PactState.NEGOTIATING);
        int current = access.pact().getCurrentRevision();
        if (a.getBaseRevision() != current) {
            throw new InvalidInputException("amendment", "The terms changed after this amendment was proposed (revision " + a.getBaseRevision()
                    + ", now " + current + "); accepting it would undo those changes. Ask its proposer to propose it again on the current terms.");
        }
        int next = current + 1;
        if (!pacts.decideAmendment(amendmentId, "ACCEPTED", me.id(), "", next)) {
            throw new InvalidInputException("amendment", "This amendment has already been decided.");
        }
        pacts.insertRevision(a.getPactId(), next, new PactTerms(PactRepository.seats(a.getTerms()), a.getConditions()), me.id(),
                "Amendment " + a.getNumber() + " accepted");
        audit.record(me.id(), AuditAction.PACT_AMENDMENT_ACCEPTED, "pact", a.getPactId(), "amendment " + a.getNumber() + ", revision " + next);
        return next;
    }

    @Transactional
    public void rejectAmendment(long amendmentId, String reason) {
        SignedInMember me = currentMember.require();
        PactAmendmentRecord a = readableAmendment(amendmentId, me);
        guard.convenorChanging(a.getPactId(), me);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > PactService.MAX_REASON) {
            throw new InvalidInputException("reason", why.isEmpty() ? "Say why the amendment is rejected: its proposer will read it." : "A reason can be at most 5,000 characters.");
        }
        if (!pacts.decideAmendment(amendmentId, "REJECTED", me.id(), why, null)) {
            throw new InvalidInputException("amendment", "This amendment has already been decided.");
        }
        audit.record(me.id(), AuditAction.PACT_AMENDMENT_REJECTED, "pact", a.getPactId(), "amendment " + a.getNumber());
    }

    @Transactional
    public void withdrawAmendment(long amendmentId) {
        SignedInMember me = currentMember.require();
        PactAmendmentRecord a = readableAmendment(amendmentId, me);
        if (a.getProposerId() != me.id()) {
            throw new AccessDeniedException("Only its proposer can withdraw an amendment.");
        }
        if (!pacts.decideAmendment(amendmentId, "WITHDRAWN", me.id(), "", null)) {
            throw new InvalidInputException("amendment", "This amendment has already been decided.");
        }
        audit.record(me.id(), AuditAction.PACT_AMENDMENT_WITHDRAWN, "pact", a.getPactId(), "amendment " + a.getNumber());
    }

    /** The amendment, if the caller may read its pact; one they may not is reported exactly like one that does not exist. */
    private PactAmendmentRecord readableAmendment(long amendmentId, SignedInMember me) {
        PactAmendmentRecord a = pacts.amendment(amendmentId).orElseThrow(PactAmendmentService::noSuchAmendment);
        try {
            guard.readable(a.getPactId(), me);
        } catch (InvalidInputException notReadable) {
            throw noSuchAmendment();
        }
        return a;
    }

    private static InvalidInputException noSuchAmendment() {
        return new InvalidInputException("amendment", "There is no such amendment.");
    }
}
