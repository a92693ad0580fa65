package org.commonground.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.Choice;
import org.commonground.group.GroupService;
import org.commonground.proposal.ProposalService;
import org.commonground.support.AppProcess;
import org.commonground.support.BusyGroups;
import org.commonground.support.BusyGroups.Seat;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.commonground.support.UiSession;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The packaged app is killed with SIGKILL while members are posting comments and casting votes as fast as it
 * answers, then started again: every write it acknowledged is there, and nothing is half-written.
 */
@IntegrationTest
class CrashRecoveryIT {

    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    BallotService ballots;

    /** Every choice a voter sent, in order, and which of them the app confirmed last. */
    static final class VoteTrail {
        final List<Choice> sent = new ArrayList<>();
        volatile int lastConfirmed = -1;

        /** The confirmed choice, or one sent after it that landed without its reply arriving. */
        List<String> possiblyStored() {
            return sent.subList(lastConfirmed, sent.size()).stream().map(Choice::name).toList();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillMidBurstAndNothingIsHalfWritten() throws Exception {
        List<Seat> seats = BusyGroups.create(testMembers, db, groups, proposals, ballots, 1, 12);
        long proposal = seats.getFirst().proposalId();
        long ballot = seats.getFirst().ballotId();
        int port = AppProcess.freePort();
        URI base = URI.create("http://localhost:" + port + "/");
        var log = Files.createTempFile("crash", ".log");

        Queue<String> confirmedComments = new ConcurrentLinkedQueue<>();
        Map<Long, VoteTrail> votes = new ConcurrentHashMap<>();
        CountDownLatch enoughWritten = new CountDownLatch(40);
        List<Thread> members = new ArrayList<>();
        AppProcess app = AppProcess.start(port, TestDatabase.url(), log);
        try {
            for (int i = 0; i < seats.size(); i++) {
                Seat seat = seats.get(i);
                boolean commenter = i % 2 == 0;
                UiSession session = UiSession.signIn(base, seat.email(), TestMembers.PASSWORD);
                session.open(commenter ? "proposals/" + proposal : "ballots/" + ballot);
                VoteTrail trail = new VoteTrail();
                votes.put(seat.memberId(), trail);
                members.add(Thread.ofVirtual().unstarted(() -> {
                    for (int n = 0; ; n++) {
                        try {
                            if (commenter) {
                                String text = "Crash test comment " + seat.memberId() + "." + n;
                                if (session.postComment(text)) {
                                    confirmedComments.add(text);
                                    enoughWritten.countDown();
                                }
                            } else {
                                Choice choice = Choice.values()[n % 3];
                                trail.sent.add(choice);
                                if (session.castVote(choice.label())) {
                                    trail.lastConfirmed = trail.sent.size() - 1;
                                    enoughWritten.countDown();
                                }
                            }
                        } catch (Exception appGone) {
                            return;
                        }
                    }
                }));
            }
            members.forEach(Thread::start);
            assertThat(enoughWritten.await(120, TimeUnit.SECONDS)).as("40 writes confirmed before the kill").isTrue();
        } finally {
            app.kill();
        }
        for (Thread member : members) {
            member.join(30_000);
        }

        // Every confirmed comment is stored once, each with the audit record written in its transaction, and no
        // comment or audit record is there without the other.
        List<String> stored = db.fetch("select body from comment where proposal_id = ?", proposal).getValues(0, String.class);
        assertThat(stored).containsAll(confirmedComments);
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(db.fetchValue("select count(*) from comment c where proposal_id = ? and (select count(*) from audit_event a "
                + "where a.action = 'COMMENT_POSTED' and a.subject_id = c.proposal_id and a.detail like 'comment ' || c.id || ' %') <> 1",
                proposal)).isEqualTo(0L);
        assertThat(db.fetchValue("select count(*) from audit_event a where a.action = 'COMMENT_POSTED' and a.subject_type = 'proposal' "
                + "and a.subject_id = ? and not exists (select 1 from comment c where a.detail like 'comment ' || c.id || ' %')", proposal))
                .isEqualTo(0L);
        // Every voter the app confirmed holds a vote, of a choice they sent no earlier than the last confirmed one.
        votes.forEach((member, trail) -> {
            if (trail.lastConfirmed >= 0) {
                Object choice = db.fetchValue("select choice from vote where ballot_id = ? and member_id = ?", ballot, member);
                assertThat(trail.possiblyStored()).contains(String.valueOf(choice));
            }
        });

        // Started again on the same database, the app shows them all and takes new writes.
        try (AppProcess restarted = AppProcess.start(port, TestDatabase.url(), log)) {
            UiSession reader = UiSession.signIn(base, seats.getFirst().email(), TestMembers.PASSWORD);
            UiSession.Reply page = reader.open("proposals/" + proposal);
            confirmedComments.forEach(text -> assertThat(page.contains(text)).as(text).isTrue());
            assertThat(reader.postComment("Written after the restart")).isTrue();
        }
    }
}
