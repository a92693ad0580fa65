package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.jooq.Tables.COMMENT;

import java.util.List;

import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupService;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A comment on lines keeps pointing at the same words through new revisions, or says that they changed. */
@IntegrationTest
class CommentAnchorsFollowTheTextTest {

    /** One line per paragraph: line n is the n-th paragraph. */
    static final String TEXT = """
            One.

            Two.

            Three.

            Four.

            Five.

            Six rivers run clean.

            Seven towns bathe in them.

            Eight.
            """;
    static final String TWO_ABOVE = TEXT.replace("Two.\n", "Two.\n\nTwo and a bit.\n\nTwo and more.\n");

    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    CommentService comments;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    ProposalFixture f;
    long proposal;

    @BeforeEach
    void setUp() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, TEXT);
        TestMembers.signIn(f.libDem);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private long commentOnSixToSeven() {
        TestMembers.signIn(f.libDem);
        return comments.post(proposal, NewComment.onPassage(Visibility.SHARED, 1, 6, 7, "rivers run clean. Seven towns", "Which rivers?"));
    }

    private Comment find(long id) {
        TestMembers.signIn(f.libDem);
        return comments.thread(proposal).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private void authorSaves(int base, String body) {
        TestMembers.signIn(f.author);
        proposals.save(proposal, base, new ProposalDraft("Clean rivers", "", body, ""));
    }

    private static String wordsOn(String body, int from, int to) {
        List<NumberedLine> lines = LineNumbering.number(body, 80);
        return String.join(" ", lines.subList(from - 1, to).stream().map(NumberedLine::text).toList());
    }

    @Test
    void aCommentOnSixToSevenIsOnEightToNineWithTheSameWordsOnceTwoParagraphsAreAddedAbove() {
        long id = commentOnSixToSeven();
        authorSaves(1, TWO_ABOVE);

        Comment c = find(id);
        assertThat(c.revision()).isEqualTo(2);
        assertThat(c.line()).isEqualTo(8);
        assertThat(c.lastLine()).isEqualTo(9);
        assertThat(c.lines()).isEqualTo("lines 8\u20139");
        assertThat(c.quote()).isEqualTo("rivers run clean. Seven towns");
        assertThat(c.changedIn()).isNull();
        assertThat(wordsOn(TWO_ABOVE, 8, 9)).isEqualTo("Six rivers run clean. Seven towns bathe in them.");
    }

    @Test
    void whenItsWordsAreRewrittenTheCommentSaysSoAndKeepsItsOldLinesAndWords() {
        long id = commentOnSixToSeven();
        authorSaves(1, TEXT.replace("bathe in them", "swim in them"));

        Comment c = find(id);
        assertThat(c.changedIn()).isEqualTo(2);
        assertThat(c.revision()).as("its lines are still those of the revision it was on").isEqualTo(1);
        assertThat(c.lines()).isEqualTo("lines 6\u20137");
        assertThat(c.quote()).isEqualTo("rivers run clean. Seven towns");
        assertThat(Comment.marginNotes(comments.thread(proposal), 2)).as("no marker on lines that no longer hold its words").isEmpty();

        authorSaves(2, TWO_ABOVE.replace("bathe in them", "swim in them"));
        assertThat(find(id).changedIn()).as("a changed passage stays changed").isEqualTo(2);
    }

    @Test
    void aChangeElsewhereInTheTextLeavesTheCommentOnItsLinesOfTheNewRevision() {
        long id = commentOnSixToSeven();
        authorSaves(1, TEXT.replace("Eight.", "Eight, and the end."));

        Comment c = find(id);
        assertThat(c.revision()).isEqualTo(2);
        assertThat(c.lines()).isEqualTo("lines 6\u20137");
        assertThat(Comment.marginNotes(comments.thread(proposal), 2)).containsEntry(6, List.of("On lines 6\u20137"));
    }

    @Test
    void mergingAnAmendmentMovesTheCommentWithItsWords() {
        long id = commentOnSixToSeven();
        TestMembers.signIn(f.green);
        Amendment a = amendments.propose(proposal, 1, 2, 2, "Two.\n\nTwo and a bit.\n\nTwo and more.", "More detail");
        TestMembers.signIn(f.author);
        amendments.accept(a.id());

        Comment c = find(id);
        assertThat(c.revision()).isEqualTo(2);
        assertThat(c.lines()).isEqualTo("lines 8\u20139");
        assertThat(c.changedIn()).isNull();
    }

    @Test
    void mergingAnAmendmentToItsWordsMarksTheCommentChanged() {
        long id = commentOnSixToSeven();
        TestMembers.signIn(f.green);
        Amendment a = amendments.propose(proposal, 1, 7, 7, "Seven towns swim in them.", "Swimming");
        TestMembers.signIn(f.author);
        amendments.accept(a.id());

        assertThat(find(id).changedIn()).isEqualTo(2);
    }

    @Test
    void aParagraphCommentFollowsItsParagraph() {
        long id = comments.post(proposal, new NewComment(null, null, Visibility.SHARED, 1, 7, null, false, "On the towns"));
        authorSaves(1, TWO_ABOVE);

        Comment c = find(id);
        assertThat(c.cites()).isEqualTo("the paragraph at line 9");
        assertThat(c.lastLine()).isNull();
        assertThat(Comment.marginNotes(comments.thread(proposal), 2)).containsEntry(9, List.of("On the paragraph at line 9"));
    }

    @Test
    void aCommentMadeBeforeItsCharactersWereKeptFollowsTheLinesItCites() {
        long id = commentOnSixToSeven();
        db.update(COMMENT).setNull(COMMENT.ANCHOR_START).setNull(COMMENT.ANCHOR_END).where(COMMENT.ID.eq(id)).execute();
        authorSaves(1, TWO_ABOVE);

        assertThat(find(id).lines()).isEqualTo("lines 8\u20139");
    }

    @Test
    void aCommentLeftOnAnOlderRevisionBeforeCommentsFollowedTheTextIsBroughtToTheNewOne() {
        long id = commentOnSixToSeven();
        String second = TEXT.replace("Eight.", "Eight, and the end.");
        authorSaves(1, second);
        // As a comment made before this change was left: on revision 1, with its lines and no characters.
        db.update(COMMENT).set(COMMENT.REVISION, 1).setNull(COMMENT.ANCHOR_START).setNull(COMMENT.ANCHOR_END).where(COMMENT.ID.eq(id)).execute();
        authorSaves(2, TWO_ABOVE.replace("Eight.", "Eight, and the end."));

        Comment c = find(id);
        assertThat(c.revision()).isEqualTo(3);
        assertThat(c.lines()).isEqualTo("lines 8\u20139");
        assertThat(Comment.marginNotes(comments.thread(proposal), 3)).containsEntry(8, List.of("On lines 8\u20139"));
    }
}
