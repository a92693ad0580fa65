package org.commonground.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.commonground.audit.AuditEntry;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.RatificationBallotClosed;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.SeatAnalysis;
import org.commonground.election.results.SeatVerdict;
import org.commonground.group.Constituency;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupMember;
import org.commonground.group.GroupRepository;
import org.commonground.group.GroupSummary;
import org.commonground.group.MembershipRepository;
import org.commonground.group.MembershipStatus;
import org.commonground.jooq.tables.records.PactAmendmentRecord;
import org.commonground.jooq.tables.records.PactRatificationRecord;
import org.commonground.jooq.tables.records.PactRecord;
import org.commonground.election.ElectionRepository;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.PactTermsRules;
import org.commonground.pact.terms.ReciprocityLedger;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.party.Party;
import org.commonground.party.PartyRepository;
import org.commonground.notification.Watches;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.FieldProblem;
import org.commonground.shared.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local stand-down pacts: a convenor of a local group starts one over some of its constituencies; the parties the
 * terms name negotiate them (comments, amendments, revisions); each of those parties ratifies, by a ballot of its
 * members in the group or by its named representative; one rejection sends the pact back to negotiation, all
 * ratifications make it RATIFIED. Every method checks the caller's rights itself.
 */
@Service
public class PactService {

    public static final int MAX_TITLE = 200;
    public static final int MAX_REASON = 5000;

    private final PactRepository pacts;
    private final PactGuard guard;
    private final GroupRepository groups;
    private final MembershipRepository memberships;
    private final PartyRepository parties;
    private final ElectionRepository elections;
    private final BallotService ballots;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Watches watches;

    PactService(PactRepository pacts, PactGuard guard, GroupRepository groups, MembershipRepository memberships, PartyRepository parties,
                ElectionRepository elections, BallotService ballots, CurrentMember currentMember, AuditLog audit, Watches watches) {
        this.watches = watches;
        this.pacts = pacts;
        this.guard = guard;
        this.groups = groups;
        this.memberships = memberships;
        this.parties = parties;
        this.elections = elections;
        this.ballots = ballots;
        this.currentMember = currentMember;
        this.audit = audit;
    }

    /** How one party ratifies, as the convenor sets it when sending the pact to ratification. */
    public record RatificationPlan(RatificationMethod method, Long representativeId) {
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
        if (group.kind() != GroupKind.LOCAL) {
            throw new InvalidInputException("group", "Pacts are made in local groups, which cover constituencies.");
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
        Map<String, String> mine = groupConstituencies(groupId);
        List<String> groupParties = memberParties(groupId);
        Map<String, SeatVerdict> evidence = new LinkedHashMap<>();
        if (electionId != null) {
            for (SeatVerdict v : SeatAnalysis.analyse(elections.results(electionId, onsCodes), Alliance.standard())) {
                evidence.put(v.onsId(), v);
            }
        }
        List<SeatTerms> seats = new ArrayList<>();
        for (String ons : onsCodes) {
            SeatVerdict v = evidence.get(ons);
            String candidate = v != null && v.bestPlaced() != null && groupParties.contains(v.bestPlaced()) ? v.bestPlaced()
                    : groupParties.isEmpty() ? null : groupParties.getFirst();
            Map<String, Stance> stances = new LinkedHashMap<>();
            groupParties.stream().filter(p -> !p.equals(candidate)).forEach(p -> stances.put(p, Stance.STANDS));
            seats.add(new SeatTerms(ons, mine.getOrDefault(ons, ons), candidate, stances));
        }
        PactTerms terms = new PactTerms(seats, "");
        check(terms, groupId);
        long id = pacts.insert(groupId, t, electionId, me.id());
        pacts.insertRevision(id, 1, terms, me.id(), "Pact started");
        audit.record(me.id(), "PACT_STARTED", "pact", id, t);
        return id;
    }

