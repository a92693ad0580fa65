package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.html.Anchor;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.UiQueue;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DraftPdfViewTest extends ViewTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    @Test
    void thePdfIsMadeInTheBackgroundAndOfferedForDownload() throws Exception {
        SignedInMember author = testMembers.register("View pdf author", "LAB");
        TestMembers.signIn(author);
        long group = groups.create(new NewGroup("View pdf group " + author.id(), GroupKind.ALLIANCE, null, null));
        long proposal = proposals.create(group, new ProposalDraft("Buses for all", "", "Every town gets a bus every hour.", ""));

        DraftPdfView view = navigate(DraftPdfView.class, Map.of("proposalId", String.valueOf(proposal)));
        test(view.prepare).click();
        assertThat(view.progress.isVisible()).isTrue();
        assertThat(view.prepare.isEnabled()).isFalse();
        // The work runs on another thread; its result arrives through the UI's access queue, as Push would bring it.
        UiQueue.awaitUntil(() -> view.result.getChildren().findAny().isPresent());
        assertThat($view(Anchor.class).all()).anySatisfy(a -> assertThat(a.getText()).isEqualTo("Download buses-for-all-draft.pdf"));
        assertThat(view.progress.isVisible()).isFalse();
    }

    @Test
    void theAmendmentBookletIsMadeFromItsOwnAddress() throws Exception {
        SignedInMember author = testMembers.register("View booklet author", "LAB");
        TestMembers.signIn(author);
        long group = groups.create(new NewGroup("View booklet group " + author.id(), GroupKind.ALLIANCE, null, null));
        long proposal = proposals.create(group, new ProposalDraft("Trams for all", "", "Every city gets a tram.", ""));

        DraftPdfView view = navigate("proposals/" + proposal + "/booklet", DraftPdfView.class);
        assertThat(view.prepare.getText()).isEqualTo("Prepare the amendment booklet");
        assertThat($view(com.vaadin.flow.component.html.H2.class).single().getText()).isEqualTo("Amendment booklet of \u201cTrams for all\u201d");
        test(view.prepare).click();
        UiQueue.awaitUntil(() -> view.result.getChildren().findAny().isPresent());
        assertThat($view(Anchor.class).all()).anySatisfy(a -> assertThat(a.getText()).isEqualTo("Download trams-for-all-amendments-draft.pdf"));
    }
}
