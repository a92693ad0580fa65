package org.commonground.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.NOTICE_PENDING;
import static org.commonground.jooq.Tables.NOTIFICATION;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commonground.audit.AuditAction;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.security.SignedInMember;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ballot's opening and closing reach its whole electorate: the closing transaction records one pending notice and
 * writes no notification; after the commit each elector is told exactly once, even when the instance stopped between
 * the two and several threads (or instances) take the pending notice up at once; a fan-out that fails tells nobody
 * and holds up nothing.
 */
@IntegrationTest
class NoticesAfterCommitTest {

    @Autowired
    NoticesAfterCommit afterCommit;
    @Autowired
    BallotService ballots;
    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;
    @Autowired
    PlatformTransactionManager transactions;

    SignedInMember convenor;
    List<SignedInMember> electors = new ArrayList<>();
    long proposal;

    @BeforeEach
    void proposalInVoting() {
        convenor = testMembers.register("Notice convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Notice hall " + convenor.id(), GroupKind.ALLIANCE, null, null));
        for (String party : List.of("LAB", "GRN", "LD", "GRN")) {
            electors.add(testMembers.joined(groups, group, convenor, party + " listener", party));
        }
        TestMembers.signIn(convenor);
        proposal = proposals.create(group, new ProposalDraft("Town hall motion", "", "We meet on Mondays.\n", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private long openBallot() {
        TestMembers.signIn(convenor);
        return ballots.open(proposal, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));
    }

    private List<Long> toldOfClosing(long ballot) {
        return db.select(NOTIFICATION.MEMBER_ID).from(NOTIFICATION).where(NOTIFICATION.LINK.eq("ballots/" + ballot))
                .and(NOTIFICATION.TEXT.startsWith("The ballot on")).fetch(NOTIFICATION.MEMBER_ID);
    }

    private List<Long> electorIds() {
        return electors.stream().map(SignedInMember::id).toList();
    }

    private Long closingAudit(long ballot) {
        return db.select(AUDIT_EVENT.ID).from(AUDIT_EVENT).where(AUDIT_EVENT.SUBJECT_TYPE.eq("ballot"))
                .and(AUDIT_EVENT.SUBJECT_ID.eq(ballot)).and(AUDIT_EVENT.ACTION.eq(AuditAction.BALLOT_CLOSED.code())).fetchOne(AUDIT_EVENT.ID);
    }

    @Test
    void theClosingTransactionRecordsOnePendingNoticeAndEveryElectorIsToldOnceAfterTheCommit() {
        long ballot = openBallot();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            ballots.close(ballot);
            // Still inside the closing transaction: nobody told yet, the fan-out waits for the commit.
            assertThat(db.fetchCount(NOTICE_PENDING, NOTICE_PENDING.AUDIT_ID.eq(closingAudit(ballot)))).isOne();
            assertThat(toldOfClosing(ballot)).isEmpty();
            // Told as soon as it commits, not at the next sweep.
            assertThat(TransactionSynchronizationManager.getSynchronizations()).hasAtLeastOneElementOfType(NoticesAfterCommit.FanOutAfterCommit.class);
        });
        PendingNotices.awaitFannedOut(db);
        assertThat(toldOfClosing(ballot)).containsExactlyInAnyOrderElementsOf(electorIds());
        assertThat(db.fetchCount(NOTICE_PENDING, NOTICE_PENDING.AUDIT_ID.eq(closingAudit(ballot)))).as("pending once told").isZero();
    }

    @Test
    void aNoticeLeftPendingByACrashIsToldExactlyOnceThoughThreeSweepsTakeItUpAtOnce() throws Exception {
        long ballot = openBallot();
        ballots.close(ballot);
        PendingNotices.awaitFannedOut(db);
        // As if the instance had stopped between the close's commit and its fan-out.
        db.deleteFrom(NOTIFICATION).where(NOTIFICATION.LINK.eq("ballots/" + ballot)).execute();
        db.insertInto(NOTICE_PENDING).set(NOTICE_PENDING.AUDIT_ID, closingAudit(ballot)).execute();

        List<Callable<Integer>> sweeps = List.of(afterCommit::fanOutPending, afterCommit::fanOutPending, afterCommit::fanOutPending);
        try (ExecutorService instances = Executors.newFixedThreadPool(sweeps.size())) {
            for (Future<Integer> f : instances.invokeAll(sweeps)) {
                f.get();
            }
        }
        PendingNotices.awaitFannedOut(db);
        assertThat(toldOfClosing(ballot)).containsExactlyInAnyOrderElementsOf(electorIds());
        afterCommit.fanOutPending();
        assertThat(toldOfClosing(ballot)).hasSize(electors.size());
    }

    @Test
    void aFanOutThatFailsTellsNobodyHoldsUpNothingBehindItAndWaitsForItsNextTry() {
        // An entry no version of the app can read: its fan-out fails every time.
        long poison = db.insertInto(AUDIT_EVENT).set(AUDIT_EVENT.ACTION, "NOT_AN_ACTION").set(AUDIT_EVENT.SUBJECT_TYPE, "ballot")
                .set(AUDIT_EVENT.SUBJECT_ID, 0L).returning(AUDIT_EVENT.ID).fetchOne(AUDIT_EVENT.ID);
        try {
            db.insertInto(NOTICE_PENDING).set(NOTICE_PENDING.AUDIT_ID, poison).execute();
            long ballot = openBallot();
            ballots.close(ballot);
            afterCommit.fanOutPending();
            PendingNotices.awaitFannedOut(db);

            assertThat(toldOfClosing(ballot)).containsExactlyInAnyOrderElementsOf(electorIds());
            var failed = db.fetchOne(NOTICE_PENDING, NOTICE_PENDING.AUDIT_ID.eq(poison));
            assertThat(failed.getAttempts()).isPositive();
            assertThat(failed.getLastError()).contains("NOT_AN_ACTION");
            assertThat(failed.getNextAttemptAt()).isAfter(OffsetDateTime.now().plusSeconds(30));
        } finally {
            db.deleteFrom(NOTICE_PENDING).where(NOTICE_PENDING.AUDIT_ID.eq(poison)).execute();
        }
    }
}