    @Transactional(readOnly = true)
    public PactDetails details(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = guard.readable(pactId, me);
        PactRecord p = access.pact();
        PactTerms terms = pacts.terms(pactId, p.getCurrentRevision());
        List<Ratification> ratifications = p.getRound() == 0 ? List.of() : pacts.ratifications(pactId, p.getRound());
        List<String> signFor = access.state() != PactState.RATIFYING ? List.of() : ratifications.stream()
                .filter(r -> r.pending() && r.method() == RatificationMethod.REPRESENTATIVE && Objects.equals(r.representativeId(), me.id()))
                .map(Ratification::party).toList();
        List<String> offered = new ArrayList<>(terms.parties());
        memberParties(access.groupId()).stream().filter(party -> !offered.contains(party)).forEach(offered::add);
        return new PactDetails(pacts.summary(pactId).orElseThrow(), p.getElectionId(), terms, List.copyOf(terms.parties()), offered,
                groupConstituencies(access.groupId()), p.getStateReason(),
                pacts.revisions(pactId), pacts.amendments(pactId), p.getRound(), ratifications, me.partyCode(), access.convenor(),
                terms.parties().contains(me.partyCode()), signFor);
    }

    /** Who did what to the pact, when: state changes, revisions, amendments and each party's verdict. */
    @Transactional(readOnly = true)
    public List<AuditEntry> activity(long pactId) {
        guard.readable(pactId, currentMember.require());
        // Comment events are left out: that a party conferred privately is its own business.
        return audit.entries("pact", pactId, List.of("PACT_STARTED", "PACT_REVISED", "PACT_NEGOTIATING", "PACT_AMENDMENT_PROPOSED",
                "PACT_AMENDMENT_ACCEPTED", "PACT_AMENDMENT_REJECTED", "PACT_AMENDMENT_WITHDRAWN", "PACT_RATIFYING",
                "PACT_RATIFIED_BY_PARTY", "PACT_REJECTED_BY_PARTY", "PACT_RATIFIED", "PACT_COLLAPSED", "PUBLISHED", "PUBLISHED_CORRECTION"));
    }

    /** The group's constituencies that have an ONS code (pacts cite seats by code) — for the start form. */
    @Transactional(readOnly = true)
    public Map<String, String> constituenciesOf(long groupId) {
        SignedInMember me = currentMember.require();
        if (memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            throw new InvalidInputException("group", "There is no such group, or you are not a member.");
        }
        return groupConstituencies(groupId);
    }

    /**
     * The active members of the pact's group whom a party has confirmed as its own: the representatives a convenor
     * may name for it. A member whose party is only claimed signs for nobody.
     */
    @Transactional(readOnly = true)
    public List<GroupMember> possibleRepresentatives(long pactId, String party) {
        PactGuard.Access access = guard.readable(pactId, currentMember.require());
        return memberships.members(access.groupId()).stream()
                .filter(m -> m.status() == MembershipStatus.ACTIVE && m.partyConfirmed() && m.partyCode().equals(party)).toList();
    }

    @Transactional(readOnly = true)
    public List<PactSummary> inGroup(long groupId) {
        SignedInMember me = currentMember.require();
        if (memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            return List.of();
        }
        return pacts.inGroup(groupId);
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
        requireState(access, "The terms can be changed while the pact is drafted or negotiated.", PactState.DRAFT, PactState.NEGOTIATING);
        if (access.pact().getCurrentRevision() != expectedRevision) {
            throw new InvalidInputException("seats", "Someone else changed the terms while you were editing (now revision "
                    + access.pact().getCurrentRevision() + "). Your changes are still in the form; reload the page to see theirs.");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() > 500) {
            throw new InvalidInputException("note", "A note can be at most 500 characters.");
        }
        check(terms, access.groupId());
        int next = expectedRevision + 1;
        pacts.insertRevision(pactId, next, terms, me.id(), n);
        audit.record(me.id(), "PACT_REVISED", "pact", pactId, "revision " + next);
        return next;
    }

