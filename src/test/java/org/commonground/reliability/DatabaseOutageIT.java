package org.commonground.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import org.commonground.ballot.BallotService;
import org.commonground.group.GroupService;
import org.commonground.proposal.ProposalService;
import org.commonground.support.AppProcess;
import org.commonground.support.BusyGroups;
import org.commonground.support.BusyGroups.Seat;
import org.commonground.support.DatabaseOutage;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.commonground.support.UiSession;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PostgreSQL goes away under the running app, as in a restart: open connections are cut and new ones refused for a
 * while. The app tells the member nothing was saved and says so in its log, then recovers by itself: writes work
 * again, live updates resume, and nothing acknowledged before is lost.
 */
@IntegrationTest
class DatabaseOutageIT {

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

    @Test
    void theAppReportsAnOutageAndRecoversWithoutARestartLosingNothingAcknowledged() throws Exception {
        List<Seat> seats = BusyGroups.create(testMembers, db, groups, proposals, ballots, 1, 3);
        long proposal = seats.getFirst().proposalId();
        int port = AppProcess.freePort();
        URI base = URI.create("http://localhost:" + port + "/");
        var log = Files.createTempFile("outage", ".log");

        try (DatabaseOutage postgres = DatabaseOutage.relayFor(TestDatabase.url());
             AppProcess app = AppProcess.start(port, postgres.relayed(TestDatabase.url()), log)) {
            UiSession writer = UiSession.signIn(base, seats.get(0).email(), TestMembers.PASSWORD);
            UiSession reader = UiSession.signIn(base, seats.get(1).email(), TestMembers.PASSWORD);
            writer.open("proposals/" + proposal);
            assertThat(writer.postComment("Before the outage")).isTrue();
            // The reader opens the page showing that comment, so only one posted later is news to it.
            assertThat(reader.open("proposals/" + proposal).contains("Before the outage")).isTrue();

            postgres.cut();
            UiSession.Reply refused = writer.fillAndClick(writer.find(UiSession.labelled("vaadin-text-area", "Comment")),
                    "During the outage", writer.find(writer.withText("vaadin-button", "Post comment")));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.contains("The database cannot be reached just now, so nothing was saved.")).as(refused + "\n" + app.log()).isTrue();
            assertThat(refused.contains("During the outage")).as("not shown as posted").isFalse();
            assertThat(app.log()).contains("The database cannot be reached");

            postgres.restore();
            // Back without a restart: the same page posts again once the pool has a fresh connection.
            long deadline = System.nanoTime() + 30_000_000_000L;
            boolean posted = false;
            while (!posted && System.nanoTime() < deadline) {
                posted = writer.postComment("After the outage");
                if (!posted) {
                    Thread.sleep(500);
                }
            }
            assertThat(posted).as("a comment posts again within 30 s of the database returning").isTrue();
            // Live updates resumed: the other member's open page hears of the new comment. The listening connection
            // comes back on its own schedule (backing off up to 10 s between attempts), so this may take a while.
            boolean heard = false;
            long listening = System.nanoTime() + 30_000_000_000L;
            while (!heard && System.nanoTime() < listening) {
                heard = reader.poll().contains("a new comment");
                if (!heard) {
                    Thread.sleep(250);
                }
            }
            assertThat(heard).as("the reader's open page is told of the comment posted after the outage").isTrue();
            assertThat(app.log()).contains("Live updates: reconnected to the database");
        }

        List<String> stored = db.fetch("select body from comment where proposal_id = ? order by id", proposal).getValues(0, String.class);
        assertThat(stored).containsExactly("Before the outage", "After the outage");
    }
}
