package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.commonground.group.GroupService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MergeViewTest extends ViewTest {

    static final String TEXT = AmendmentServiceTest.TEXT;

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    ProposalFixture f;
    long proposal;

    @BeforeEach
    void twoCollidingAndOneApart() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, TEXT);
        TestMembers.signIn(f.green);
        amendments.proposeByEdit(proposal, 1, TEXT.replace("run for the public good", "publicly owned"), "Ownership");
        TestMembers.signIn(f.libDem);
        amendments.proposeByEdit(proposal, 1, TEXT.replace("the public good", "people, not profit"), "People");
        amendments.proposeByEdit(proposal, 1, TEXT.replace("every river town", "every river and lake"), "Lakes");
    }

    /** Browserless navigation takes no query; the UI's own navigation does, as the amendment panel's buttons do. */
    private MergeView open(Integer... numbers) {
        MergeView.open(UI.getCurrent(), proposal, java.util.List.of(numbers));
        return (MergeView) getCurrentView();
    }

    private Amendment find(int number) {
        return amendments.list(proposal).stream().filter(a -> a.number() == number).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void takingOneWordingMergesAllChosenAndRejectsTheOther() {
        TestMembers.signIn(f.author);
        MergeView view = open(1, 2, 3);
        assertThat(view.chosen.getValue()).extracting(Amendment::number).containsExactlyInAnyOrder(1, 2, 3);
        assertThat($(RadioButtonGroup.class).all()).hasSize(1);
        RadioButtonGroup<Object> choice = $(RadioButtonGroup.class).first();

        test(view.merge).click();
        assertThat(choice.isInvalid()).as("a collision left unresolved is said at its choice").isTrue();
        assertThat($(ConfirmDialog.class).exists()).isFalse();

        choice.setValue(choice.getListDataView().getItems().filter(c -> c.toString().contains("Take A2")).findFirst().orElseThrow());
        test(view.merge).click();
        test($(ConfirmDialog.class).first()).confirm();

        assertThat(getCurrentView()).isInstanceOf(ProposalView.class);
        assertThat(proposals.details(proposal).current().body()).contains("run for people, not profit.", "every river and lake.");
        assertThat(find(1).state()).isEqualTo(AmendmentState.REJECTED);
        assertThat(find(1).decisionReason()).isEqualTo("On line 2, A2's wording was taken instead.");
        assertThat(find(2).state()).isEqualTo(AmendmentState.ACCEPTED);
        assertThat(find(3).state()).isEqualTo(AmendmentState.ACCEPTED);
    }

    @Test
    void aMemberWhoMayNotDecideIsToldSoAndCannotMerge() {
        TestMembers.signIn(f.green);
        MergeView view = open(1, 2);
        assertThat(view.merge.isEnabled()).isFalse();
        assertThat(view.getElement().getText() + view.getChildren().map(c -> c.getElement().getText()).reduce("", String::concat))
                .contains("Only the proposal's authors or the group's convenors decide on amendments.");
    }
}