    @Transactional
    public void openNegotiation(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = convenorChanging(pactId, me);
        requireState(access, "Only a draft pact is opened for negotiation.", PactState.DRAFT);
        pacts.changeState(pactId, PactState.NEGOTIATING, "");
        audit.record(me.id(), "PACT_NEGOTIATING", "pact", pactId, "");
    }

    /** A member of a party the terms name proposes new terms, with a reason, while the pact is negotiated. */
    @Transactional
    public long proposeAmendment(long pactId, PactTerms terms, String reason) {
        SignedInMember me = currentMember.requireVerified();
        // Locked: amendments are numbered one after another per pact.
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        requireState(access, "Amendments are proposed while the pact is negotiated.", PactState.NEGOTIATING);
        if (!guard.partiesNamed(access).contains(me.partyCode()) || currentMember.caucusPartyOf(me) == CurrentMember.NO_PARTY) {
            throw new AccessDeniedException("Only members of the parties in the pact, confirmed by their party, propose amendments to it.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "A reason can be at most 5,000 characters.");
        }
        check(terms, access.groupId());
        PactTerms current = pacts.terms(pactId, access.pact().getCurrentRevision());
        if (current.equals(terms)) {
            throw new InvalidInputException("seats", "These are the current terms; change something to propose an amendment.");
        }
        long id = pacts.insertAmendment(pactId, me.id(), access.pact().getCurrentRevision(), terms, why);
        audit.record(me.id(), "PACT_AMENDMENT_PROPOSED", "pact", pactId, "amendment " + pacts.amendment(id).orElseThrow().getNumber());
        return id;
    }

    /** A convenor accepts an amendment: its terms become the next revision, if the pact has not moved on since. */
    @Transactional
    public int acceptAmendment(long amendmentId) {
        SignedInMember me = currentMember.require();
        PactAmendmentRecord a = readableAmendment(amendmentId, me);
        PactGuard.Access access = convenorChanging(a.getPactId(), me);
        requireState(access, "Amendments are accepted while the pact is negotiated.", PactState.NEGOTIATING);
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
        audit.record(me.id(), "PACT_AMENDMENT_ACCEPTED", "pact", a.getPactId(), "amendment " + a.getNumber() + ", revision " + next);
        return next;
    }

    @Transactional
    public void rejectAmendment(long amendmentId, String reason) {
        SignedInMember me = currentMember.require();
        PactAmendmentRecord a = readableAmendment(amendmentId, me);
        convenorChanging(a.getPactId(), me);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", why.isEmpty() ? "Say why the amendment is rejected: its proposer will read it." : "A reason can be at most 5,000 characters.");
        }
        if (!pacts.decideAmendment(amendmentId, "REJECTED", me.id(), why, null)) {
            throw new InvalidInputException("amendment", "This amendment has already been decided.");
        }
        audit.record(me.id(), "PACT_AMENDMENT_REJECTED", "pact", a.getPactId(), "amendment " + a.getNumber());
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
        audit.record(me.id(), "PACT_AMENDMENT_WITHDRAWN", "pact", a.getPactId(), "amendment " + a.getNumber());
    }

