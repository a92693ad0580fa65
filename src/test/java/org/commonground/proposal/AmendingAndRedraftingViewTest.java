package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
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

/** Issue 19 on the proposal page: the line-number amendment form, and a proposal not agreed returned for a redraft. */
@IntegrationTest
class AmendingAndRedraftingViewTest extends ViewTest {

    static final String TEXT = "Trams on every main road.\n\nA tram every ten minutes.\n\nFares capped at two pounds.\n";

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    BallotService ballots;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    /** Convenes the group and writes the proposals. */
    SignedInMember convenor;
    SignedInMember member;
    long proposal;

    @BeforeEach
    void aProposalInDiscussion() {
        convenor = testMembers.register("Convenor", "GRN");
        member = testMembers.register("Member", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Transport table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        TestMembers.signIn(member);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, member.id());
        proposal = proposals.create(group, new ProposalDraft("Trams", "", TEXT, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
    }

    private AmendmentPanel page() {
        return navigate(ProposalView.class, Map.of("proposalId", String.valueOf(proposal))).amendmentPanel;
    }

    private ConfirmDialog openDialog() {
        return $(ConfirmDialog.class).all().stream().filter(ConfirmDialog::isOpened).findFirst().orElseThrow();
    }

    private boolean anyDialogOpen() {
        return $(ConfirmDialog.class).all().stream().anyMatch(ConfirmDialog::isOpened);
    }

    @Test
    void aBackwardsRangeIsRefusedAtToLineAndALineAlreadyTypedIsNotChangedBehindTheMembersBack() {
        TestMembers.signIn(member);
        AmendmentPanel form = page();
        test(form.to).setValue(1);
        test(form.from).setValue(3);
        assertThat(form.to.getValue()).isEqualTo(1);
        test(form.reason).setValue("Shorter");
        test(form.propose).click();

        assertThat(form.to.isInvalid()).isTrue();
        assertThat(form.to.getErrorMessage()).isEqualTo("Line 1 comes before line 3. A passage runs forwards: make this line 3 or later.");
        assertThat(anyDialogOpen()).as("nothing to confirm: the lines are wrong").isFalse();
        assertThat(form.reason.getValue()).isEqualTo("Shorter");
        assertThat(amendments.list(proposal)).isEmpty();
    }

    @Test
    void anEmptyReplacementIsProposedAsADeletionOnlyOnceTheMemberConfirmsIt() {
        TestMembers.signIn(member);
        AmendmentPanel form = page();
        test(form.from).setValue(2);
        test(form.to).setValue(3);
        test(form.reason).setValue("Fares are another proposal");
        test(form.propose).click();

        ConfirmDialog confirm = openDialog();
        assertThat(test(confirm).getHeader()).isEqualTo("Delete lines 2\u20133?");
        assertThat(test(confirm).getText()).contains("deleting lines 2\u20133 and putting nothing in their place");
        test(confirm).cancel();
        assertThat(amendments.list(proposal)).as("going back proposes nothing").isEmpty();

        test(form.propose).click();
        test(openDialog()).confirm();
        assertThat(amendments.list(proposal)).singleElement().satisfies(a -> {
            assertThat(a.citation()).isEqualTo("A1 to lines 2\u20133");
            assertThat(a.reason()).isEqualTo("Fares are another proposal");
        });
    }

    @Test
    void aReasonLeftOutIsAskedForAtItsFieldEvenForAConfirmedDeletion() {
        TestMembers.signIn(member);
        AmendmentPanel form = page();
        test(form.from).setValue(2);
        test(form.propose).click();
        test(openDialog()).confirm();

        assertThat(form.reason.isInvalid()).isTrue();
        assertThat(form.reason.getErrorMessage()).startsWith("Say why");
        assertThat(amendments.list(proposal)).isEmpty();
    }

    /** The convenor puts the text to the vote and everyone votes against it. */
    private void notAgreed() {
        TestMembers.signIn(convenor);
        proposals.move(proposal, ProposalState.VOTING);
        long ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        for (SignedInMember m : new SignedInMember[] {convenor, member}) {
            TestMembers.signIn(m);
            ballots.vote(ballot, Choice.AGAINST, "");
        }
        TestMembers.signIn(convenor);
        ballots.close(ballot);
    }

    @Test
    void aConvenorReturnsAProposalNotAgreedToDiscussionAfterConfirmingAndLapsedAmendmentsSaySo() {
        TestMembers.signIn(member);
        amendments.propose(proposal, 1, 1, 1, "Trams on every road.", "All roads");
        notAgreed();

        TestMembers.signIn(member);
        page();
        assertThat($view(Button.class).withText("Return to discussion").exists()).as("a member does not move it").isFalse();
        assertThat($view(Paragraph.class).all().stream().map(Paragraph::getText))
                .contains("The final vote did not agree this text. A convenor can return it to discussion for a redraft; comments and amendments open again then.")
                .anyMatch(t -> t.startsWith("Not taken up before the final vote of "));
        assertThat($view(Span.class).all().stream().filter(s -> s.getClassNames().contains("cg-tone-caution"))
                .map(s -> s.getElement().getTextRecursively())).as("a lapsed amendment does not look accepted").containsExactly("Lapsed");
        assertThat($view(Span.class).withText("Proposed").exists()).isFalse();

        TestMembers.signIn(convenor);
        page();
        test($view(Button.class).withText("Return to discussion").single()).click();
        assertThat(proposals.details(proposal).proposal().state()).as("not on one click").isEqualTo(ProposalState.NOT_AGREED);
        ConfirmDialog confirm = openDialog();
        assertThat(test(confirm).getHeader()).isEqualTo("Return this proposal to discussion?");
        test(confirm).confirm();

        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.DISCUSSION);
        assertThat($view(Button.class).withText("Write a comment").exists()).as("the comment box is back").isTrue();
    }
}
