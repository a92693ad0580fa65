package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.VOTE;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.AmendmentState;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class BallotServiceTest {

    @Autowired
    BallotService ballots;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember convenor;
    long group;
    List<SignedInMember> members = new ArrayList<>();

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /** A group of {@code perParty} members of each party named (the convenor is one of the first party's). */
    private void group(int perParty, String... parties) {
        convenor = testMembers.register("Convenor", parties[0]);
        TestMembers.signIn(convenor);
        group = groups.create(new NewGroup("Ballot table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        members.add(convenor);
        for (String party : parties) {
            for (int i = party.equals(parties[0]) ? 1 : 0; i < perParty; i++) {
                SignedInMember m = testMembers.register(party + " voter " + i, party);
                TestMembers.signIn(m);
                groups.requestToJoin(group);
                TestMembers.signIn(convenor);
                groups.approve(group, m.id());
                members.add(m);
            }
        }
    }

    private long proposalInVoting() {
        TestMembers.signIn(convenor);
        long id = proposals.create(group, new ProposalDraft("Motion", "", "We agree.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        proposals.move(id, ProposalState.VOTING);
        return id;
    }

    private long openBallot(long proposal, DecisionRule rule, boolean secret) {
        TestMembers.signIn(convenor);
        return ballots.open(proposal, null, new BallotSettings(rule, secret, 20, 20, null));
    }

    private void vote(SignedInMember who, long ballot, Choice choice) {
        TestMembers.signIn(who);
        ballots.vote(ballot, choice, "");
    }

    @Test
    void theElectorateIsFixedAtOpeningAndLateJoinersCannotVote() {
        group(2, "LAB", "GRN");
        long ballot = openBallot(proposalInVoting(), DecisionRule.CONCURRENT_MAJORITY, false);
        SignedInMember late = testMembers.register("Latecomer", "GRN");
        TestMembers.signIn(late);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, late.id());

        BallotDetails details = ballots.details(ballot);
        assertThat(details.electorateLine()).isEqualTo("4 members may vote: GRN 2, LAB 2");
        TestMembers.signIn(late);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.FOR, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("not a member of the group when this ballot opened"));
        assertThat(db.fetchCount(VOTE, VOTE.BALLOT_ID.eq(ballot))).isZero();
    }

    @Test
    void aPassedFinalTextBallotMakesTheProposalAgreedWithEachPartysVerdict() {
        group(3, "LAB", "GRN");
        long proposal = proposalInVoting();
        long ballot = openBallot(proposal, DecisionRule.CONCURRENT_MAJORITY, false);
        for (SignedInMember m : members) {
            vote(m, ballot, m.partyCode().equals("GRN") && m.displayName().endsWith("2") ? Choice.AGAINST : Choice.FOR);
        }
        TestMembers.signIn(members.get(1));
        assertThat(ballots.details(ballot).votes()).hasSize(6);
        assertThatThrownBy(() -> ballots.close(ballot)).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(convenor);
        ballots.close(ballot);
        BallotDetails closed = ballots.details(ballot);
        assertThat(closed.passed()).isTrue();
        assertThat(closed.outcome()).isEqualTo("Passed");
        assertThat(closed.explanation()).contains("GRN: 2 for, 1 against, turnout 100% \u2265 quorum 20%: consents")
                .endsWith("Passed: every participating party consents.");
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.AGREED);

        TestMembers.signIn(members.get(2));
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).isInstanceOf(InvalidInputException.class).hasMessageContaining("closed");
    }

    @Test
    void oneBlockingPartyMakesItNotAgreed() {
        group(2, "LAB", "LD");
        long proposal = proposalInVoting();
        long ballot = openBallot(proposal, DecisionRule.CONCURRENT_MAJORITY, false);
        for (SignedInMember m : members) {
            vote(m, ballot, m.partyCode().equals("LD") ? Choice.AGAINST : Choice.FOR);
        }
        TestMembers.signIn(convenor);
        ballots.close(ballot);
        BallotDetails closed = ballots.details(ballot);
        assertThat(closed.passed()).isFalse();
        assertThat(closed.explanation()).endsWith("Failed: LD does not consent.");
        assertThat(closed.outcome()).isEqualTo("Failed");
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.NOT_AGREED);
    }

    @Test
    void aSecretBallotNeverShowsHowAnyoneVotedNotEvenInTheAuditTrail() {
        group(2, "LAB", "GRN");
        long ballot = openBallot(proposalInVoting(), DecisionRule.SIMPLE_MAJORITY, true);
        vote(members.get(1), ballot, Choice.AGAINST);
        vote(members.get(2), ballot, Choice.FOR);
        BallotDetails during = ballots.details(ballot);
        assertThat(during.votes()).isEmpty();
        assertThat(during.voted()).isEqualTo(2);
        assertThat(during.parties()).allSatisfy(p -> assertThat(p.forVotes() + p.against() + p.abstain()).isZero());
        assertThat(during.myChoice()).as("a member sees their own vote").isEqualTo(Choice.FOR);
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.SUBJECT_TYPE.eq("ballot"))
                .and(AUDIT_EVENT.SUBJECT_ID.eq(ballot)).and(AUDIT_EVENT.ACTION.in("VOTE_CAST", "VOTE_CHANGED")).fetch(AUDIT_EVENT.DETAIL))
                .hasSize(2).allSatisfy(detail -> assertThat(detail).isEmpty());
        TestMembers.signIn(convenor);
        ballots.close(ballot);
        BallotDetails after = ballots.details(ballot);
        assertThat(after.votes()).isEmpty();
        assertThat(after.parties()).extracting(PartyResult::forVotes).containsExactlyInAnyOrder(1, 0);
    }

    /** Each voter in its own task, all released at once; the i-th votes FOR, AGAINST or ABSTAIN by i mod 3. */
    private void voteAllAtOnce(long ballot, List<SignedInMember> voters, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) {
            SignedInMember voter = voters.get(i);
            Choice choice = Choice.values()[i % 3];
            done.add(pool.submit(() -> {
                TestMembers.signIn(voter);
                start.await();
                ballots.vote(ballot, choice, "");
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    @Test
    void fiftyConcurrentVotesFromOneMemberLeaveOneRowWithTheLastChoice() throws Exception {
        group(1, "LAB", "GRN");
        long ballot = openBallot(proposalInVoting(), DecisionRule.SIMPLE_MAJORITY, false);
        SignedInMember voter = members.get(1);
        List<SignedInMember> fiftyTimesTheSameVoter = java.util.Collections.nCopies(50, voter);
        voteAllAtOnce(ballot, fiftyTimesTheSameVoter, 10);
        assertThat(db.fetchCount(VOTE, VOTE.BALLOT_ID.eq(ballot))).isEqualTo(1);
        // The last write wins; the row holds one of the choices cast, and it is the voter's choice the tally shows.
        TestMembers.signIn(voter);
        Choice stored = Choice.valueOf(db.select(VOTE.CHOICE).from(VOTE).where(VOTE.BALLOT_ID.eq(ballot)).fetchOne(VOTE.CHOICE));
        assertThat(ballots.details(ballot).myChoice()).isEqualTo(stored);
        assertThat(ballots.details(ballot).voted()).isEqualTo(1);
        ballots.vote(ballot, Choice.ABSTAIN, "changed my mind");
        assertThat(ballots.details(ballot).myChoice()).isEqualTo(Choice.ABSTAIN);
        assertThat(db.fetchCount(VOTE, VOTE.BALLOT_ID.eq(ballot))).isEqualTo(1);
    }

    @Test
    void twoHundredMembersVotingAtOnceAreEachCountedOnce() throws Exception {
        group(50, "LAB", "GRN", "LD", "SNP");
        long ballot = openBallot(proposalInVoting(), DecisionRule.CONCURRENT_MAJORITY, false);
        voteAllAtOnce(ballot, members, 16);
        int rows = db.fetchCount(VOTE, VOTE.BALLOT_ID.eq(ballot));
        assertThat(rows).isEqualTo(200);
        TestMembers.signIn(convenor);
        BallotDetails details = ballots.details(ballot);
        assertThat(details.voted()).isEqualTo(rows);
        assertThat(details.parties()).extracting(p -> p.forVotes() + p.against() + p.abstain()).containsOnly(50);
        for (Choice c : Choice.values()) {
            long expected = db.fetchCount(VOTE, VOTE.BALLOT_ID.eq(ballot).and(VOTE.CHOICE.eq(c.name())));
            long shown = details.parties().stream().mapToInt(p -> c == Choice.FOR ? p.forVotes() : c == Choice.AGAINST ? p.against() : p.abstain()).sum();
            assertThat(shown).as(c.name()).isEqualTo(expected);
        }
    }

    @Test
    void withdrawingAProposalCancelsItsOpenBallotsSoNoneLaterPasses() {
        group(2, "LAB", "GRN");
        long proposal = proposalInVoting();
        long ballot = openBallot(proposal, DecisionRule.SIMPLE_MAJORITY, false);
        for (SignedInMember m : members) {
            vote(m, ballot, Choice.FOR);
        }
        TestMembers.signIn(convenor);
        proposals.move(proposal, ProposalState.WITHDRAWN);

        BallotDetails cancelled = ballots.details(ballot);
        assertThat(cancelled.closedAt()).isNotNull();
        assertThat(cancelled.passed()).isFalse();
        assertThat(cancelled.explanation()).isEqualTo("Cancelled: the proposal was withdrawn.");
        assertThat(cancelled.outcome()).isEqualTo("Cancelled");
        assertThatThrownBy(() -> ballots.close(ballot)).isInstanceOf(InvalidInputException.class).hasMessageContaining("already closed");
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.WITHDRAWN);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.SUBJECT_TYPE.eq("ballot").and(AUDIT_EVENT.SUBJECT_ID.eq(ballot))
                .and(AUDIT_EVENT.ACTION.eq("BALLOT_CANCELLED")))).isEqualTo(1);
        TestMembers.signIn(members.get(1));
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).isInstanceOf(InvalidInputException.class).hasMessageContaining("closed");

        // An amendment's ballot, in discussion, goes the same way.
        TestMembers.signIn(convenor);
        long discussed = proposals.create(group, new ProposalDraft("Motion", "", "We agree to this.", ""));
        proposals.move(discussed, ProposalState.DISCUSSION);
        var a = amendments.propose(discussed, 1, 1, 1, "We agree to this, wholeheartedly.", "Because it is better.");
        long amendmentBallot = ballots.open(discussed, a.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        proposals.move(discussed, ProposalState.WITHDRAWN);
        assertThat(ballots.details(amendmentBallot).closedAt()).isNotNull();
        assertThat(ballots.details(amendmentBallot).passed()).isFalse();
    }

    @Test
    void aPassedAmendmentBallotMergesTheAmendment() {
        group(2, "LAB", "GRN");
        TestMembers.signIn(convenor);
        long proposal = proposals.create(group, new ProposalDraft("Motion", "", "We agree to this.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signIn(members.get(2));
        var a = amendments.propose(proposal, 1, 1, 1, "We agree to this, wholeheartedly.", "Because it is better.");
        TestMembers.signIn(convenor);
        long ballot = ballots.open(proposal, a.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        assertThatThrownBy(() -> amendments.accept(a.id())).isInstanceOf(InvalidInputException.class);
        // The final text cannot go to the vote while an amendment to it is still being voted on.
        assertThatThrownBy(() -> proposals.move(proposal, ProposalState.VOTING)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Close the ballot on A1");
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.DISCUSSION);
        for (SignedInMember m : members) {
            vote(m, ballot, Choice.FOR);
        }
        TestMembers.signIn(convenor);
        assertThat(ballots.close(ballot).passed()).isTrue();
        assertThat(proposals.details(proposal).current().body()).isEqualTo("We agree to this, wholeheartedly.");
        assertThat(amendments.list(proposal).getFirst().state()).isEqualTo(AmendmentState.ACCEPTED);
        proposals.move(proposal, ProposalState.VOTING);
    }

    @Autowired
    BallotCloser closer;

    private long openClosingInAnHour(long proposal) {
        return ballots.open(proposal, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, java.time.OffsetDateTime.now().plusHours(1)));
    }

    /** Rather than waiting an hour. */
    private void letTheClosingTimePass(long ballot) {
        db.execute("update ballot set opened_at = now() - interval '2 hours', closes_at = now() - interval '1 second' where id = ?", ballot);
    }

    @Test
    void aBallotClosesByItselfAtItsClosingTime() {
        group(1, "LAB", "GRN");
        long proposal = proposalInVoting();
        TestMembers.signIn(convenor);
        long ballot = openClosingInAnHour(proposal);
        vote(members.get(1), ballot, Choice.FOR);
        letTheClosingTimePass(ballot);
        TestMembers.signOut();
        closer.closeDueBallots();
        TestMembers.signIn(convenor);
        BallotDetails closed = ballots.details(ballot);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.passed()).isTrue();
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.AGREED);
        TestMembers.signIn(members.get(1));
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).hasMessageContaining("closed");
    }

    @Test
    void aDueBallotWhoseOpenerHasLeftIsClosedForTheGroupsConvenorNow() {
        group(1, "LAB", "GRN");
        long proposal = proposalInVoting();
        SignedInMember successor = members.get(1);
        TestMembers.signIn(convenor);
        groups.promote(group, successor.id());
        long ballot = openClosingInAnHour(proposal);
        vote(successor, ballot, Choice.FOR);
        TestMembers.signIn(successor);
        groups.remove(group, convenor.id());
        letTheClosingTimePass(ballot);
        TestMembers.signOut();

        closer.closeDueBallots();
        TestMembers.signIn(successor);
        BallotDetails closed = ballots.details(ballot);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.passed()).isTrue();
        assertThat(db.fetchValue("select closed_by from ballot where id = ?", ballot)).isEqualTo(successor.id());
    }

    @Test
    void outsidersCannotSeeOrVoteAndBadSettingsAreRefused() {
        group(1, "LAB", "GRN");
        long proposal = proposalInVoting();
        TestMembers.signIn(convenor);
        assertThatThrownBy(() -> ballots.open(proposal, null, new BallotSettings(DecisionRule.CONSENSUS, false, 120, 20, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("overallQuorum")).isNotNull());
        assertThatThrownBy(() -> ballots.open(proposal, null, new BallotSettings(DecisionRule.CONSENSUS, false, 20, 20,
                java.time.OffsetDateTime.now().minusDays(1)))).isInstanceOf(InvalidInputException.class);
        long ballot = openBallot(proposal, DecisionRule.CONSENSUS, false);
        assertThatThrownBy(() -> openBallot(proposal, DecisionRule.CONSENSUS, false)).hasMessageContaining("already open");
        SignedInMember outsider = testMembers.register("Outsider", "GRN");
        TestMembers.signIn(outsider);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).isInstanceOf(InvalidInputException.class).hasMessageContaining("no such ballot");
        assertThatThrownBy(() -> ballots.details(ballot)).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(members.get(1));
        assertThatThrownBy(() -> ballots.open(proposal, null, new BallotSettings(DecisionRule.CONSENSUS, false, 20, 20, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(db.fetchCount(VOTE, VOTE.BALLOT_ID.eq(ballot))).isZero();
    }
}