    /**
     * Sends the pact to ratification by every party its terms name, each as {@code plans} says (a party without a
     * plan ratifies by ballot). Ballots open at once with {@code ballot}'s settings (by default secret, simple
     * majority, closed by hand by a convenor from that party).
     */
    @Transactional
    public void startRatification(long pactId, Map<String, RatificationPlan> plans, BallotSettings ballot) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = convenorChanging(pactId, me);
        requireState(access, "A pact goes to ratification from negotiation.", PactState.NEGOTIATING);
        PactTerms terms = pacts.terms(pactId, access.pact().getCurrentRevision());
        Map<String, Party> byCode = parties.findAll().stream().collect(Collectors.toMap(Party::code, p -> p));
        Map<String, RatificationPlan> chosen = plans == null ? Map.of() : plans;
        for (String code : chosen.keySet()) {
            if (!terms.parties().contains(code)) {
                throw new InvalidInputException("plans", code + " is not a party in this pact.");
            }
        }
        Map<String, Long> groupMemberParty = new LinkedHashMap<>();
        Map<String, Long> confirmedMemberParty = new LinkedHashMap<>();
        memberships.members(access.groupId()).stream().filter(m -> m.status() == MembershipStatus.ACTIVE).forEach(m -> {
            groupMemberParty.put(String.valueOf(m.memberId()), byCode.get(m.partyCode()).id());
            if (m.partyConfirmed()) {
                confirmedMemberParty.put(String.valueOf(m.memberId()), byCode.get(m.partyCode()).id());
            }
        });
        int round = pacts.startRound(pactId);
        BallotSettings settings = ballot != null ? ballot : new BallotSettings(DecisionRule.SIMPLE_MAJORITY, true, 0, 0, null);
        for (String code : terms.parties()) {
            Party party = byCode.get(code);
            RatificationPlan plan = chosen.getOrDefault(code, new RatificationPlan(RatificationMethod.BALLOT, null));
            if (plan.method() == RatificationMethod.REPRESENTATIVE) {
                if (plan.representativeId() == null || !Objects.equals(confirmedMemberParty.get(String.valueOf(plan.representativeId())), party.id())) {
                    throw new InvalidInputException("plans", "Name a member of " + code + " in this group, confirmed by " + code
                            + ", to sign for " + code + ".");
                }
                pacts.insertRatification(pactId, round, party.id(), RatificationMethod.REPRESENTATIVE, plan.representativeId());
            } else {
                if (!confirmedMemberParty.containsValue(party.id())) {
                    throw new InvalidInputException("plans", code + " has no members in this group whom it has confirmed, so no one "
                            + "could vote in its ballot: its organisers confirm members first.");
                }
                pacts.insertRatification(pactId, round, party.id(), RatificationMethod.BALLOT, null);
            }
        }
        pacts.closeOpenAmendments(pactId, me.id(), "The pact went to ratification.");
        for (String code : terms.parties()) {
            long partyId = byCode.get(code).id();
            if (pacts.ratification(pactId, round, partyId).orElseThrow().getMethod().equals(RatificationMethod.BALLOT.name())) {
                pacts.attachBallot(pactId, round, partyId, ballots.openRatification(pactId, partyId, access.pact().getCurrentRevision(), settings));
            }
        }
        audit.record(me.id(), "PACT_RATIFYING", "pact", pactId, "round " + round + ", revision " + access.pact().getCurrentRevision());
    }

