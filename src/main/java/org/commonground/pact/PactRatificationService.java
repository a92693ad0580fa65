package org.commonground.pact;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.RatificationBallotClosed;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.DelegationMember;
import org.commonground.group.DelegationRepository;
import org.commonground.jooq.tables.records.PactRatificationRecord;
import org.commonground.jooq.tables.records.PactRecord;
import org.commonground.pact.terms.PactTerms;
import org.commonground.party.Party;
import org.commonground.party.PartyRepository;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ratifying a pact, which each party named in its terms does for itself. A convenor sends the pact to ratification
 * and chooses nothing for anyone; each party's delegates in the group then choose how their party ratifies (its own
 * ballot, with its rule, secrecy and closing time, or one of them signing for it). One rejection sends the pact back
 * to negotiation; all ratifications make it RATIFIED. Every method checks the caller's rights itself.
 */
@Service
public class PactRatificationService {

    private final PactRepository pacts;
    private final PactGuard guard;
    private final DelegationRepository delegations;
    private final PartyRepository parties;
    private final BallotService ballots;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    PactRatificationService(PactRepository pacts, PactGuard guard, DelegationRepository delegations, PartyRepository parties,
                            BallotService ballots, CurrentMember currentMember, AuditLog audit, ApplicationEventPublisher events) {
        this.events = events;
        this.pacts = pacts;
        this.guard = guard;
        this.delegations = delegations;
        this.parties = parties;
        this.ballots = ballots;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /**
     * How a party ratifies, as its delegates choose: by its own ballot with {@code ballot}'s settings (null: secret,
     * simple majority, closed by hand by one of its delegates), or by {@code representativeId}, one of its delegates,
     * signing for it.
     */
    public record RatificationPlan(RatificationMethod method, Long representativeId, BallotSettings ballot) {

        public static RatificationPlan byBallot(BallotSettings ballot) {
            return new RatificationPlan(RatificationMethod.BALLOT, null, ballot);
        }

        public static RatificationPlan byRepresentative(long representativeId) {
            return new RatificationPlan(RatificationMethod.REPRESENTATIVE, representativeId, null);
        }
    }

    /**
     * A convenor sends the negotiated pact to every party its terms name. Each must have delegates in the group to
     * choose how it ratifies; until they do, the pact shows that party as choosing.
     */
    @Transactional
    public void startRatification(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.convenorChanging(pactId, me);
        PactGuard.requireState(access, "A pact goes to ratification from negotiation.", PactState.NEGOTIATING);
        List<Party> named = requireDelegates(access);
        int round = pacts.startRound(pactId);
        named.forEach(party -> pacts.insertRatification(pactId, round, party.id()));
        pacts.closeOpenAmendments(pactId, me.id(), "The pact went to ratification.");
        audit.record(me.id(), AuditAction.PACT_RATIFYING, "pact", pactId, "round " + round + ", revision " + access.pact().getCurrentRevision());
    }

    /**
     * A change of the published pact's conditions is a new agreement: a round in which every party the terms name
     * ratifies the corrected conditions again, each as its delegates choose. Publishing starts it when a convenor
     * proposes the correction; the correction is published only when every party has ratified it
     * ({@link PactCorrectionDecided}), and one rejection drops it, the pact staying as published.
     */
    @Transactional
    public void startCorrectionRound(long pactId, long correctionId, String correctedConditions, String reason) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.convenorChanging(pactId, me);
        PactGuard.requireState(access, "Only a published pact's conditions are corrected.", PactState.PUBLISHED);
        if (!pacts.correctionAwaits(pactId, correctionId)) {
            throw new InvalidInputException("ratification", "There is no correction of this pact waiting for its parties' consent.");
        }
        requireDelegates(access);
        PactTerms published = pacts.terms(pactId, access.pact().getCurrentRevision());
        int revision = access.pact().getCurrentRevision() + 1;
        pacts.insertRevision(pactId, revision, new PactTerms(published.seats(), correctedConditions), me.id(), "Correction proposed: " + reason);
        int round = pacts.startRound(pactId);
        pacts.changeState(pactId, PactState.RATIFYING, "A correction of the published conditions awaits every party's ratification: " + reason);
        for (String code : guard.partiesNamed(access)) {
            pacts.insertRatification(pactId, round, parties.findByCode(code).orElseThrow().id());
        }
        audit.record(me.id(), AuditAction.PACT_RATIFYING, "pact", pactId, "round " + round + ", revision " + revision + ": a correction");
    }

