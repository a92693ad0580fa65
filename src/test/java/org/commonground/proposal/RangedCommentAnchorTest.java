package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupService;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A comment on a selection keeps the range of lines it covers and the words selected there. */
@IntegrationTest
class RangedCommentAnchorTest {

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

    @BeforeEach
    void setUp() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, AmendmentServiceTest.TEXT);
        TestMembers.signIn(f.libDem);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private Comment only() {
        return comments.thread(proposal).getFirst();
    }

    @Test
    void aSelectionAcrossLinesKeepsItsFirstAndLastLineAndTheWordsSelected() {
        comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 1, 2, 3, "public good.\n  Fines", "Which fines?"));
        Comment c = only();
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.lastLine()).isEqualTo(3);
        assertThat(c.lines()).isEqualTo("lines 2\u20133");
        assertThat(c.quote()).isEqualTo("public good. Fines");
    }

    @Test
    void wordsThatAreNotInThoseLinesAreNotQuotedTheLinesAreInstead() {
        comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 1, 1, 1, "words nobody wrote", "Hm"));
        Comment c = only();
        assertThat(c.quote()).isEqualTo("We will end sewage discharges into rivers by 2030.");
        assertThat(c.lines()).isEqualTo("line 1");
    }

    @Test
    void theSelectionIsComparedWithoutMarkdownsMarksAndALongOneIsCut() {
        long withMarks = f.proposalInDiscussion(proposals, "Rivers are **ours**, and [clean](https://example.org) ones too.\n");
        TestMembers.signIn(f.green);
        comments.post(withMarks, NewComment.onPassage(Visibility.SHARED, 1, 1, 1, "ours, and clean", "Yes"));
        assertThat(comments.thread(withMarks).getFirst().quote()).isEqualTo("ours, and clean");

        String longText = "word ".repeat(1000);
        long longOne = f.proposalInDiscussion(proposals, longText);
        TestMembers.signIn(f.green);
        comments.post(longOne, NewComment.onPassage(Visibility.SHARED, 1, 1, 60, "word ".repeat(600), "Long"));
        String quote = comments.thread(longOne).getFirst().quote();
        assertThat(quote).hasSize(ProposalDiscussion.MAX_QUOTE).endsWith("\u2026");
    }

    @Test
    void aParagraphCommentHasNoLastLineAndLinesOutsideTheTextAreRefusedAtTheLineField() {
        comments.post(proposal, new NewComment(null, null, Visibility.SHARED, 1, 2, null, false, "On the paragraph"));
        Comment c = only();
        assertThat(c.lastLine()).isNull();
        assertThat(c.quote()).isNull();
        assertThatThrownBy(() -> comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 1, 3, 2, "x", "Backwards")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("fromLine")).contains("do not exist"));
        assertThat(comments.thread(proposal)).hasSize(1);
    }
}
