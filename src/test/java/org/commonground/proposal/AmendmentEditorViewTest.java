package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import org.commonground.group.GroupService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Proposing an amendment by editing the text: review, reason, and a text that moved on meanwhile. */
@IntegrationTest
class AmendmentEditorViewTest extends ViewTest {

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
    void aProposalInDiscussion() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, AmendmentServiceTest.TEXT);
        TestMembers.signIn(f.libDem);
    }

    private AmendmentEditorView open() {
        return navigate(AmendmentEditorView.class, Map.of("proposalId", String.valueOf(proposal)));
    }

    private static String html(com.vaadin.flow.component.Component in) {
        return in.getElement().getOuterHTML();
    }

    @Test
    void twoChangedPassagesAreReviewedWithTheirLinesAndProposedAsOneAmendmentWithAReason() {
        AmendmentEditorView editor = open();
        assertThat(editor.source.getValue()).isEqualTo(AmendmentServiceTest.TEXT);
        assertThat(html(editor.preview)).contains("id=\"line-4\"");

        test(editor.source).setValue(AmendmentServiceTest.TEXT.replace("by 2030", "by 2027").replace("river restoration", "cleaning rivers"));
        test(editor.review).click();
        assertThat(editor.changes.isVisible()).isTrue();
        String review = html(editor.changes);
        assertThat(review).contains("Line 1:", "Line 3:", "amendment to lines 1 and 3 of revision 1", "<del>2030.</del>", "<ins>2027.</ins>");

        test(editor.propose).click();
        assertThat(getCurrentView()).as("no reason: the member stays").isSameAs(editor);
        assertThat(editor.reason.isInvalid()).isTrue();
        assertThat(editor.reason.getErrorMessage()).contains("Say why");

        test(editor.reason).setValue("Sooner, and the fines clean rivers.");
        test(editor.propose).click();
        assertThat(getCurrentView()).isInstanceOf(ProposalView.class);
        assertThat(amendments.list(proposal)).singleElement().satisfies(a -> {
            assertThat(a.citation()).isEqualTo("A1 to lines 1 and 3");
            assertThat(a.passages()).hasSize(2);
        });
    }

    @Test
    void nothingChangedIsSaidAtTheTextAndNothingIsReviewed() {
        AmendmentEditorView editor = open();
        test(editor.review).click();
        assertThat(editor.source.isInvalid()).isTrue();
        assertThat(editor.source.getErrorMessage()).contains("Nothing has changed");
        assertThat(editor.changes.isVisible()).isFalse();
    }

    @Test
    void whenTheTextMovesOnTheEditIsKeptAndCanBeCarriedOverToTheNewRevision() {
        AmendmentEditorView editor = open();
        String mine = AmendmentServiceTest.TEXT.replace("by 2030", "by 2027");
        test(editor.source).setValue(mine);
        test(editor.review).click();
        test(editor.reason).setValue("Sooner.");

        TestMembers.signIn(f.author);
        String theirs = AmendmentServiceTest.TEXT.replace("Bathing water status", "Bathing status");
        proposals.save(proposal, 1, new ProposalDraft("Clean rivers", "", theirs, "shorter"));
        TestMembers.signIn(f.libDem);

        test(editor.propose).click();
        assertThat(getCurrentView()).isSameAs(editor);
        assertThat(editor.source.getValue()).as("the member's edit is kept").isEqualTo(mine);
        assertThat(editor.source.getErrorMessage()).contains("The text changed while you were writing");
        assertThat(amendments.list(proposal)).isEmpty();

        test($view(Button.class).withText("Carry my changes over to revision 2").single()).click();
        assertThat(editor.source.getValue()).isEqualTo(theirs.replace("by 2030", "by 2027"));
        assertThat(html(editor.changes)).contains("Line 1:");
        test(editor.propose).click();
        assertThat(getCurrentView()).isInstanceOf(ProposalView.class);
        assertThat(amendments.list(proposal)).singleElement().satisfies(a -> {
            assertThat(a.revision()).isEqualTo(2);
            assertThat(a.citation()).isEqualTo("A1 to line 1");
        });
    }

    @Test
    void someoneWhoMayNotReadTheProposalIsNotShownItsText() {
        TestMembers.signIn(f.outsider);
        AmendmentEditorView editor = open();
        assertThat($view(H2.class).withText("Proposal not found").all()).hasSize(1);
        assertThat(editor.source.isAttached()).isFalse();
        assertThat($view(Html.class).all()).isEmpty();
    }
}
