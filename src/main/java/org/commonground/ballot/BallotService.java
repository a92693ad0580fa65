package org.commonground.ballot;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.BallotRepository.PartyCount;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.ballot.rules.DecisionRules;
import org.commonground.ballot.rules.Outcome;
import org.commonground.ballot.rules.PartyTally;
import org.commonground.group.DelegationRepository;
import org.commonground.group.MembershipRepository;
import org.commonground.group.MembershipStatus;
import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.jooq.tables.records.BallotRecord;
import org.commonground.proposal.AmendmentRepository;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.AmendmentState;
import org.commonground.proposal.FinalVote;
import org.commonground.proposal.LinesUnderVote;
import org.commonground.proposal.ProposalGuard;
import org.commonground.proposal.ProposalRepository;
import org.commonground.proposal.ProposalState;
import org.commonground.proposal.ProposalWithdrawn;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.DatabaseUnavailable;
import org.commonground.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ballots on a proposal's final text (in VOTING), on one amendment (in DISCUSSION), or on one party's
 * ratification of a pact (in RATIFYING). Convenors open and close ballots on proposals; a party's delegates open and
 * close its ratification ballots; the electorate is the group's active
 * members at opening (for a ratification, that party's); each elector holds one vote, changeable until the close. Tallies are always counted from the votes. Every method checks the caller's rights itself.
 */
@Service
public class BallotService {

    static final int ELECTION_HOURS = 24;
    static final int ELECTION_QUORUM = 50;

    private final BallotRepository ballots;
    private final ProposalRepository proposals;
    private final AmendmentRepository amendmentRecords;
    private final AmendmentService amendments;
    private final FinalVote finalVote;
    private final ProposalGuard guard;
    private final RatifiedPacts pacts;
    private final DelegationRepository delegations;
    private final MembershipRepository memberships;
    private final ApplicationEventPublisher publisher;
    private final CurrentMember currentMember;
    private final AuditLog audit;
    private final Clock clock;
    private final SharedTallies tallies;

    BallotService(BallotRepository ballots, ProposalRepository proposals, AmendmentRepository amendmentRecords,
                  AmendmentService amendments, FinalVote finalVote, ProposalGuard guard, RatifiedPacts pacts, DelegationRepository delegations, MembershipRepository memberships, ApplicationEventPublisher publisher,
                  CurrentMember currentMember, AuditLog audit, Clock clock, SharedTallies tallies) {
        this.tallies = tallies;
        this.pacts = pacts;
        this.delegations = delegations;
        this.memberships = memberships;
        this.publisher = publisher;
        this.ballots = ballots;
        this.proposals = proposals;
        this.amendmentRecords = amendmentRecords;
        this.amendments = amendments;
        this.finalVote = finalVote;
        this.guard = guard;
        this.currentMember = currentMember;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a ballot on the proposal's current text ({@code amendmentId} null) or on one open amendment. */
    @Transactional
    public long open(long proposalId, Long amendmentId, BallotSettings settings) {
        SignedInMember me = currentMember.require();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        if (!access.rules().convenor()) {
            throw new AccessDeniedException("Only a convenor of the group can open a ballot.");
        }
        check(settings);
        var p = proposals.lock(proposalId).orElseThrow();
        // The state as locked: a withdrawal or move that committed while this waited is seen.
        ProposalState state = ProposalState.valueOf(p.getState());
        if (amendmentId == null) {
            if (state != ProposalState.VOTING) {
                throw new InvalidInputException("ballot", "Move the proposal to voting before opening a ballot on its final text.");
            }
        } else {
            AmendmentRecord a = amendmentRecords.find(amendmentId).filter(x -> x.getProposalId() == proposalId)
                    .orElseThrow(() -> new InvalidInputException("amendment", "There is no such amendment on this proposal."));
            if (state != ProposalState.DISCUSSION) {
                throw new InvalidInputException("ballot", "Amendments are put to the vote while the proposal is in discussion.");
            }
            LinesUnderVote.refuseOverlappingBallot(amendmentRecords, amendmentRecords.underVote(proposalId), a,
                    proposals.revision(proposalId, a.getRevision()).orElseThrow().body(), p.getLineWidth());
            if (!amendmentRecords.putToVote(a.getId())) {
                throw new InvalidInputException("amendment", "A" + a.getNumber() + " is not open, so it cannot be put to the vote.");
            }
        }
        long id;
        try {
            id = ballots.insert(proposalId, amendmentId, p.getCurrentRevision(), settings, me.id());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidInputException("ballot", "A ballot on this is already open.");
        }
        int electors = ballots.fixElectorate(id, p.getGroupId(), null);
        audit.record(me.id(), AuditAction.BALLOT_OPENED, "ballot", id, "proposal " + proposalId + (amendmentId == null ? "" : " amendment " + amendmentId)
                + ", " + settings.rule() + (settings.secret() ? ", secret" : ", open") + ", " + electors + " electors");
        return id;
    }

    /**
     * How many members a ballot on the proposal would count if it opened now: the group's active members, less those
     * whose party is only claimed. For the question a convenor answers before opening one.
     */
    @Transactional(readOnly = true)
    public int electorateNow(long proposalId) {
        ProposalGuard.Access access = guard.readable(proposalId, currentMember.require());
        return ballots.countElectorate(access.proposal().getGroupId(), null);
    }

    /**
     * Opens one party's ratification ballot on a pact in ratification, as one of that party's delegates chose: the
     * electorate is the party's active members across the pact's groups whom it has confirmed, each once.
     */
    @Transactional
    public long openRatification(long pactId, long partyId, int revision, BallotSettings settings) {
        SignedInMember me = currentMember.require();
        RatifiedPacts.Pact access = pacts.find(pactId, me, false);
        if (!delegations.isDelegateInAny(access.groupIds(), me.id(), partyId)) {
            throw new AccessDeniedException("Only the party's delegates in the pact's groups open its ratification ballot.");
        }
        if (!access.ratifying() || !pacts.awaitsBallot(pactId, partyId)) {
            throw new InvalidInputException("ballot", "A ratification ballot opens for a party that ratifies by ballot, when the pact goes to ratification.");
        }
        check(settings);
        long id;
        try {
            id = ballots.insertRatification(pactId, partyId, revision, settings, me.id());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidInputException("ballot", "This party's ratification ballot is already open.");
        }
        int electors = ballots.fixElectorate(id, access.groupIds(), partyId);
        audit.record(me.id(), AuditAction.BALLOT_OPENED, "ballot", id, "pact " + pactId + " ratification by " + ballots.partyCode(partyId)
                + ", " + settings.rule() + (settings.secret() ? ", secret" : ", open") + ", " + electors + " electors");
        return id;
    }

    /**
     * Opens the ballot that decides whether a published proposal's correction is agreed: the group's members now,
     * under the settings of the ballot that agreed the text. Publishing opens it when a convenor proposes the correction.
     */
    @Transactional
    public long openOnCorrection(long proposalId, long correctionId, BallotSettings settings) {
        SignedInMember me = currentMember.require();
        ProposalGuard.Access access = guard.readable(proposalId, me);
        if (!access.rules().convenor()) {
            throw new AccessDeniedException("Only a convenor of the group can put a correction to the vote.");
        }
        var p = proposals.lock(proposalId).orElseThrow();
        if (ProposalState.valueOf(p.getState()) != ProposalState.PUBLISHED || !ballots.correctionAwaits(proposalId, correctionId)) {
            throw new InvalidInputException("ballot", "There is no correction of this published proposal waiting to be put to the vote.");
        }
        long id;
        try {
            id = ballots.insertOnCorrection(proposalId, correctionId, p.getCurrentRevision(), settings, me.id());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidInputException("ballot", "A ballot on this proposal is already open.");
        }
        int electors = ballots.fixElectorate(id, p.getGroupId(), null);
        audit.record(me.id(), AuditAction.BALLOT_OPENED, "ballot", id, "proposal " + proposalId + " correction " + correctionId + ", " + settings.rule()
                + (settings.secret() ? ", secret" : ", open") + ", " + electors + " electors");
        return id;
    }

    /**
     * Ends a ratification ballot whose pact has left ratification (another party rejected it, or it collapsed):
     * it closes as not passed, saying why. It acts only on such ballots, so anyone whose action caused it may call it.
     */
    @Transactional
    public void cancelRatification(long ballotId, String why) {
        SignedInMember me = currentMember.require();
        BallotRecord b = ballots.lockForClosing(ballotId).orElseThrow(BallotService::noSuchBallot);
        // What the caller may not see is not there for them, even to be left alone.
        if (b.getPactId() == null) {
            subject(b, me);
            return;
        }
        if (guardedPact(b.getPactId(), me, false).ratifying() || b.getClosedAt() != null) {
            return;
        }
        ballots.close(ballotId, me.id(), false, BallotDetails.CANCELLED + why);
        audit.record(me.id(), AuditAction.BALLOT_CANCELLED, "ballot", ballotId, why);
    }

    /**
     * A withdrawn proposal's open ballots are cancelled, closing as not passed, so none later closes as "passed" on
     * something no longer being decided, and their pages say why voting stopped.
     */
    @EventListener
    void proposalWithdrawn(ProposalWithdrawn withdrawn) {
        for (BallotRecord b : ballots.ofProposal(withdrawn.proposalId())) {
            // Locked as a close locks it, so a vote in flight is either counted before or refused after.
            if (b.getClosedAt() == null && ballots.lockForClosing(b.getId()).orElseThrow().getClosedAt() == null) {
                ballots.close(b.getId(), withdrawn.withdrawnBy(), false, BallotDetails.CANCELLED + "the proposal was withdrawn.");
                audit.record(withdrawn.withdrawnBy(), AuditAction.BALLOT_CANCELLED, "ballot", b.getId(), "the proposal was withdrawn");
            }
        }
    }

    /**
     * Casts or changes the caller's vote. The checks (open, in the electorate, may see the ballot) and the write
     * are one atomic statement, because voting is the hot path; only a refused vote pays for finding out why.
     */
    public void vote(long ballotId, Choice choice, String reason) {
        SignedInMember me = currentMember.require();
        if (choice == null) {
            throw new InvalidInputException("choice", "Choose for, against or abstain.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 2000) {
            throw new InvalidInputException("reason", "A reason can be at most 2,000 characters.");
        }
        boolean cast;
        try {
            cast = ballots.castAndAudit(ballotId, me.id(), choice, why);
        } catch (RuntimeException refused) {
            // The database refuses a vote from an address not yet verified: checked there, off the hot path.
            if (CurrentMember.isUnverifiedRefusal(refused)) {
                throw new AccessDeniedException(CurrentMember.UNVERIFIED);
            }
            if (DatabaseUnavailable.beforeAnyStatement(refused)) {
                // Overloaded (or the database away): no connection came within the pool's wait, so the one
                // statement never ran. The member is told so, and to try again, rather than left guessing.
                throw new TooBusyException();
            }
            throw refused;
        }
        if (!cast) {
            throw whyNotVoting(ballotId, me);
        }
    }

    private InvalidInputException whyNotVoting(long ballotId, SignedInMember me) {
        BallotRecord b = ballots.find(ballotId).orElseThrow(BallotService::noSuchBallot);
        subject(b, me);
        if (b.getClosedAt() != null || (b.getClosesAt() != null && !b.getClosesAt().isAfter(now()))) {
            return new InvalidInputException("choice", "This ballot has closed; votes can no longer be cast or changed.");
        }
        if (ballots.partyOnlyClaimed(me.id())) {
            return new InvalidInputException("choice", "Your party, " + me.partyCode() + ", has not confirmed you yet (or no longer does), "
                    + "so you cannot vote: each party's votes are its confirmed members'. Its organisers confirm members (My party).");
        }
        if (!ballots.isElector(ballotId, me.id())) {
            return new InvalidInputException("choice", "You were not a member of the group when this ballot opened, so you cannot vote in it.");
        }
        return new InvalidInputException("choice", "This ballot is not taking votes: what it decides is no longer being decided.");
    }

    /**
     * Closes a ballot by hand and records its outcome, which it returns. A convenor of the group closes ballots on
     * proposals; a party's ratification ballot, or its election of a delegate, is closed early only by that party's
     * delegates in the group (otherwise by the scheduler at its closing time), so no other party can end it early.
     */
    @Transactional
    public Outcome close(long ballotId) {
        SignedInMember me = currentMember.require();
        BallotRecord found = ballots.find(ballotId).orElseThrow(BallotService::noSuchBallot);
        // Its subject first, then the ballot: the order signing a pact and withdrawing a proposal take, so a close
        // cannot deadlock with either. Only what the caller may read is locked, and it is read once.
        RatifiedPacts.Pact pact = null;
        ProposalGuard.Access proposal = null;
        if (found.getGroupId() != null) {
            electionGroup(found, me);
        } else if (found.getPactId() != null) {
            pact = guardedPact(found.getPactId(), me, true);
        } else {
            proposal = guardedRead(found, me);
            proposals.lockState(found.getProposalId());
        }
        BallotRecord b = ballots.lockForClosing(ballotId).orElseThrow(BallotService::noSuchBallot);
        boolean mayClose = b.getGroupId() != null ? mayCloseForParty(b, me, List.of(b.getGroupId()))
                : pact != null ? mayCloseForParty(b, me, pact.groupIds()) : proposal.rules().convenor();
        if (!mayClose) {
            throw new AccessDeniedException(b.getPartyId() == null ? "Only a convenor of the group can close a ballot."
                    : "Only " + ballots.partyCode(b.getPartyId()) + "'s delegates in the group close its ballot early; otherwise it closes at its closing time.");
        }
        if (b.getClosedAt() != null) {
            throw new InvalidInputException("ballot", "This ballot is already closed.");
        }
        Outcome outcome = DecisionRules.decide(DecisionRule.valueOf(b.getRule()), tallies(ballotId), b.getOverallQuorum(), b.getPartyQuorum());
        ballots.close(ballotId, me.id(), outcome.passed(), outcome.explanation());
        if (b.getGroupId() != null) {
            elected(b, outcome.passed());
        } else if (b.getCorrectionId() != null) {
            publisher.publishEvent(new CorrectionBallotClosed(ballotId, b.getCorrectionId(), outcome.passed(), outcome.explanation(), me.id()));
        } else if (b.getPactId() != null) {
            publisher.publishEvent(new RatificationBallotClosed(ballotId, b.getPactId(), b.getPartyId(), outcome.passed(), outcome.explanation(), me.id()));
        } else if (b.getAmendmentId() == null) {
            finalVote.decided(ballotId);
        } else if (outcome.passed() && stillFits(b.getAmendmentId(), b.getProposalId())) {
            amendments.mergeAfterBallot(b.getAmendmentId());
        } else if (outcome.passed()) {
            amendmentRecords.setAsideAfterBallot(b.getAmendmentId(), "Passed by ballot, but the lines it changes had changed before it closed, "
                    + "so it could not be merged. Its proposer can propose it again on the current text.");
        } else {
            amendmentRecords.decide(b.getAmendmentId(), AmendmentState.PUT_TO_VOTE, AmendmentState.REJECTED, me.id(),
                    "Rejected by ballot. " + outcome.explanation().lines().reduce((a, c) -> c).orElse(""), null);
        }
        audit.record(me.id(), AuditAction.BALLOT_CLOSED, "ballot", ballotId, (outcome.passed() ? "passed: " : "failed: ") + outcome.explanation());
        return outcome;
    }

    @Transactional(readOnly = true)
    public List<Long> ballotsOf(long proposalId) {
        guard.readable(proposalId, currentMember.require());
        return ballots.ofProposal(proposalId).stream().map(BallotRecord::getId).toList();
    }

    @Transactional(readOnly = true)
    public BallotDetails details(long ballotId) {
        SignedInMember me = currentMember.require();
        BallotRecord b = ballots.find(ballotId).orElseThrow(BallotService::noSuchBallot);
        // The reader's right first: a page refused costs one small query, not a read of every vote.
        Subject about = subject(b, me);
        // An open ballot's votes are read after now, in one read shared with the pages asking meanwhile (a meeting's
        // members voting, each page then showing its member's vote, or opening the page together).
        return details(ballotId, b.getClosedAt() == null ? tallies.readAfterNow(ballotId) : null, me, about);
    }

    /**
     * As {@link #details}, for a page bringing itself up to date after votes it heard of, up to the stamp
     * {@code heard} of {@link org.commonground.live.LiveEvents#heard}: the ballot, its counts and names are this
     * instance's one copy for all such pages ({@link SharedTallies}), read again only when older than that. The
     * caller's right to see the ballot, and their own vote, are still checked and read for them alone.
     */
    @Transactional(readOnly = true)
    public BallotDetails liveDetails(long ballotId, long heard) {
        SignedInMember me = currentMember.require(); // before anything is read for the caller
        return details(ballotId, tallies.of(ballotId, heard), me, null);
    }

    /** {@code shared}: the copy to show, if any; {@code checked}: the reader's right already checked, or null. */
    private BallotDetails details(long ballotId, SharedTallies.Tally shared, SignedInMember me, Subject checked) {
        // A closed ballot's page is read afresh: its result is read once, and must not come from a copy read before the close.
        boolean fromCopy = shared != null && shared.ballot() != null && shared.ballot().getClosedAt() == null;
        BallotRecord b = fromCopy ? shared.ballot() : ballots.find(ballotId).orElseThrow(BallotService::noSuchBallot);
        Subject about = checked != null ? checked : subject(b, me);
        boolean open = b.getClosedAt() == null;
        boolean hideChoices = b.getSecret() && open;
        SharedTallies.Tally tally = fromCopy ? shared
                : new SharedTallies.Tally(0, b, ballots.tally(ballotId), b.getSecret() ? null : ballots.namedVotes(ballotId), null);
        List<PartyResult> parties = new ArrayList<>();
        for (PartyCount c : tally.counts()) {
            parties.add(hideChoices ? new PartyResult(c.party(), c.colour(), c.electorate(), c.voted(), 0, 0, 0)
                    : new PartyResult(c.party(), c.colour(), c.electorate(), c.voted(), c.forVotes(), c.against(), c.abstain()));
        }
        List<NamedVote> named = b.getSecret() ? List.of() : tally.named();
        var mine = fromCopy ? Optional.ofNullable(shared.electors().get(me.id())) : ballots.electorsVote(ballotId, me.id());
        return new BallotDetails(ballotId, about.title(), about.backLink(), about.backLabel(), b.getAmendmentId(), about.subject(), b.getRevision(),
                DecisionRule.valueOf(b.getRule()), b.getSecret(), b.getOverallQuorum(), b.getPartyQuorum(), b.getOpenedAt(),
                b.getClosesAt(), b.getClosedAt(), b.getPassed(), b.getExplanation(), parties, named,
                mine.map(BallotRepository.MyPart::choice).orElse(null), mine.map(BallotRepository.MyPart::reason).orElse(null),
                mine.isPresent(), open && about.mayClose(), b.getLeftOutClaimed());
    }

    /** What a ballot decides, where its page links back to, and whether the reader may close it early. */
    private record Subject(String title, String backLink, String backLabel, String subject, boolean mayClose) {
    }

    private Subject subject(BallotRecord b, SignedInMember me) {
        if (b.getGroupId() != null) {
            long group = electionGroup(b, me);
            String party = ballots.partyCode(b.getPartyId());
            return new Subject(party + " delegate election", "groups/" + group + "/elections", "Elections in this group",
                    "Electing " + ballots.displayName(b.getCandidateId()) + " a " + party + " delegate", mayCloseForParty(b, me, List.of(group)));
        }
        if (b.getPactId() != null) {
            RatifiedPacts.Pact pact = guardedPact(b.getPactId(), me, false);
            return new Subject(pact.title(), "pacts/" + b.getPactId(), "Back to the pact",
                    "Ratification by " + ballots.partyCode(b.getPartyId()), mayCloseForParty(b, me, pact.groupIds()));
        }
        ProposalGuard.Access access = guardedRead(b, me);
        String subject;
        if (b.getCorrectionId() != null) {
            subject = "Correction of the published text";
        } else if (b.getAmendmentId() == null) {
            subject = "Final text (revision " + b.getRevision() + ")";
        } else {
            subject = "Amendment A" + amendmentRecords.find(b.getAmendmentId()).orElseThrow().getNumber();
        }
        return new Subject(access.proposal().getTitle(), "proposals/" + b.getProposalId() + "/ballots", "All ballots on this proposal", subject,
                access.rules().convenor());
    }

    /** A ballot whose electorate is one party: closed early by that party's delegates in the group only. */
    private boolean mayCloseForParty(BallotRecord b, SignedInMember me, List<Long> groupIds) {
        // Past its closing time the close is a formality: the scheduler does it, acting for the opener or a convenor.
        boolean due = b.getClosesAt() != null && !b.getClosesAt().isAfter(now());
        return due || delegations.isDelegateInAny(groupIds, me.id(), b.getPartyId());
    }

    /**
     * A confirmed member of a party in a local or alliance group puts one of the party's confirmed members there
     * (themselves, say) to the party's vote as its delegate: secret, simple majority with half of them voting, closing
     * at {@code closesAt}, a day away at least.
     * It is how a party with no organiser at hand gets delegates; its electorate is its confirmed members there.
     */
    @Transactional
    public long openDelegateElection(long groupId, long candidateId, OffsetDateTime closesAt) {
        SignedInMember me = currentMember.requireVerified();
        if (memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            throw new InvalidInputException("group", "There is no such group, or you are not a member.");
        }
        if (!delegations.eligible(groupId, me.id(), me.partyId())) {
            throw new AccessDeniedException("Only members " + me.partyCode() + " has confirmed, in a local or alliance group, elect its delegates there.");
        }
        if (!delegations.eligible(groupId, candidateId, me.partyId())) {
            throw new InvalidInputException("candidate", "Choose a member of " + me.partyCode() + " in this group whom " + me.partyCode() + " has confirmed.");
        }
        String candidate = ballots.displayName(candidateId);
        if (delegations.isDelegate(groupId, candidateId, me.partyId())) {
            throw new InvalidInputException("candidate", candidate + " is a delegate of " + me.partyCode() + " here already.");
        }
        if (closesAt == null) {
            throw new InvalidInputException("closesAt", "Choose when voting ends: the election closes then, unless a delegate closes it earlier.");
        }
        // No snap elections: the party's members here get a day to vote, and half of them must.
        if (closesAt.isBefore(now().plusHours(ELECTION_HOURS).minusMinutes(5))) {
            throw new InvalidInputException("closesAt", "An election runs for at least a day, so that " + me.partyCode()
                    + "'s members here can all vote.");
        }
        BallotSettings settings = new BallotSettings(DecisionRule.SIMPLE_MAJORITY, true, ELECTION_QUORUM, 0, closesAt);
        check(settings);
        long id;
        try {
            id = ballots.insertElection(groupId, me.partyId(), candidateId, settings, me.id());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidInputException("candidate", "An election of " + candidate + " is already open.");
        }
        int electors = ballots.fixElectorate(id, groupId, me.partyId());
        audit.record(me.id(), AuditAction.BALLOT_OPENED, "ballot", id, "group " + groupId + ", " + me.partyCode() + " delegate election of " + candidate
                + ", " + electors + " electors");
        return id;
    }

    /** The group's elections of delegates, for its members. */
    @Transactional(readOnly = true)
    public List<DelegateElection> elections(long groupId) {
        SignedInMember me = currentMember.require();
        if (memberships.status(groupId, me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            throw new InvalidInputException("group", "There is no such group, or you are not a member.");
        }
        return ballots.elections(groupId);
    }

    /** An election passed: its candidate becomes a delegate, if they are still a confirmed member of the group. */
    private void elected(BallotRecord b, boolean passed) {
        long group = b.getGroupId();
        if (passed && delegations.eligible(group, b.getCandidateId(), b.getPartyId())) {
            delegations.elect(group, b.getCandidateId(), b.getPartyId(), b.getId());
        }
    }

    /** An election's group, for a reader who is an active member of it; else the ballot does not exist for them. */
    private long electionGroup(BallotRecord b, SignedInMember me) {
        if (memberships.status(b.getGroupId(), me.id()).orElse(null) != MembershipStatus.ACTIVE) {
            throw noSuchBallot();
        }
        return b.getGroupId();
    }

    private RatifiedPacts.Pact guardedPact(long pactId, SignedInMember me, boolean lock) {
        try {
            return pacts.find(pactId, me, lock);
        } catch (InvalidInputException notReadable) {
            throw noSuchBallot();
        }
    }

    /** Ballots whose closing time has passed, for the scheduler. */
    List<Long> due() {
        return ballots.due(now());
    }

    BallotRecord record(long ballotId) {
        return ballots.find(ballotId).orElseThrow();
    }

    /** Who may close a due ballot for the scheduler: its opener first, then the group's convenors now. */
    List<Long> closers(long ballotId) {
        LinkedHashSet<Long> closers = new LinkedHashSet<>();
        closers.add(record(ballotId).getOpenedBy());
        closers.addAll(ballots.convenorsOf(ballotId));
        return List.copyOf(closers);
    }

    private List<PartyTally> tallies(long ballotId) {
        return ballots.tally(ballotId).stream()
                .map(c -> new PartyTally(c.party(), c.electorate(), c.forVotes(), c.against(), c.abstain())).toList();
    }

    private ProposalGuard.Access guardedRead(BallotRecord b, SignedInMember me) {
        try {
            return guard.readable(b.getProposalId(), me);
        } catch (InvalidInputException notReadable) {
            throw noSuchBallot();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private void check(BallotSettings s) {
        if (s.rule() == null) {
            throw new InvalidInputException("rule", "Choose a decision rule.");
        }
        if (s.overallQuorum() < 0 || s.overallQuorum() > 100) {
            throw new InvalidInputException("overallQuorum", "A quorum is a percentage from 0 to 100.");
        }
        if (s.partyQuorum() < 0 || s.partyQuorum() > 100) {
            throw new InvalidInputException("partyQuorum", "A quorum is a percentage from 0 to 100.");
        }
        if (s.closesAt() != null && !s.closesAt().isAfter(now().plusMinutes(1))) {
            throw new InvalidInputException("closesAt", "Choose a closing time in the future, or close the ballot by hand.");
        }
    }

    /** Whether a passed amendment still fits the proposal's current text, so merging it cannot fail the close. */
    private boolean stillFits(long amendmentId, long proposalId) {
        AmendmentRecord a = amendmentRecords.find(amendmentId).orElseThrow();
        return !a.getOutdated() && a.getRevision().intValue() == proposals.find(proposalId).orElseThrow().getCurrentRevision().intValue();
    }

    private static InvalidInputException noSuchBallot() {
        return new InvalidInputException("ballot", "There is no such ballot, or you may not see it.");
    }
}