    /**
     * One of a party's delegates chooses how it ratifies, once per round: the first choice stands, and a second
     * delegate choosing at the same moment is told so. A ballot opens at once.
     */
    @Transactional
    public void choosePlan(long pactId, String partyCode, RatificationPlan plan) {
        SignedInMember me = currentMember.requireVerified();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        PactGuard.requireState(access, "A party chooses how it ratifies while the pact is being ratified.", PactState.RATIFYING);
        Party party = parties.findByCode(partyCode).orElseThrow(() -> new InvalidInputException("party", "There is no such party."));
        if (!me.partyCode().equals(partyCode) || !delegations.isDelegateInAny(access.groupIds(), me.id(), party.id())) {
            throw new AccessDeniedException("Only " + partyCode + "'s delegates in the pact's groups choose how " + partyCode + " ratifies.");
        }
        int round = access.pact().getRound();
        PactRatificationRecord r = pacts.ratification(pactId, round, party.id())
                .orElseThrow(() -> new InvalidInputException("party", partyCode + " is not a party to this pact."));
        // A plan stands, unless the delegate it named to sign has since stopped being one: then it is chosen again.
        Long signerGone = RatificationMethod.REPRESENTATIVE.name().equals(r.getMethod()) && r.getVerdict() == null
                && !delegations.isDelegateInAny(access.groupIds(), r.getRepresentativeId(), party.id()) ? r.getRepresentativeId() : null;
        if (r.getMethod() != null && signerGone == null) {
            throw new InvalidInputException("method", partyCode + "'s delegates have already chosen how it ratifies: reload the page to see it.");
        }
        if (plan == null || plan.method() == null) {
            throw new InvalidInputException("method", "Choose how " + partyCode + " ratifies: by its own ballot, or by a delegate signing for it.");
        }
        String said;
        if (plan.method() == RatificationMethod.REPRESENTATIVE) {
            DelegationMember representative = delegations.delegatesInAny(access.groupIds(), party.id()).stream()
                    .filter(d -> Objects.equals(d.memberId(), plan.representativeId())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("representative", "Name one of " + partyCode + "'s delegates in the pact's groups to sign for it."));
            said = representative.displayName() + " signs for " + partyCode;
        } else {
            BallotSettings settings = ballotSettings(plan);
            said = "by ballot: " + settings.rule().label().toLowerCase() + (settings.secret() ? ", secret" : ", open")
                    + (settings.closesAt() == null ? ", closed by a delegate" : ", closes " + Dates.dayAndTime(settings.closesAt()));
        }
        if (!pacts.choosePlan(pactId, round, party.id(), plan.method(), plan.method() == RatificationMethod.REPRESENTATIVE ? plan.representativeId() : null,
                me.id(), signerGone)) {
            throw new InvalidInputException("method", "Another of " + partyCode + "'s delegates chose how it ratifies a moment ago: reload the page to see it.");
        }
        if (plan.method() == RatificationMethod.BALLOT) {
            pacts.attachBallot(pactId, round, party.id(), ballots.openRatification(pactId, party.id(), access.pact().getCurrentRevision(), ballotSettings(plan)));
        }
        audit.record(me.id(), AuditAction.PACT_RATIFICATION_PLANNED, "pact", pactId, partyCode + " ratifies " + said);
    }

    /** The parties the terms name, each of which must have delegates in one of the pact's groups to choose how it ratifies. */
    private List<Party> requireDelegates(PactGuard.Access access) {
        List<Party> named = new ArrayList<>();
        List<String> withoutDelegates = new ArrayList<>();
        for (String code : guard.partiesNamed(access)) {
            Party party = parties.findByCode(code).orElseThrow();
            named.add(party);
            if (delegations.delegatesInAny(access.groupIds(), party.id()).isEmpty()) {
                withoutDelegates.add(code);
            }
        }
        if (!withoutDelegates.isEmpty()) {
            throw new InvalidInputException("ratification", String.join(", ", withoutDelegates) + (withoutDelegates.size() == 1 ? " has" : " have")
                    + " no delegates in " + (access.groupIds().size() == 1 ? "this group" : "the pact's groups") + ", and only a party's delegates choose how it ratifies. Its organisers appoint them "
                    + "(the group page, under \"Parties here\").");
        }
        return named;
    }

    private static BallotSettings ballotSettings(RatificationPlan plan) {
        return plan.ballot() != null ? plan.ballot() : new BallotSettings(DecisionRule.SIMPLE_MAJORITY, true, 0, 0, null);
    }

    /** A party's delegates across the pact's groups, each once: those its delegates may name to sign for it. */
    @Transactional(readOnly = true)
    public List<DelegationMember> possibleRepresentatives(long pactId, String partyCode) {
        PactGuard.Access access = guard.readable(pactId, currentMember.require());
        Party party = parties.findByCode(partyCode).orElseThrow(() -> new InvalidInputException("party", "There is no such party."));
        return delegations.delegatesInAny(access.groupIds(), party.id());
    }

    /**
     * How many of a party's members across the pact's groups it has confirmed (a member of two of them counted once):
     * those on whose behalf its delegate signs, and its ballot's electorate.
     */
    @Transactional(readOnly = true)
    public int confirmedMembers(long pactId, String partyCode) {
        PactGuard.Access access = guard.readable(pactId, currentMember.require());
        return delegations.confirmedMembersInAny(access.groupIds(), partyCode);
    }

