package org.commonground.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LiveEventsTest {

    @Autowired
    LiveEvents live;
    @Autowired
    PostgresListener listener;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    AuditLog audit;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private long proposalInDiscussion() {
        SignedInMember author = testMembers.register("Live author", "GRN");
        TestMembers.signIn(author);
        long group = groups.create(new NewGroup("Live group " + author.id(), GroupKind.ALLIANCE, null, null));
        long proposal = proposals.create(group, new ProposalDraft("Live text", "", "Words.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        return proposal;
    }

    /** Listens once the announcements of setting up the proposal have gone by. */
    private Runnable listenAfterSetUp(long proposal, BlockingQueue<LiveEvent> heard) throws InterruptedException {
        Runnable stop = live.listen("proposal", proposal, heard::add);
        // Quiet for longer than a listener's gap: the last set-up announcement, folded in, has arrived.
        while (heard.poll(LiveEvents.GAP.toMillis() + 300, TimeUnit.MILLISECONDS) != null) {
            // the proposal's creation and opening, announced just now
        }
        return stop;
    }

    @Test
    void aCommittedChangeIsAnnouncedWithIdsOnlyAndARolledBackOneIsNot() throws Exception {
        long proposal = proposalInDiscussion();
        BlockingQueue<LiveEvent> heard = new LinkedBlockingQueue<>();
        Runnable stop = listenAfterSetUp(proposal, heard);

        comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, "A private word"));
        LiveEvent event = heard.poll(1, TimeUnit.SECONDS);
        assertThat(event).isEqualTo(new LiveEvent("proposal", proposal, "COMMENT_POSTED"));

        transactions.executeWithoutResult(tx -> {
            audit.record(null, AuditAction.PROPOSAL_REVISED, "proposal", proposal, "never happened");
            tx.setRollbackOnly();
        });
        assertThat(heard.poll(700, TimeUnit.MILLISECONDS)).isNull();

        stop.run();
        comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Nobody listens"));
        assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void afterTheListeningConnectionIsLostItReconnectsTellsViewsToRereadAndDeliversTheNextChange() throws Exception {
        long proposal = proposalInDiscussion();
        BlockingQueue<LiveEvent> heard = new LinkedBlockingQueue<>();
        Runnable stop = listenAfterSetUp(proposal, heard);
        int connections = listener.connections();
        int pid = listener.backendPid();
        assertThat(pid).isPositive();

        db.fetch("select pg_terminate_backend(?)", pid);
        LiveEvent reconnected = heard.poll(10, TimeUnit.SECONDS);
        assertThat(reconnected).isNotNull();
        assertThat(reconnected.reconnected()).isTrue();
        assertThat(listener.connections()).isGreaterThan(connections);
        assertThat(listener.backendPid()).isNotEqualTo(pid);

        comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Still there?"));
        // Within a second of the re-read call: a listener is called at most once a second.
        assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo(new LiveEvent("proposal", proposal, "COMMENT_POSTED"));
        stop.run();
    }

    @Test
    void payloadsThatAreNotOursAreIgnored() {
        assertThat(LiveEvent.parse("proposal:12:COMMENT_POSTED")).contains(new LiveEvent("proposal", 12, "COMMENT_POSTED"));
        assertThat(List.of("", "proposal:x:A", "proposal:1", "PROPOSAL:1:A", "proposal:1:lower", "a:1:B:C"))
                .allSatisfy(p -> assertThat(LiveEvent.parse(p)).isEmpty());
    }
}
