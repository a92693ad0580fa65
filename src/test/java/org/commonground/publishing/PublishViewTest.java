package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.support.Agreements;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.UiQueue;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PublishViewTest extends ViewTest {

    @Autowired
    org.commonground.ballot.BallotService ballots;
    @Autowired
    Agreements agreements;
    @Autowired
    PublishingService publishing;
    @Autowired
    ProposalService proposals;

    @Test
    void aConvenorPublishesInTheBackgroundThenCorrectsAndBadInputIsShownInTheForm() throws Exception {
        Agreements.Agreed agreed = agreements.agreedProposal("Libraries open on Sundays", "Every library opens on Sundays.\n");

        // A member sees that a convenor publishes, and no button.
        TestMembers.signIn(agreed.member());
        PublishView view = navigate(PublishView.class, Map.of("proposalId", String.valueOf(agreed.proposal())));
        assertThat(view.publish.isAttached()).isFalse();

        TestMembers.signIn(agreed.convenor());
        view = navigate(PublishView.class, Map.of("proposalId", String.valueOf(agreed.proposal())));
        PublishView page = view;
        test(page.publish).click();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(page.progress.isVisible()).isTrue();
        UiQueue.awaitUntil(() -> !page.progress.isVisible());
        assertThat(proposals.details(agreed.proposal()).proposal().state()).isEqualTo(ProposalState.PUBLISHED);
        Publication published = publishing.versionsOfProposal(agreed.proposal()).getFirst();
        assertThat($view(Anchor.class).all()).extracting(Anchor::getHref).contains("/p/" + published.slug(), "/p/" + published.slug() + ".pdf");
        assertThat(page.publish.isAttached()).isFalse();

        // The correction form starts from the published text; an unchanged text is refused where it was typed.
        assertThat(page.correctedText.getValue()).isEqualTo("Every library opens on Sundays.\n");
        test(page.correctionReason).setValue("Nothing really");
        test(page.publishCorrection).click();
        UiQueue.awaitUntil(() -> page.correctedText.isInvalid());
        assertThat(page.correctedText.getErrorMessage()).contains("same as the published one");
        assertThat(page.correctionReason.getValue()).isEqualTo("Nothing really");

        test(page.correctedText).setValue("Every library opens on Sundays and bank holidays.\n");
        test(page.correctionReason).setValue("Bank holidays were agreed too.");
        test(page.publishCorrection).click();
        // Two parties agreed the text, so they agree the correction again before it is published.
        UiQueue.awaitUntil(() -> !page.progress.isVisible() && $view(Anchor.class).all().stream()
                .anyMatch(a -> a.getHref().equals("proposals/" + agreed.proposal() + "/ballots")));
        assertThat(publishing.versionsOfProposal(agreed.proposal())).hasSize(1);
        assertThat($view(Button.class).all()).extracting(Button::getText).doesNotContain("Publish the correction");
        String ballot = "ballots/" + ballots.ballotsOf(agreed.proposal()).stream().mapToLong(Long::longValue).max().orElseThrow();
        agreements.agreeCorrection(agreed, ballot);

        PublishView again = navigate(PublishView.class, Map.of("proposalId", String.valueOf(agreed.proposal())));
        assertThat(publishing.versionsOfProposal(agreed.proposal())).hasSize(2);
        assertThat($view(Anchor.class).all()).extracting(Anchor::getHref).contains("/p/" + published.slug() + "-v2");
        assertThat($view(Button.class).all()).extracting(Button::getText).contains("Publish the correction");
        assertThat(again.correctedText.getValue()).isEqualTo("Every library opens on Sundays and bank holidays.\n");
    }
}
