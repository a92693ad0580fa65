package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dialog.Dialog;
import org.commonground.group.GroupService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AmendmentsInTextViewTest extends ViewTest {

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
    void twoCollidingAmendmentsAndAThird() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, AmendmentServiceTest.TEXT);
        TestMembers.signIn(f.green);
        amendments.proposeByEdit(proposal, 1, AmendmentServiceTest.TEXT.replace("by 2030", "by 2028"), "Sooner");
        TestMembers.signIn(f.libDem);
        amendments.proposeByEdit(proposal, 1, AmendmentServiceTest.TEXT.replace("by 2030", "by 2035"), "Realistic");
        amendments.proposeByEdit(proposal, 1, AmendmentServiceTest.TEXT.replace("river restoration", "restoring rivers"), "Plainer");
        TestMembers.signIn(f.author);
    }

    /** The element's HTML with every Html component in it as the browser gets it (getOuterHTML would pretty-print it). */
    private static String html(com.vaadin.flow.component.Component in) {
        StringBuilder html = new StringBuilder(in.getElement().getOuterHTML());
        in.getElement().getChildren().flatMap(e -> e.getComponent().stream()).forEach(c -> html.append(
                c instanceof Html h ? h.getInnerHtml() : html(c)));
        return html.toString();
    }

    /** Whether the component and every component around it are visible. */
    private static boolean shown(com.vaadin.flow.component.Component c) {
        for (var at = java.util.Optional.of(c); at.isPresent(); at = at.get().getParent()) {
            if (!at.get().isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theSwitchShowsEveryAmendmentInTheTextAndBack() {
        ProposalView view = navigate(ProposalView.class, Map.of("proposalId", String.valueOf(proposal)));
        AmendmentsInText inText = $view(AmendmentsInText.class).single();
        Html numbered = $view(Html.class).all().stream().filter(h -> html(h).contains("id=\"line-1\"")).findFirst().orElseThrow();
        assertThat(inText.tracked.isVisible()).isFalse();

        test(inText.showInText).click();
        assertThat(inText.tracked.isVisible()).isTrue();
        assertThat(shown(numbered)).as("the plain numbered text makes way").isFalse();
        String tracked = html(inText.tracked);
        assertThat(tracked).contains("<span class=\"cg-tc-label\">A1</span><del data-amendment=\"1\">",
                "<ins data-amendment=\"1\"><span class=\"cg-sr\">inserted: </span>2028.</ins>",
                "A2</span> collides with A1", "<li>A2 collides with A1 on line 1</li>",
                "<ins data-amendment=\"3\"><span class=\"cg-sr\">inserted: </span>restoring rivers.</ins>");
        assertThat(tracked).contains("cg-tc-collides\" data-line=\"1\"");

        test(inText.showInText).click();
        assertThat(inText.tracked.isVisible()).isFalse();
        assertThat(shown(numbered)).isTrue();
        assertThat(view).isNotNull();
    }

    @Test
    void thePreviewAppliesTheTickedAmendmentsAndListsThoseThatCollide() {
        navigate(ProposalView.class, Map.of("proposalId", String.valueOf(proposal)));
        AmendmentsInText inText = $view(AmendmentsInText.class).single();
        test(inText.preview).click();
        AmendedPreviewDialog dialog = (AmendedPreviewDialog) $(Dialog.class).single();
        assertThat(dialog.choice.getListDataView().getItems().map(PendingAmendment::citation))
                .containsExactly("A1 to line 1", "A2 to line 1", "A3 to line 3");
        assertThat(dialog.summary.getText()).isEqualTo("No amendment applied: this is the text as it is.");

        PendingAmendment a1 = dialog.choice.getListDataView().getItem(0);
        PendingAmendment a2 = dialog.choice.getListDataView().getItem(1);
        PendingAmendment a3 = dialog.choice.getListDataView().getItem(2);
        test(dialog.choice).selectItem(dialog.choice.getItemLabelGenerator().apply(a1));
        test(dialog.choice).selectItem(dialog.choice.getItemLabelGenerator().apply(a3));
        assertThat(dialog.summary.getText()).isEqualTo("Applied: A1 and A3.");
        assertThat(html(dialog.result)).contains("by 2028.", "restoring rivers.", "cg-pv-changed\" data-line=\"1\"");

        test(dialog.choice).selectItem(dialog.choice.getItemLabelGenerator().apply(a2));
        assertThat(dialog.summary.getText()).isEqualTo("Applied: A3. Not applied, because they collide: A1 and A2.");
        assertThat(html(dialog.result)).contains("by 2030.", "A1 and A2 collide here, not applied", "<li>A1 collides with A2 on line 1</li>");
    }
}