    /** The delegate a party named signs its ratification, or rejects the pact for it with a reason. */
    @Transactional
    public void sign(long pactId, String partyCode, boolean ratify, String reason) {
        SignedInMember me = currentMember.requireVerified();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        PactGuard.requireState(access, "The pact is not being ratified.", PactState.RATIFYING);
        if (!me.partyCode().equals(partyCode)) {
            throw new AccessDeniedException("You can only sign for your own party.");
        }
        long partyId = parties.findByCode(partyCode).orElseThrow(() -> new InvalidInputException("party", "There is no such party.")).id();
        PactRatificationRecord r = pacts.ratification(pactId, access.pact().getRound(), partyId)
                .orElseThrow(() -> new AccessDeniedException(partyCode + " is not a party to this pact."));
        if (!RatificationMethod.REPRESENTATIVE.name().equals(r.getMethod()) || !Objects.equals(r.getRepresentativeId(), me.id())) {
            throw new AccessDeniedException("Only the delegate " + partyCode + " named signs for it; " + partyCode + (r.getMethod() == null
                    ? "'s delegates have not yet chosen how it ratifies." : r.getMethod().equals("BALLOT") ? " ratifies by a ballot of its members."
                    : " named someone else."));
        }
        // Named while a delegate, but the party may have withdrawn the delegation (or its confirmation) since.
        if (!delegations.isDelegateInAny(access.groupIds(), me.id(), partyId)) {
            throw new AccessDeniedException("You are no longer one of " + partyCode + "'s delegates in the pact's groups, so you cannot sign for it.");
        }
        String why = reason == null ? "" : reason.strip();
        if (!ratify && why.isEmpty()) {
            throw new InvalidInputException("reason", "Say why " + partyCode + " rejects the pact: the negotiation resumes from it.");
        }
        if (why.length() > PactService.MAX_REASON) {
            throw new InvalidInputException("reason", "A reason can be at most 5,000 characters.");
        }
        verdict(access.pact(), partyId, partyCode, ratify, why, me.id());
    }

    /** A ratification ballot closed: its outcome is that party's verdict. */
    @EventListener
    void ratificationBallotClosed(RatificationBallotClosed closed) {
        PactRecord pact = pacts.lock(closed.pactId()).orElseThrow();
        PactRatificationRecord r = pacts.ratificationByBallot(closed.ballotId()).orElseThrow();
        if (!r.getRound().equals(pact.getRound()) || !PactState.RATIFYING.name().equals(pact.getState())) {
            return;
        }
        String party = parties.findById(closed.partyId()).orElseThrow().code();
        String last = closed.explanation().lines().reduce((a, b) -> b).orElse("");
        verdict(pact, closed.partyId(), party, closed.passed(), "By ballot. " + last, closed.closedBy());
    }

    private void verdict(PactRecord pact, long partyId, String partyCode, boolean ratify, String reason, long actorId) {
        long pactId = pact.getId();
        int round = pact.getRound();
        if (!pacts.decide(pactId, round, partyId, ratify ? "RATIFIED" : "REJECTED", reason, actorId)) {
            throw new InvalidInputException("ratification", partyCode + " has already given its verdict on this pact.");
        }
        audit.record(actorId, ratify ? AuditAction.PACT_RATIFIED_BY_PARTY : AuditAction.PACT_REJECTED_BY_PARTY, "pact", pactId, partyCode + (reason.isEmpty() ? "" : ": " + reason));
        Optional<Long> correction = pacts.awaitingCorrection(pactId);
        if (correction.isPresent()) {
            correctionVerdict(pact, correction.get(), partyCode, ratify, reason, actorId);
        } else if (!ratify) {
            pacts.changeState(pactId, PactState.NEGOTIATING, partyCode + " rejected the pact: " + reason);
            for (long ballotId : pacts.openBallots(pactId, round)) {
                ballots.cancelRatification(ballotId, partyCode + " rejected the pact, which is back in negotiation.");
            }
        } else if (pacts.allRatified(pactId, round)) {
            pacts.changeState(pactId, PactState.RATIFIED, "");
            audit.record(actorId, AuditAction.PACT_RATIFIED, "pact", pactId, "round " + round);
        }
    }

    /**
     * A party's verdict on a correction: a rejection drops it (the pact keeps its published conditions, restored as
     * a new revision), the last ratification has it published; either way the pact is PUBLISHED again.
     */
    private void correctionVerdict(PactRecord pact, long correctionId, String partyCode, boolean ratify, String reason, long actorId) {
        long pactId = pact.getId();
        int round = pact.getRound();
        if (ratify && !pacts.allRatified(pactId, round)) {
            return;
        }
        // Published again first: the other parties' ballots are cancelled only once the pact has left ratification.
        pacts.changeState(pactId, PactState.PUBLISHED, "");
        if (!ratify) {
            int revision = pact.getCurrentRevision();
            pacts.insertRevision(pactId, revision + 1, pacts.terms(pactId, revision - 1), actorId,
                    "Correction not agreed: " + partyCode + " rejected it" + (reason.isEmpty() ? "" : ": " + reason));
            for (long ballotId : pacts.openBallots(pactId, round)) {
                ballots.cancelRatification(ballotId, partyCode + " rejected the correction.");
            }
        }
        events.publishEvent(new PactCorrectionDecided(pactId, correctionId, ratify, ratify ? "Ratified again by every party."
                : partyCode + " rejected it" + (reason.isEmpty() ? "." : ": " + reason), actorId));
    }
}
