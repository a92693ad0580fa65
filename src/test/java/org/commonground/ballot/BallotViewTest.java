package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.zaxxer.hikari.HikariDataSource;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.ballot.rules.PartyVerdict;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.UiQueue;
import org.commonground.support.ViewTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class BallotViewTest extends ViewTest {

    @Autowired
    BallotService ballots;
    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DataSource dataSource;
    @Autowired
    DSLContext db;

    SignedInMember convenor;
    SignedInMember green;
    long ballot;
    long proposal;

    @BeforeEach
    void anOpenBallot() {
        convenor = testMembers.register("Chair", "LAB");
        green = testMembers.register("Voter", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Vote room " + convenor.id(), GroupKind.LOCAL, null, "Bristol East"));
        TestMembers.signIn(green);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, green.id());
        proposal = proposals.create(group, new ProposalDraft("Motion", "", "We agree.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 20, 20, null));
    }

    private boolean says(String text) {
        return $view(Paragraph.class).all().stream().anyMatch(p -> p.getText().contains(text))
                || $view(H3.class).all().stream().anyMatch(h -> h.getText().contains(text))
                // Who voted how is one escaped fragment (VoteList).
                || $view(Div.class).withClassName("cg-people").all().stream().anyMatch(d -> d.getElement().getProperty("innerHTML", "").contains(text));
    }

    @Test
    void aVoteThatFindsNoDatabaseConnectionInTimeIsRefusedSayingTryAgainAndStoresNothing() throws Exception {
        TestMembers.signIn(green);
        navigate(BallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        // Overload, as in a mass meeting: every connection of the pool is taken, and none comes back within the wait.
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        long wait = pool.getConnectionTimeout();
        List<Connection> held = new ArrayList<>();
        pool.getHikariConfigMXBean().setConnectionTimeout(250);
        try {
            while (true) {
                try {
                    held.add(pool.getConnection());
                } catch (SQLTransientConnectionException full) {
                    break;
                }
            }
            test($view(Button.class).withText("For").single()).click();
        } finally {
            for (Connection c : held) {
                c.close();
            }
            pool.getHikariConfigMXBean().setConnectionTimeout(wait);
        }
        assertThat($(Notification.class).all()).extracting(n -> test(n).getText())
                .containsExactly("Your vote was not recorded: the site is too busy just now. Please try again in a moment.");
        assertThat(says("You have not voted yet.")).isTrue();
        assertThat(db.fetchCount(org.commonground.jooq.Tables.VOTE, org.commonground.jooq.Tables.VOTE.BALLOT_ID.eq(ballot))).isZero();
    }

    @Test
    void aMemberVotesAndSeesTheirVoteAndAnotherMembersVoteArrivesLive() {
        TestMembers.signIn(green);
        BallotView view = navigate(BallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        assertThat(says("2 members may vote: GRN 1, LAB 1")).isTrue();
        assertThat(says("You have not voted yet.")).isTrue();
        test(view.reason).setValue("Good for rivers");
        test($view(Button.class).withText("For").single()).click();
        assertThat(says("Your vote: For")).isTrue();
        // The tally follows with the vote's announcement, as on every other page of the ballot.
        UiQueue.awaitUntil(() -> says("Turnout so far: 1 of 2"));
        assertThat(says("Turnout so far: 1 of 2")).isTrue();

        Button against = $view(Button.class).withText("Against").single();
        test(view.reason).setValue("Changing my mind, half typed");

        // The convenor votes elsewhere; this page hears of it through the ballot's events, as with Push.
        TestMembers.signIn(convenor);
        ballots.vote(ballot, org.commonground.ballot.Choice.AGAINST, "");
        TestMembers.signIn(green);
        UiQueue.awaitUntil(() -> says("Turnout so far: 2 of 2") && says("Chair: Against"));
        assertThat(says("Turnout so far: 2 of 2")).isTrue();
        assertThat(says("Chair: Against")).isTrue();
        // Only the tally was redrawn: a click already on its way to this button still lands, and the typing stays.
        assertThat($view(Button.class).withText("Against").single()).isSameAs(against);
        assertThat(view.reason.getValue()).isEqualTo("Changing my mind, half typed");
    }

    @Test
    void theConvenorClosesTheBallotAndTheResultIsExplained() {
        TestMembers.signIn(green);
        ballots.vote(ballot, org.commonground.ballot.Choice.FOR, "");
        TestMembers.signIn(convenor);
        ballots.vote(ballot, org.commonground.ballot.Choice.FOR, "");
        navigate(BallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        ballots.close(ballot);
        UiQueue.awaitUntil(() -> says("Closed"));
        assertThat(says("Closed")).isTrue();
        BallotResult result = $view(BallotResult.class).single();
        assertThat(words(result.badge)).isEqualTo("Passed");
        assertThat(result.badge.getClassNames()).contains("cg-tone-success");
        assertThat(icon(result.badge)).isEqualTo("vaadin:check-circle");
        assertThat(says("The ballot passed.")).isTrue();
        assertThat(says("2 members could vote and 2 did (100%), which meets the quorum of 20%.")).isTrue();
        assertThat(says("every party taking part consented (GRN and LAB).")).isTrue();
        @SuppressWarnings("unchecked")
        Grid<PartyVerdict> table = $view(Grid.class).withClassName("cg-result-table").single();
        assertThat(test(table).size()).as("one row per party").isEqualTo(2);
        assertThat(test(table).getRow(0).tally().party()).isEqualTo("GRN");
    }

    /** A failed final vote: its badge, icon and words are not those of success, here or on the proposal and its group's list. */
    @Test
    void aBlockedBallotLooksUnlikeAPassedOneAndSoDoesTheNotAgreedProposal() {
        TestMembers.signIn(green);
        ballots.vote(ballot, org.commonground.ballot.Choice.AGAINST, "");
        TestMembers.signIn(convenor);
        ballots.vote(ballot, org.commonground.ballot.Choice.FOR, "");
        ballots.close(ballot);
        navigate(BallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        BallotResult result = $view(BallotResult.class).single();
        assertThat(words(result.badge)).isEqualTo("Blocked");
        assertThat(result.badge.getClassNames()).contains("cg-tone-failure").doesNotContain("cg-tone-success");
        assertThat(icon(result.badge)).isEqualTo("vaadin:close-circle");
        assertThat(says("The ballot was blocked.")).isTrue();
        assertThat(says("GRN (more against than for) did not consent; LAB did.")).isTrue();
        @SuppressWarnings("unchecked")
        Grid<PartyVerdict> table = $view(Grid.class).withClassName("cg-result-table").single();
        assertThat(test(table).size()).isEqualTo(2);
        assertThat(test(table).getRow(0).standing()).isEqualTo(PartyVerdict.Standing.NO_MAJORITY);
        assertThat(test(table).getRow(1).standing()).isEqualTo(PartyVerdict.Standing.CONSENTS);

        navigate(org.commonground.proposal.ProposalView.class, Map.of("proposalId", String.valueOf(proposal)));
        Span state = $view(Span.class).withClassName("cg-badge").first();
        assertThat(words(state)).startsWith("Not agreed since ");
        assertThat(state.getClassNames()).contains("cg-tone-failure");
        assertThat(icon(state)).isEqualTo("vaadin:close-circle");
        navigate(ProposalBallotsView.class, Map.of("proposalId", String.valueOf(proposal)));
        assertThat($view(Span.class).withClassName("cg-badge").all()).singleElement().satisfies(b -> {
            assertThat(words(b)).isEqualTo("Blocked");
            assertThat(b.getClassNames()).contains("cg-tone-failure");
        });
    }

    private static String words(Span badge) {
        return badge.getChildren().filter(Span.class::isInstance).map(c -> ((Span) c).getText()).findFirst().orElse("");
    }

    private static String icon(Span badge) {
        return badge.getChildren().filter(com.vaadin.flow.component.icon.Icon.class::isInstance).findFirst()
                .map(i -> i.getElement().getAttribute("icon")).orElse("");
    }

    @Test
    void aWithdrawnProposalsBallotSaysCancelledAndNoNewBallotIsOffered() {
        navigate(ProposalBallotsView.class, Map.of("proposalId", String.valueOf(proposal)));
        assertThat(says("Open a ballot")).isTrue();

        proposals.move(proposal, ProposalState.WITHDRAWN);
        navigate(ProposalBallotsView.class, Map.of("proposalId", String.valueOf(proposal)));
        assertThat(says("Open a ballot")).isFalse();
        assertThat($view(Span.class).withText("Cancelled").all()).hasSize(1);
        navigate(BallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        BallotResult result = $view(BallotResult.class).single();
        assertThat(words(result.badge)).isEqualTo("Cancelled");
        assertThat(result.badge.getClassNames()).contains("cg-tone-neutral");
        assertThat(says("Cancelled: the proposal was withdrawn.")).isTrue();
    }
}
