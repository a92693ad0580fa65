package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A proposal's weighty buttons ask first, saying what will happen and to whom, and act only once confirmed. */
@IntegrationTest
class WeightyActionsViewTest extends ViewTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    SignedInMember convenor;
    SignedInMember member;
    long proposal;
    Amendment a1;

    @BeforeEach
    void aProposalInDiscussionWithAnAmendment() {
        convenor = testMembers.register("Chair", "GRN");
        member = testMembers.register("Amender", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Weighty town " + convenor.id(), GroupKind.ALLIANCE, null, null));
        TestMembers.signIn(member);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, member.id());
        proposal = proposals.create(group, new ProposalDraft("Homes", "", "We will build homes.\n\nNear transport.\n", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signIn(member);
        a1 = amendments.propose(proposal, 1, 2, 2, "Near stations and bus routes.", "Closer to stations.");
    }

    private void openProposal(SignedInMember who) {
        TestMembers.signIn(who);
        navigate(ProposalView.class, Map.of("proposalId", String.valueOf(proposal)));
    }

    private ConfirmDialog question() {
        return $(ConfirmDialog.class).single();
    }

    private AmendmentState a1State() {
        return amendments.list(proposal).stream().filter(a -> a.id() == a1.id()).findFirst().orElseThrow().state();
    }

    @Test
    void acceptAndMergeAsksNamingTheProposerAndTheNewRevisionAndMergesOnlyOnConfirming() {
        openProposal(convenor);
        test($view(Button.class).withText("Accept and merge").single()).click();

        assertThat(test(question()).getHeader()).isEqualTo("Accept A1 to line 2 and merge it?");
        assertThat(test(question()).getText()).contains("Amender", "revision 2");
        assertThat(a1State()).isEqualTo(AmendmentState.PROPOSED);

        test(question()).cancel();
        assertThat(a1State()).isEqualTo(AmendmentState.PROPOSED);

        test($view(Button.class).withText("Accept and merge").single()).click();
        test(question()).confirm();
        assertThat(a1State()).isEqualTo(AmendmentState.ACCEPTED);
        assertThat(proposals.details(proposal).current().number()).isEqualTo(2);
    }

    @Test
    void withdrawingAnAmendmentAsksFirst() {
        openProposal(member);
        test($view(Button.class).withText("Withdraw").single()).click();

        assertThat(test(question()).getHeader()).isEqualTo("Withdraw A1 to line 2?");
        assertThat(a1State()).isEqualTo(AmendmentState.PROPOSED);

        test(question()).confirm();
        assertThat(a1State()).isEqualTo(AmendmentState.WITHDRAWN);
    }

    @Test
    void movingToVotingAsksNamingTheGroupAndItsMembers() {
        openProposal(convenor);
        test($view(Button.class).withText("Move to voting").single()).click();

        assertThat(test(question()).getText()).contains("Revision 1 becomes the final text", "the members of Weighty town", "whose party has confirmed them");
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.DISCUSSION);

        test(question()).confirm();
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.VOTING);
    }
}
