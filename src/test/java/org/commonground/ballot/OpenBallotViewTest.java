package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Opening a ballot asks first: for how many members of which group, and until when. */
@IntegrationTest
class OpenBallotViewTest extends ViewTest {

    @Autowired
    BallotService ballots;
    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    @Test
    void openingABallotSaysForWhomAndUntilWhenAndOpensItOnlyOnConfirming() {
        SignedInMember convenor = testMembers.register("Chair", "LAB");
        SignedInMember green = testMembers.register("Voter", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Ballot town " + convenor.id(), GroupKind.LOCAL, null, "Bristol East"));
        TestMembers.signIn(green);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, green.id());
        long proposal = proposals.create(group, new ProposalDraft("Motion", "", "We agree.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);

        ProposalBallotsView view = navigate(ProposalBallotsView.class, Map.of("proposalId", String.valueOf(proposal)));
        test(view.closesAt).setValue(LocalDateTime.of(2099, 9, 12, 18, 0));
        test(view.open).click();

        ConfirmDialog question = $(ConfirmDialog.class).single();
        assertThat(test(question).getHeader()).isEqualTo("Open a ballot on the final text for the 2 members of Ballot town " + convenor.id() + "?");
        assertThat(test(question).getText()).contains("notified", "until 12 September 2099, 18:00");
        assertThat(ballots.ballotsOf(proposal)).isEmpty();

        test(question).cancel();
        assertThat(ballots.ballotsOf(proposal)).isEmpty();

        test(view.open).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(ballots.ballotsOf(proposal)).hasSize(1);
        assertThat(getCurrentView()).isInstanceOf(BallotView.class);
    }
}
