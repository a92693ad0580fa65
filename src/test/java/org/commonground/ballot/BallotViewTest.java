package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.commonground.ballot.rules.DecisionRule;
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
    void aMemberVotesAndSeesTheirVoteAndAnotherMembersVoteArrivesLive() {
        TestMembers.signIn(green);
        BallotView view = navigate(BallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        assertThat(says("2 members may vote: GRN 1, LAB 1")).isTrue();
        assertThat(says("You have not voted yet.")).isTrue();
        test(view.reason).setValue("Good for rivers");
        test($view(Button.class).withText("For").single()).click();
        assertThat(says("Your vote: For")).isTrue();
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
        assertThat($view(com.vaadin.flow.component.html.Pre.class).single().getText()).contains("Passed: every participating party consents.");
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
        assertThat($view(Span.class).withClassName("cg-result").single().getText()).isEqualTo("Cancelled");
        assertThat($view(com.vaadin.flow.component.html.Pre.class).single().getText()).isEqualTo("Cancelled: the proposal was withdrawn.");
    }
}
