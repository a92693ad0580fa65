package org.commonground.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.commonground.audit.AuditEntry;
import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.BallotService;
import org.commonground.election.ElectionRepository;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;
import org.commonground.group.DelegationRepository;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupRepository;
import org.commonground.group.GroupSummary;
import org.commonground.group.MembershipRepository;
import org.commonground.group.MembershipStatus;
import org.commonground.jooq.tables.records.PactRecord;
import org.commonground.notification.Watches;
import org.commonground.pact.terms.Contests;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.ReciprocityLedger;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stand-down pacts: a convenor of a local group starts one over some of its constituencies (or of an alliance group,
 * over seats anywhere) and drafts its terms; other local groups may join it ({@link PactGroupsService}); the parties the terms name negotiate them (comments, {@link PactAmendmentService amendments}, revisions)
 * and each ratifies them in its own way ({@link PactRatificationService}). Every method checks the caller's rights
 * itself.
 */
@Service
public class PactService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 5000;

    private final PactRepository pacts;
    private final PactGuard guard;
    private final PactTermsChecker termsChecker;
    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final DelegationRepository delegations;
    private final ElectionRepository elections;
    private final BallotService ballots;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Watches watches;

    PactService(PactRepository pacts, PactGuard guard, PactTermsChecker termsChecker, GroupRepository groups, MembershipRepository memberships,
                DelegationRepository delegations, ElectionRepository elections, BallotService ballots, CurrentMember currentMember,
                AuditLog audit, Watches watches) {
        this.watches = watches;
        this.pacts = pacts;
        this.guard = guard;
        this.termsChecker = termsChecker;
        this.groups = groups;
        this.memberships = memberships;
        this.delegations = delegations;
        this.elections = elections;
        this.ballots = ballots;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /**
     * Starts a pact in DRAFT over some of the group's constituencies. The first terms propose, for each seat, the
     * best-placed alliance party in {@code electionId}'s results as the candidate (else the first party in the
     * group) and every other party of the group's members standing.
     */
    @Transactional
    public long start(long groupId, String title, List<String> onsCodes, Long electionId) {
        SignedInMember me = currentMember.require();
        GroupSummary group = groups.find(groupId, me.id()).orElseThrow(() -> new InvalidInputException("group", "There is no such group."));
        if (!group.isConvenor()) {
            throw new AccessDeniedException("Only a convenor of the group can start a pact.");
        }
        if (group.kind() == GroupKind.PARTY) {
            throw new InvalidInputException("group", "Pacts are made in local groups, which cover constituencies, or set by alliance groups.");
        }
        String t = title == null ? "" : title.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            problems.add(new FieldProblem("title", t.isEmpty() ? "Give the pact a title." : "A title can be at most 200 characters."));
        }
        if (onsCodes == null || onsCodes.isEmpty()) {
            problems.add(new FieldProblem("seats", "Choose at least one constituency."));
        }
        InvalidInputException.throwIfAny(problems);
        Map<String, String> mine = termsChecker.constituencies(List.of(groupId));
        List<String> groupParties = termsChecker.memberParties(List.of(groupId));
        Map<String, SeatVerdict> evidence = new LinkedHashMap<>();
        if (electionId != null) {
            for (SeatVerdict v : SeatAnalysis.analyse(elections.results(electionId, onsCodes), Alliance.standard())) {
                evidence.put(v.onsId(), v);
            }
        }
        List<SeatTerms> seats = new ArrayList<>();
        for (String ons : onsCodes) {
            SeatVerdict v = evidence.get(ons);
            List<String> fielding = groupParties.stream().filter(p -> !Contests.neverContests(p, ons)).toList();
            String candidate = v != null && v.bestPlaced() != null && fielding.contains(v.bestPlaced()) ? v.bestPlaced()
                    : fielding.isEmpty() ? null : fielding.getFirst();
            Map<String, Stance> stances = new LinkedHashMap<>();
            groupParties.stream().filter(p -> !p.equals(candidate)).forEach(p -> stances.put(p, Contests.startingStance(p, ons)));
            seats.add(new SeatTerms(ons, mine.getOrDefault(ons, ons), candidate, stances));
        }
        PactTerms terms = new PactTerms(seats, "");
        termsChecker.check(terms, List.of(groupId));
        long id = pacts.insert(groupId, t, electionId, me.id());
        pacts.insertRevision(id, 1, terms, me.id(), "Pact started");
        audit.record(me.id(), AuditAction.PACT_STARTED, "pact", id, t);
        return id;
    }

    @Transactional(readOnly = true)
    public PactDetails details(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.readable(pactId, me);
        PactRecord p = access.pact();
        PactTerms terms = pacts.terms(pactId, p.getCurrentRevision());
        List<Ratification> ratifications = p.getRound() == 0 ? List.of() : pacts.ratifications(pactId, p.getRound());
        boolean ratifying = access.state() == PactState.RATIFYING;
        List<String> signFor = !ratifying ? List.of() : ratifications.stream()
                .filter(r -> r.pending() && r.method() == RatificationMethod.REPRESENTATIVE && Objects.equals(r.representativeId(), me.id()))
                .map(Ratification::party).toList();
        // Only the reader's own party can be theirs to plan, and only as its delegate here.
        List<String> chooseFor = !ratifying || !delegations.isDelegateInAny(access.groupIds(), me.id(), me.partyId()) ? List.of()
                : ratifications.stream().filter(r -> r.party().equals(me.partyCode()) && (r.choosing() || (r.pending()
                        && r.method() == RatificationMethod.REPRESENTATIVE && !delegations.isDelegateInAny(access.groupIds(), r.representativeId(), me.partyId()))))
                .map(Ratification::party).toList();
        List<String> offered = new ArrayList<>(terms.partiesMentioned());
        termsChecker.memberParties(access.groupIds()).stream().filter(party -> !offered.contains(party)).forEach(offered::add);
        return new PactDetails(pacts.summary(pactId).orElseThrow(), p.getElectionId(), terms, List.copyOf(terms.parties()), offered,
                termsChecker.constituencies(access.groupIds()), p.getStateReason(),
                pacts.revisions(pactId), pacts.amendments(pactId), p.getRound(), ratifications, me.partyCode(), access.convenor(),
                terms.parties().contains(me.partyCode()), signFor, chooseFor,
                pacts.awaitingCorrection(pactId).isPresent(), pacts.groups(pactId, me.id()));
    }

    /** Who did what to the pact, when: state changes, revisions, amendments and each party's verdict. */
    @Transactional(readOnly = true)
    public List<AuditEntry> activity(long pactId) {
        guard.readable(pactId, currentMember.require());
        // Comment events are left out: that a party conferred privately is its own business.
        return audit.entries("pact", pactId, List.of(AuditAction.PACT_STARTED, AuditAction.PACT_REVISED, AuditAction.PACT_NEGOTIATING,
                AuditAction.PACT_AMENDMENT_PROPOSED, AuditAction.PACT_AMENDMENT_ACCEPTED, AuditAction.PACT_AMENDMENT_REJECTED,
                AuditAction.PACT_AMENDMENT_WITHDRAWN, AuditAction.PACT_RATIFYING, AuditAction.PACT_RATIFICATION_PLANNED,
                AuditAction.PACT_RATIFIED_BY_PARTY, AuditAction.PACT_REJECTED_BY_PARTY, AuditAction.PACT_RATIFIED, AuditAction.PACT_COLLAPSED,
                AuditAction.PUBLISHED, AuditAction.PUBLISHED_CORRECTION, AuditAction.PACT_GROUP_INVITED, AuditAction.PACT_GROUP_JOINED,
                AuditAction.PACT_GROUP_DECLINED, AuditAction.PACT_GROUP_LEFT, AuditAction.PACT_GROUP_READER_INVITED, AuditAction.PACT_GROUP_READING,
                AuditAction.PACT_GROUP_READER_DECLINED, AuditAction.PACT_GROUP_STOPPED_READING, AuditAction.PACT_GROUP_READER_WITHDRAWN));
    }

    /** The group's constituencies that have an ONS code (pacts cite seats by code) — for the start form. */
    @Transactional(readOnly = true)
    public Map<String, String> constituenciesOf(long groupId) {
        SignedInMember me = currentMember.require();
        if (memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            throw new InvalidInputException("group", "There is no such group, or you are not a member.");
        }
        return termsChecker.constituencies(List.of(groupId));
    }

    @Transactional(readOnly = true)
    public List<PactSummary> inGroup(long groupId) {
        SignedInMember me = currentMember.require();
        if (memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            return List.of();
        }
        return pacts.inGroup(groupId, me.id());
    }

    @Transactional(readOnly = true)
    public List<PactSummary> covering(String onsCode) {
        return pacts.covering(onsCode, currentMember.require().id());
    }

    /** The parties' stand-downs across the ratified pacts the caller may read. */
    @Transactional(readOnly = true)
    public List<ReciprocityLedger.PartyAccount> ledger() {
        SignedInMember me = currentMember.require();
        List<ReciprocityLedger.RatifiedPact> ratified = new ArrayList<>();
        for (long id : pacts.ratifiedReadableBy(me.id())) {
            PactRecord p = pacts.find(id).orElseThrow();
            ratified.add(new ReciprocityLedger.RatifiedPact(id, p.getTitle(), pacts.terms(id, p.getCurrentRevision()).seats()));
        }
        return ReciprocityLedger.of(ratified);
    }

    /** A convenor's direct change to the terms (DRAFT or NEGOTIATING): a new revision, refused if someone else's came first. */
    @Transactional
    public int revise(long pactId, int expectedRevision, PactTerms terms, String note) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!access.convenor()) {
            throw new AccessDeniedException("Only a convenor of the group can change the terms directly; members propose amendments.");
        }
        PactGuard.requireState(access, "The terms can be changed while the pact is drafted or negotiated.", PactState.DRAFT, PactState.NEGOTIATING);
        if (access.pact().getCurrentRevision() != expectedRevision) {
            throw new InvalidInputException("seats", "Someone else changed the terms while you were editing (now revision "
                    + access.pact().getCurrentRevision() + "). Your changes are still in the form; reload the page to see theirs.");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 500) {
            throw new InvalidInputException("note", "A note can be at most 500 characters.");
        }
        termsChecker.check(terms, access.groupIds());
        int next = expectedRevision + 1;
        pacts.insertRevision(pactId, next, terms, me.id(), n);
        audit.record(me.id(), AuditAction.PACT_REVISED, "pact", pactId, "revision " + next);
        return next;
    }

    @Transactional
    public void openNegotiation(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.convenorChanging(pactId, me);
        PactGuard.requireState(access, "Only a draft pact is opened for negotiation.", PactState.DRAFT);
        pacts.changeState(pactId, PactState.NEGOTIATING, "");
        audit.record(me.id(), AuditAction.PACT_NEGOTIATING, "pact", pactId, "");
    }

    /** Whoever may read a pact may follow it: its changes then notify them. */
    @Transactional
    public void setWatching(long pactId, boolean watching) {
        SignedInMember me = currentMember.require();
        guard.readable(pactId, me);
        watches.set(me.id(), "pact", pactId, watching);
    }

    @Transactional(readOnly = true)
    public boolean watching(long pactId) {
        SignedInMember me = currentMember.require();
        guard.readable(pactId, me);
        return watches.watching(me.id(), "pact", pactId);
    }

    /** A convenor ends a pact that will not happen (even a ratified one, until it is published); open ratification ballots are cancelled. */
    @Transactional
    public void collapse(long pactId, String reason) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.convenorChanging(pactId, me);
        PactGuard.requireState(access, "A published or already collapsed pact cannot collapse.", PactState.DRAFT, PactState.NEGOTIATING, PactState.RATIFYING,
                PactState.RATIFIED);
        if (pacts.awaitingCorrection(pactId).isPresent()) {
            throw new InvalidInputException("state", "The pact is published; only a correction of it is being ratified, and a party's rejection drops that.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", why.isEmpty() ? "Say why the pact collapsed." : "A reason can be at most 5,000 characters.");
        }
        pacts.changeState(pactId, PactState.COLLAPSED, why);
        pacts.closeOpenAmendments(pactId, me.id(), "The pact collapsed.");
        for (long ballotId : pacts.openBallots(pactId, access.pact().getRound())) {
            ballots.cancelRatification(ballotId, "the pact collapsed.");
        }
        audit.record(me.id(), AuditAction.PACT_COLLAPSED, "pact", pactId, why);
    }

    /**
     * A convenor publishes a ratified pact, for all its parties at once: RATIFIED becomes PUBLISHED. Publishing
     * calls this inside its own transaction, before it takes the snapshot, so both commit together (and publishing
     * audits both at once).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.convenorChanging(pactId, me);
        PactGuard.requireState(access, "Only a ratified pact can be published.", PactState.RATIFIED);
        pacts.changeState(pactId, PactState.PUBLISHED, "");
    }
}
