package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.Html;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** After a new revision, a comment on lines is cited, and marked in the margin, where its words are now. */
@IntegrationTest
class CommentAnchorsViewTest extends ViewTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    ProposalFixture f;
    long proposal;
    long onSixToSeven;
    long onTheLast;

    @BeforeEach
    void aCommentOnLinesSixToSevenThenTwoParagraphsAddedAbove() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, CommentAnchorsFollowTheTextTest.TEXT);
        TestMembers.signIn(f.libDem);
        onSixToSeven = comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 1, 6, 7, "rivers run clean. Seven towns", "Which rivers?"));
        onTheLast = comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 1, 8, 8, "Eight", "Why eight?"));
        TestMembers.signIn(f.author);
        proposals.save(proposal, 1, new ProposalDraft("Clean rivers", "", CommentAnchorsFollowTheTextTest.TWO_ABOVE.replace("Eight.", "Nine."), ""));
        TestMembers.signIn(f.libDem);
    }

    private String cardText(long comment) {
        return textOf($view(com.vaadin.flow.component.html.Div.class).id("comment-" + comment).getElement());
    }

    /** An element's text as a reader sees it, the markup the card sets as inner HTML included. */
    private static String textOf(com.vaadin.flow.dom.Element element) {
        String inner = element.getProperty("innerHTML");
        if (inner != null) {
            return org.jsoup.Jsoup.parseBodyFragment(inner).text();
        }
        StringBuilder text = new StringBuilder(element.isTextNode() ? element.getText() : "");
        element.getChildren().forEach(child -> text.append(textOf(child)));
        return text.toString();
    }

    private String numberedText() {
        return $view(Html.class).all().stream().map(h -> h.getElement().getOuterHTML()).filter(h -> h.contains("cg-numbered"))
                .findFirst().orElseThrow();
    }

    @Test
    void theCommentCitesItsWholeRangeInTheNewRevisionAndItsMarkerIsBesideItsFirstLine() {
        navigate(ProposalView.class, Map.of("proposalId", String.valueOf(proposal)));

        assertThat(cardText(onSixToSeven)).contains("On lines 8\u20139 of revision 2: \u201crivers run clean. Seven towns\u201d");
        assertThat(numberedText()).contains("<span class=\"cg-comment-count\" title=\"On lines 8\u20139\">1 comment"
                + "<span class=\"cg-comment-cites\"> (On lines 8\u20139)</span></span>");
        String lineEight = numberedText().substring(numberedText().indexOf("id=\"line-8\""), numberedText().indexOf("id=\"line-9\""));
        assertThat(lineEight).contains("cg-comment-count");
    }

    @Test
    void aCommentWhoseWordsChangedSaysSoAndHasNoMarker() {
        navigate(ProposalView.class, Map.of("proposalId", String.valueOf(proposal)));

        assertThat(cardText(onTheLast)).contains("The passage this comment was on has changed since. It was on line 8 of revision 1: \u201cEight\u201d");
        assertThat(numberedText().split("cg-comment-count", -1)).as("one marker, of the other comment").hasSize(2);
    }
}
