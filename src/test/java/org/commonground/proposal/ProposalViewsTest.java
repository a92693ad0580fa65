package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.zaxxer.hikari.HikariDataSource;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
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

@IntegrationTest
class ProposalViewsTest extends ViewTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    GroupService groups;
    @Autowired
    CommentService comments;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DataSource dataSource;

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
    void aTitleOverTheLimitIsKeptAndRefusedAtTheField() {
        NewProposalView form = navigate(NewProposalView.class, Map.of("groupId", String.valueOf(group)));
        String tooLong = "A very long title ".repeat(15);
        test(form.form.title).setValue(tooLong);
        test(form.form.body).setValue("Some text.");
        test(form.create).click();

        assertThat(getCurrentView()).isInstanceOf(NewProposalView.class);
        assertThat(form.form.title.getValue()).isEqualTo(tooLong);
        assertThat(form.form.title.isInvalid()).isTrue();
        assertThat(form.form.title.getErrorMessage()).contains("200");
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

    @Autowired
    AmendmentService amendments;
    @Autowired
    BallotService ballots;

    @Test
    void theEditorSaysWhichLinesAreBeingVotedOnAndShowsTheRefusalAtTheText() {
        TestMembers.signIn(author);
        long id = proposals.create(group, new ProposalDraft("Homes", "", "We will build homes.\n\nNear transport.\n", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        TestMembers.signIn(coAuthor);
        Amendment a = amendments.propose(id, 1, 2, 2, "Near stations and bus routes.", "Because it is better.");
        TestMembers.signIn(author);
        ballots.open(id, a.id(), new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));

        EditProposalView editor = navigate(EditProposalView.class, Map.of("proposalId", String.valueOf(id)));
        assertThat(editor.underVote.isVisible()).isTrue();
        assertThat(editor.underVote.getText()).isEqualTo("Being voted on, so leave as they are until the ballot closes: A1 to line 2.");

        test(editor.form.body).setValue("We will build homes.\n\nFar from transport.\n");
        test(editor.save).click();
        assertThat(getCurrentView()).isSameAs(editor);
        assertThat(editor.form.body.isInvalid()).isTrue();
        assertThat(editor.form.body.getErrorMessage()).startsWith("Line 2 is being voted on in A1's ballot");
        assertThat(proposals.history(id)).hasSize(1);
    }

    private long postAs(SignedInMember who, long proposal, Long parentId, String body) {
        TestMembers.signIn(who);
        long id = comments.post(proposal, new NewComment(null, parentId, Visibility.SHARED, null, null, null, false, body));
        TestMembers.signIn(author);
        return id;
    }

    private static Component card(ProposalView view, long commentId) {
        return view.proposalComments.getChildren().filter(c -> c.getId().orElse("").equals("comment-" + commentId)).findFirst().orElseThrow();
    }

    private static List<String> cardIds(ProposalView view) {
        return view.proposalComments.getChildren().map(c -> c.getId().orElse("")).filter(id -> id.startsWith("comment-")).toList();
    }

    @Test
    void aCommentOverTheLimitIsKeptInTheFieldAndRefusedWithTheLimitNamed() {
        long id = proposals.create(group, new ProposalDraft("Trams", "", "Trams on every main road.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        ProposalView view = navigate(ProposalView.class, Map.of("proposalId", String.valueOf(id)));
        TextArea field = view.proposalComments.commentField;
        // A browser trims a paste at the field's maxlength without a word: there is none.
        assertThat(field.getElement().hasProperty("maxlength")).isFalse();
        String tooLong = "Trams. ".repeat(1_500);

        test(field).setValue(tooLong);
        test($view(Button.class).withText("Post comment").single()).click();

        assertThat(field.getValue()).isEqualTo(tooLong);
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("at most 10,000 characters");
        assertThat(cardIds(view)).isEmpty();
    }

    @Test
    void aCommentPostedWhileEveryDatabaseConnectionIsBusyIsRefusedSayingTryAgainAndKept() throws Exception {
        long id = proposals.create(group, new ProposalDraft("Ferries", "", "A ferry to every island.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        ProposalView view = navigate(ProposalView.class, Map.of("proposalId", String.valueOf(id)));
        TextArea field = view.proposalComments.commentField;
        test(field).setValue("Posted in the rush");

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean(true);
        // Every connection the pool may open taken (one it has not opened yet would go to the click), and any that
        // another user of the pool gives back while the click waits.
        while (pool.getHikariPoolMXBean().getTotalConnections() < pool.getMaximumPoolSize() || pool.getHikariPoolMXBean().getIdleConnections() > 0) {
            held.add(pool.getConnection());
        }
        Thread taker = Thread.startVirtualThread(() -> {
            while (holding.get()) {
                try {
                    held.add(pool.getConnection());
                } catch (java.sql.SQLException timedOut) {
                    // none came back in the pool's wait: ask again
                }
            }
        });
        try {
            test($view(Button.class).withText("Post comment").single()).click();
        } finally {
            holding.set(false);
            synchronized (held) {
                for (Connection c : held) {
                    c.close();
                }
            }
            taker.join();
            for (Connection c : held) {
                c.close();
            }
        }

        assertThat(field.getValue()).as("what the member wrote is kept").isEqualTo("Posted in the rush");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("nothing was saved").contains("try again");
        assertThat(cardIds(view)).isEmpty();
        assertThat(comments.thread(id)).as("nothing stored").isEmpty();

        test($view(Button.class).withText("Post comment").single()).click();

        assertThat(comments.thread(id)).extracting(Comment::body).containsExactly("Posted in the rush");
        assertThat(cardIds(view)).hasSize(1);
        assertThat(field.getValue()).isEmpty();
        assertThat(field.isInvalid()).isFalse();
    }

    @Test
    void postingACommentAddsOnlyItsCardEmptiesTheFormAndLeavesOthersNewsToTheNotice() {
        long id = proposals.create(group, new ProposalDraft("Buses", "", "Free buses for under-22s.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        long first = postAs(coAuthor, id, null, "First thoughts");
        ProposalView view = navigate(ProposalView.class, Map.of("proposalId", String.valueOf(id)));
        Component firstCard = card(view, first);
        long meanwhile = postAs(coAuthor, id, null, "Posted while the author was typing");

        test(view.proposalComments.commentField).setValue("Second thoughts");
        test($view(Button.class).withText("Post comment").single()).click();

        assertThat(view.proposalComments.commentField.getValue()).isEmpty();
        assertThat(card(view, first)).as("the card already shown is kept, not drawn again").isSameAs(firstCard);
        List<String> cards = cardIds(view);
        assertThat(cards).as("the other member's new comment is not slipped in").hasSize(2)
                .doesNotContain("comment-" + meanwhile).first().isEqualTo("comment-" + first);
        assertThat($view(H3.class).withText("Comments (2)").all()).hasSize(1);
        view.showLiveChange();
        assertThat(view.changedNotice.getElement().getTextRecursively()).as("only the other member's comment is news")
                .contains("a new comment").doesNotContain("2 new comments");

        test($view(Button.class).withText("Show the latest").single()).click();
        assertThat(cardIds(view)).hasSize(3).contains("comment-" + meanwhile);
        assertThat(view.changedNotice.getChildren()).isEmpty();
    }

    @Test
    void aStateChangeMadeElsewhereUpdatesTheBadgeAndIsToldInTheNotice() {
        long id = proposals.create(group, new ProposalDraft("Ferries", "", "Ferries to every island.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        ProposalView view = navigate(ProposalView.class, Map.of("proposalId", String.valueOf(id)));

        proposals.move(id, ProposalState.VOTING);
        view.showLiveChange();

        String voting = ProposalState.VOTING.label();
        assertThat(view.changedNotice.getElement().getTextRecursively()).contains("it is now " + voting.toLowerCase());
        assertThat($view(Span.class).all().stream().map(Span::getText)).anyMatch(t -> t.startsWith(voting + " since "));
    }

    @Test
    void aReplyToAPartyOnlyCommentOffersNoChoiceOfAudienceAndStaysPartyOnly() {
        long id = proposals.create(group, new ProposalDraft("Ferries", "", "Ferries for every island.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        long caucus = comments.post(id, new NewComment(null, null, Visibility.CAUCUS, null, null, null, false, "Between Greens"));
        navigate(ProposalView.class, Map.of("proposalId", String.valueOf(id)));
        int choicesBefore = $view(RadioButtonGroup.class).all().size();

        test($view(Button.class).withText("Reply").first()).click();
        assertThat($view(RadioButtonGroup.class).all()).as("no choice of audience in the reply form").hasSize(choicesBefore);
        assertThat($view(Paragraph.class).all().stream().map(Paragraph::getText)).anyMatch(t -> t.startsWith("Only GRN members see this reply"));
        test($view(TextArea.class).withCaption("Reply to Writer").single()).setValue("Agreed");
        test($view(Button.class).withText("Post reply").single()).click();

        Comment reply = comments.thread(id).stream().filter(c -> c.body().equals("Agreed")).findFirst().orElseThrow();
        assertThat(reply.parentId()).isEqualTo(caucus);
        assertThat(reply.visibility()).isEqualTo(Visibility.CAUCUS);
    }

    @Test
    void aReplyIsPlacedUnderItsCommentAndItsFormCloses() {
        long id = proposals.create(group, new ProposalDraft("Trams", "", "Trams for every city.", ""));
        proposals.move(id, ProposalState.DISCUSSION);
        long question = postAs(coAuthor, id, null, "Which cities?");
        long later = postAs(coAuthor, id, null, "And when?");
        ProposalView view = navigate(ProposalView.class, Map.of("proposalId", String.valueOf(id)));

        test($view(Button.class).withText("Reply").first()).click();
        TextArea replyText = $view(TextArea.class).withCaption("Reply to Cowriter").single();
        test(replyText).setValue("All of them");
        test($view(Button.class).withText("Post reply").single()).click();

        assertThat($view(TextArea.class).withCaption("Reply to Cowriter").all()).as("the reply form closed").isEmpty();
        List<String> order = cardIds(view);
        assertThat(order).hasSize(3);
        assertThat(order.get(0)).isEqualTo("comment-" + question);
        assertThat(order.get(2)).isEqualTo("comment-" + later);
        Comment reply = comments.thread(id).stream().filter(c -> c.body().equals("All of them")).findFirst().orElseThrow();
        assertThat(reply.parentId()).isEqualTo(question);
        assertThat(order.get(1)).isEqualTo("comment-" + reply.id());
        assertThat(card(view, reply.id()).getElement().getStyle().get("margin-left")).isEqualTo("1.5rem");
        assertThat($view(Button.class).withText("Reply").all()).allMatch(Component::isVisible).hasSize(3);
    }

    @Test
    void theHistoryShowsTheChangesBetweenRevisions() {
        long id = proposals.create(group, new ProposalDraft("Votes", "", "Votes at 18.", ""));
        proposals.save(id, 1, new ProposalDraft("Votes", "", "Votes at 16.", "lower the age"));
        ProposalHistoryView history = navigate(ProposalHistoryView.class, Map.of("proposalId", String.valueOf(id)));
        assertThat(history.from.getValue()).isEqualTo(1);
        assertThat(history.to.getValue()).isEqualTo(2);
        assertThat(shownHtml()).contains("<del>18.</del>", "<ins>16.</ins>");
        // The activity list words each audited action for people.
        assertThat($view(Paragraph.class).all().stream().map(Paragraph::getText))
                .anyMatch(t -> t.endsWith(" · started the proposal")).anyMatch(t -> t.endsWith(" · saved revision 2"));
    }
}
