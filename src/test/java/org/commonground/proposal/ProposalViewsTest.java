package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Html;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ProposalViewsTest extends SpringBrowserlessTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    SignedInMember author;
    SignedInMember coAuthor;
    long group;

    @BeforeEach
    void aGroupWithTwoAuthors() {
        author = testMembers.register("Writer", "GRN");
        coAuthor = testMembers.register("Cowriter", "LAB");
        TestMembers.signIn(author);
        group = groups.create(new NewGroup("Drafting room " + author.id(), GroupKind.ALLIANCE, null, null));
        TestMembers.signIn(coAuthor);
        groups.requestToJoin(group);
        TestMembers.signIn(author);
        groups.approve(group, coAuthor.id());
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private String shownHtml() {
        return $view(Html.class).all().stream().map(h -> h.getElement().getOuterHTML()).reduce("", String::concat);
    }

    @Test
    void anAuthorDraftsAProposalAndSeesItWithLineNumbersAndAPreview() {
        NewProposalView form = navigate(NewProposalView.class, Map.of("groupId", String.valueOf(group)));
        test(form.form.title).setValue("Clean rivers");
        test(form.form.body).setValue("# Clean rivers\n\nNo more sewage in our rivers. <script>alert(1)</script>");
        assertThat(shownHtml()).contains("<h1>Clean rivers</h1>").doesNotContain("<script>");
        test(form.create).click();

        assertThat(getCurrentView()).isInstanceOf(ProposalView.class);
        assertThat(shownHtml()).contains("id=\"line-1\"", "id=\"line-2\"", "No more sewage", "&lt;script&gt;");
    }

    @Test
    void aSecondAuthorSavingFirstIsShownAsAConflictAndNothingTypedIsLost() {
        long id = proposals.create(group, new ProposalDraft("Homes", "", "We will build homes.", ""));
        proposals.addCoAuthor(id, coAuthor.id());

        EditProposalView editor = navigate(EditProposalView.class, Map.of("proposalId", String.valueOf(id)));
        test(editor.form.body).setValue("We will build social homes.");

        TestMembers.signIn(coAuthor);
        proposals.save(id, 1, new ProposalDraft("Homes", "", "We will build homes near transport.", "transport"));
        TestMembers.signIn(author);

        test(editor.save).click();
        assertThat(getCurrentView()).isSameAs(editor);
        assertThat(editor.conflict.isVisible()).isTrue();
        assertThat(editor.form.body.getValue()).isEqualTo("We will build social homes.");
        assertThat(shownHtml()).contains("<ins>", "near transport");

        test(editor.form.body).setValue("We will build social homes near transport.");
        test(editor.save).click();
        assertThat(getCurrentView()).isInstanceOf(ProposalView.class);
        assertThat(proposals.history(id)).extracting(Revision::number).containsExactly(3, 2, 1);
        assertThat(proposals.details(id).current().body()).isEqualTo("We will build social homes near transport.");
    }

    @Test
    void theHistoryShowsTheChangesBetweenRevisions() {
        long id = proposals.create(group, new ProposalDraft("Votes", "", "Votes at 18.", ""));
        proposals.save(id, 1, new ProposalDraft("Votes", "", "Votes at 16.", "lower the age"));
        ProposalHistoryView history = navigate(ProposalHistoryView.class, Map.of("proposalId", String.valueOf(id)));
        assertThat(history.from.getValue()).isEqualTo(1);
        assertThat(history.to.getValue()).isEqualTo(2);
        assertThat(shownHtml()).contains("<del>18.</del>", "<ins>16.</ins>");
    }
}
