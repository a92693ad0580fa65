package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.AMENDMENT;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.Amendment;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lines an amendment ballot decides stay put until it closes, so that its close can always merge what passed:
 * once, an author's edit moved them away and every later close failed, for ever.
 */
@IntegrationTest
class AmendmentUnderVoteTest {

    private static final String TEXT = "Buses every ten minutes.\n\nA cycle lane on every main road.\n\nFree school meals for all.\n";

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
    @Autowired
    TransactionTemplate transactions;

    SignedInMember convenor;
    SignedInMember voter;
    long proposal;

    @BeforeEach
    void proposalInDiscussion() {
        convenor = testMembers.register("Convenor", "LAB");
        voter = testMembers.register("Voter", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Transport table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        TestMembers.signIn(voter);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, voter.id());
        proposal = proposals.create(group, new ProposalDraft("Transport", "", TEXT, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /** The voter amends the cycle-lane paragraph (line 2) and the convenor puts it to the vote. */
    private long ballotOnTheCycleLane() {
        TestMembers.signIn(voter);
        Amendment cycleLane = amendments.propose(proposal, 1, 2, 2, "A protected cycle lane on every main road.", "Because it is better.");
        TestMembers.signIn(convenor);
        return ballots.open(proposal, cycleLane.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
    }

    private void bothVoteFor(long ballot) {
        for (SignedInMember m : new SignedInMember[] {convenor, voter}) {
            TestMembers.signIn(m);
            ballots.vote(ballot, Choice.FOR, "");
        }
        TestMembers.signIn(convenor);
    }

    private String text() {
        return proposals.details(proposal).current().body();
    }

    @Test
    void anAuthorsEditElsewhereCarriesTheAmendmentAlongAndItsPassingBallotStillMerges() {
        long ballot = ballotOnTheCycleLane();

        int revision = proposals.save(proposal, 1, new ProposalDraft("Transport", "", "Buses every five minutes, day and night.\n\n"
                + "A cycle lane on every main road.\n\nFree school meals for all.\n", ""));
        assertThat(revision).isEqualTo(2);

        bothVoteFor(ballot);
        assertThat(ballots.close(ballot).passed()).isTrue();
        assertThat(text()).isEqualTo("Buses every five minutes, day and night.\n\nA protected cycle lane on every main road.\n\nFree school meals for all.\n");
        assertThat(amendments.list(proposal).getFirst().state()).isEqualTo(AmendmentState.ACCEPTED);
        proposals.move(proposal, ProposalState.VOTING);
    }

    @Test
    void anEditToTheLinesUnderVoteIsRefusedNamingThemAndNothingIsWritten() {
        long ballot = ballotOnTheCycleLane();

        assertThatThrownBy(() -> proposals.save(proposal, 1, new ProposalDraft("Transport", "", "Buses every ten minutes.\n\n"
                + "A cycle lane on some roads.\n\nFree school meals for all.\n", "")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Line 2 is being voted on in A1's ballot: an edit can change it only after that ballot closes.");
        assertThat(proposals.history(proposal)).hasSize(1);

        bothVoteFor(ballot);
        ballots.close(ballot);
        proposals.save(proposal, 2, new ProposalDraft("Transport", "", "Buses.\n\nA protected cycle lane on some roads.\n", ""));
    }

    @Test
    void anotherAmendmentToTheSameLinesWaitsForTheBallotButOneElsewhereMayBeMerged() {
        long ballot = ballotOnTheCycleLane();
        TestMembers.signIn(voter);
        Amendment sameLines = amendments.propose(proposal, 1, 2, 2, "No cycle lanes.", "Because it is better.");
        Amendment elsewhere = amendments.propose(proposal, 1, 3, 3, "Free school meals and breakfast clubs for all.", "Because it is better.");
        Amendment otherWordsSameLine = amendments.propose(proposal, 1, 2, 2, "A cycle lane on every road.", "Side streets too.");
        TestMembers.signIn(convenor);

        assertThat(org.commonground.proposal.text.Passages.collide(amendments.list(proposal).getFirst().ranges(), otherWordsSameLine.ranges()))
                .as("its words do not overlap A1's").isFalse();
        assertThatThrownBy(() -> ballots.open(proposal, otherWordsSameLine.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null)))
                .as("but voters read the whole line, which A1's ballot holds still")
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A1's open ballot is deciding");

        assertThatThrownBy(() -> ballots.open(proposal, sameLines.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("A1's open ballot is deciding");
        assertThatThrownBy(() -> amendments.accept(sameLines.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Line 2 is being voted on in A1's ballot: merging A2");
        amendments.accept(elsewhere.id());

        bothVoteFor(ballot);
        assertThat(ballots.close(ballot).passed()).isTrue();
        assertThat(text()).isEqualTo("Buses every ten minutes.\n\nA protected cycle lane on every main road.\n\nFree school meals and breakfast clubs for all.\n");
    }

    @Test
    void aPassedAmendmentThatNoLongerFitsStillClosesItsBallotAndGoesBackToItsProposer() {
        long ballot = ballotOnTheCycleLane();
        bothVoteFor(ballot);
        // As data from before lines under vote were held still can be: the amendment under vote outdated.
        db.update(AMENDMENT).set(AMENDMENT.OUTDATED, true).where(AMENDMENT.PROPOSAL_ID.eq(proposal)).execute();

        assertThat(ballots.close(ballot).passed()).isTrue();

        Amendment setAside = amendments.list(proposal).getFirst();
        assertThat(setAside.state()).isEqualTo(AmendmentState.PROPOSED);
        assertThat(setAside.outdated()).isTrue();
        assertThat(setAside.decisionReason()).contains("could not be merged");
        assertThat(text()).isEqualTo(TEXT);
        proposals.move(proposal, ProposalState.VOTING);
    }

    @Test
    void anEditWaitingOnAMoveToVotingIsRefusedOnceVotingHasBegun() throws Exception {
        CountDownLatch moved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // Threads of their own: the common pool may have only one.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> move = CompletableFuture.runAsync(() -> {
            TestMembers.signIn(convenor);
            transactions.executeWithoutResult(tx -> {
                proposals.move(proposal, ProposalState.VOTING);
                moved.countDown();
                await(commit);
            });
        }, threads);
        assertThat(moved.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> edit = CompletableFuture.supplyAsync(() -> {
            TestMembers.signIn(convenor);
            return proposals.save(proposal, 1, new ProposalDraft("Transport", "", "Slipped in after the move.\n", ""));
        }, threads);
        awaitAWaitingLock(edit);
        commit.countDown();
        move.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> edit.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("can no longer be edited");
        assertThat(proposals.history(proposal)).hasSize(1);
        threads.shutdown();
    }

    /** Until the edit is queued behind the move's lock, so the test shows what happens when they meet. */
    private void awaitAWaitingLock(CompletableFuture<?> edit) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (db.fetch("select 1 from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()").isNotEmpty()) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("The edit never waited for the move's lock: " + edit);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