    /** The named representative of a party signs its ratification, or rejects the pact for it with a reason. */
    @Transactional
    public void sign(long pactId, String partyCode, boolean ratify, String reason) {
        SignedInMember me = currentMember.requireVerified();
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        requireState(access, "The pact is not being ratified.", PactState.RATIFYING);
        if (!me.partyCode().equals(partyCode)) {
            throw new AccessDeniedException("You can only sign for your own party.");
        }
        // Named while confirmed, but the party may have withdrawn its confirmation since.
        if (currentMember.caucusPartyOf(me) == CurrentMember.NO_PARTY) {
            throw new AccessDeniedException(partyCode + " has not confirmed you as its member, so you cannot sign for it.");
        }
        long partyId = parties.findByCode(partyCode).orElseThrow(() -> new InvalidInputException("party", "There is no such party.")).id();
        PactRatificationRecord r = pacts.ratification(pactId, access.pact().getRound(), partyId)
                .orElseThrow(() -> new AccessDeniedException(partyCode + " is not a party to this pact."));
        if (!RatificationMethod.REPRESENTATIVE.name().equals(r.getMethod()) || !Objects.equals(r.getRepresentativeId(), me.id())) {
            throw new AccessDeniedException("Only " + partyCode + "'s named representative signs for it; " + partyCode + " ratifies "
                    + (r.getMethod().equals("BALLOT") ? "by a ballot of its members." : "through its representative."));
        }
        String why = reason == null ? "" : reason.strip();
        if (!ratify && why.isEmpty()) {
            throw new InvalidInputException("reason", "Say why " + partyCode + " rejects the pact: the negotiation resumes from it.");
        }
        if (why.length() > MAX_REASON) {
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
        audit.record(actorId, ratify ? "PACT_RATIFIED_BY_PARTY" : "PACT_REJECTED_BY_PARTY", "pact", pactId, partyCode + (reason.isEmpty() ? "" : ": " + reason));
        if (!ratify) {
            pacts.changeState(pactId, PactState.NEGOTIATING, partyCode + " rejected the pact: " + reason);
            for (long ballotId : pacts.openBallots(pactId, round)) {
                ballots.cancelRatification(ballotId, partyCode + " rejected the pact, which is back in negotiation.");
            }
        } else if (pacts.allRatified(pactId, round)) {
            pacts.changeState(pactId, PactState.RATIFIED, "");
            audit.record(actorId, "PACT_RATIFIED", "pact", pactId, "round " + round);
        }
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
        PactGuard.Access access = convenorChanging(pactId, me);
        requireState(access, "A published or already collapsed pact cannot collapse.", PactState.DRAFT, PactState.NEGOTIATING, PactState.RATIFYING,
                PactState.RATIFIED);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", why.isEmpty() ? "Say why the pact collapsed." : "A reason can be at most 5,000 characters.");
        }
        pacts.changeState(pactId, PactState.COLLAPSED, why);
        pacts.closeOpenAmendments(pactId, me.id(), "The pact collapsed.");
        for (long ballotId : pacts.openBallots(pactId, access.pact().getRound())) {
            ballots.cancelRatification(ballotId, "the pact collapsed.");
        }
        audit.record(me.id(), "PACT_COLLAPSED", "pact", pactId, why);
    }

    /**
     * A convenor publishes a ratified pact, for all its parties at once: RATIFIED becomes PUBLISHED. Publishing
     * calls this inside its own transaction, before it takes the snapshot, so both commit together (and publishing
     * audits both at once).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markPublished(long pactId) {
        SignedInMember me = currentMember.require();
        PactGuard.Access access = convenorChanging(pactId, me);
        requireState(access, "Only a ratified pact can be published.", PactState.RATIFIED);
        pacts.changeState(pactId, PactState.PUBLISHED, "");
    }

    private PactGuard.Access convenorChanging(long pactId, SignedInMember me) {
        PactGuard.Access access = guard.lockedForChange(pactId, me);
        if (!access.convenor()) {
            throw new AccessDeniedException("Only a convenor of the group can do that.");
        }
        return access;
    }

    private static void requireState(PactGuard.Access access, String message, PactState... allowed) {
        if (!Set.of(allowed).contains(access.state())) {
            throw new InvalidInputException("state", message + " This pact is " + access.state().label().toLowerCase() + ".");
        }
    }

    private void check(PactTerms terms, long groupId) {
        Set<String> codes = parties.findAll().stream().map(Party::code).collect(Collectors.toSet());
        InvalidInputException.throwIfAny(PactTermsRules.check(terms, groupConstituencies(groupId), codes));
    }

    private Map<String, String> groupConstituencies(long groupId) {
        Map<String, String> byCode = new LinkedHashMap<>();
        for (Constituency c : groups.constituencies(groupId)) {
            if (c.onsCode() != null) {
                byCode.put(c.onsCode(), c.name());
            }
        }
        return byCode;
    }

    /** The parties of the group's active members, largest first, without "non-party" (which fields no candidates). */
    private List<String> memberParties(long groupId) {
        Map<String, Long> counts = memberships.members(groupId).stream().filter(m -> m.status() == MembershipStatus.ACTIVE)
                .filter(m -> !m.partyCode().equals("NONE"))
                .collect(Collectors.groupingBy(GroupMember::partyCode, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
    }

    /** The amendment, if the caller may read its pact; one they may not is reported exactly like one that does not exist. */
    private PactAmendmentRecord readableAmendment(long amendmentId, SignedInMember me) {
        PactAmendmentRecord a = pacts.amendment(amendmentId).orElseThrow(PactService::noSuchAmendment);
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
