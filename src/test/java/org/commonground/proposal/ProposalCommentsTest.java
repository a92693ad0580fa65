package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

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
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class ProposalCommentsTest {

    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    AmendmentService amendments;
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
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private List<String> bodiesSeenBy(org.commonground.security.SignedInMember who) {
        TestMembers.signIn(who);
        return comments.thread(proposal).stream().map(Comment::body).toList();
    }

    @Test
    void caucusCommentsReachOnlyTheAuthorsPartyThroughEveryQuery() {
        TestMembers.signIn(f.green);
        long caucus = comments.post(proposal, new NewComment(null, null, Visibility.CAUCUS, null, 2, null, false, "Greens: push for ownership"));
        long shared = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Looks good to me"));
        TestMembers.signIn(f.author);
        long reply = comments.post(proposal, new NewComment(null, caucus, Visibility.SHARED, null, null, null, false, "Agreed, quietly"));

        assertThat(bodiesSeenBy(f.author)).containsExactly("Greens: push for ownership", "Looks good to me", "Agreed, quietly");
        assertThat(bodiesSeenBy(f.libDem)).containsExactly("Looks good to me");
        assertThat(bodiesSeenBy(f.convenor)).containsExactly("Looks good to me");
        TestMembers.signIn(f.libDem);
        assertThat(Comment.marginNotes(comments.thread(proposal), 1)).as("the margin marks no caucus comment of another party").isEmpty();
        assertThatThrownBy(() -> comments.post(proposal, new NewComment(null, caucus, Visibility.SHARED, null, null, null, false, "peek")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> comments.edit(reply, "x")).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(f.green);
        assertThat(Comment.marginNotes(comments.thread(proposal), 1)).containsEntry(2, List.of("On the paragraph at line 2"));
        assertThat(proposals.glance(proposal).commentIds()).containsExactlyInAnyOrder(caucus, shared, reply);
        TestMembers.signIn(f.libDem);
        assertThat(proposals.glance(proposal).commentIds()).as("what tells an open page of news").containsExactly(shared);
        TestMembers.signIn(f.outsider);
        assertThatThrownBy(() -> comments.thread(proposal)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> proposals.glance(proposal)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPassageCommentStoresItsQuoteRevisionAndLine() {
        TestMembers.signIn(f.libDem);
        comments.post(proposal, new NewComment(null, null, Visibility.SHARED, 1, 2, 3, true, "Too vague"));
        Comment c = comments.thread(proposal).getFirst();
        assertThat(c.revision()).isEqualTo(1);
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.quote()).isEqualTo("Water companies will be run for the public good. Fines will go to river restoration.");
        assertThatThrownBy(() -> comments.post(proposal, new NewComment(null, null, Visibility.SHARED, 1, 7, 9, true, "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("fromLine")).contains("do not exist"));
    }

    @Test
    void deletingLeavesAPlaceholderOnlyWhenThereAreReplies() {
        TestMembers.signIn(f.libDem);
        long lonely = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Nobody answers this"));
        long answered = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Question?"));
        TestMembers.signIn(f.green);
        comments.post(proposal, new NewComment(null, answered, Visibility.SHARED, null, null, null, false, "Answer."));
        assertThatThrownBy(() -> comments.delete(answered)).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(f.libDem);
        comments.delete(lonely);
        comments.delete(answered);
        List<Comment> thread = comments.thread(proposal);
        assertThat(thread).extracting(Comment::deleted, Comment::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, ""), org.assertj.core.groups.Tuple.tuple(false, "Answer."));
    }

    @Test
    void amendmentsHaveTheirOwnThreads() {
        TestMembers.signIn(f.green);
        Amendment a = amendments.propose(proposal, 1, 1, 1, "Sooner.", "Because it is better.");
        long c = comments.post(proposal, new NewComment(a.id(), null, Visibility.SHARED, null, null, null, false, "Why sooner?"));
        long reply = comments.post(proposal, new NewComment(null, c, Visibility.SHARED, null, null, null, false, "Because."));
        assertThat(comments.thread(proposal)).filteredOn(x -> x.id() == reply).singleElement()
                .satisfies(x -> assertThat(x.amendmentId()).isEqualTo(a.id()));
    }

    @Test
    void emptyOrHugeCommentsAreRefused() {
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "  ")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "x".repeat(10_001))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("body")).contains("10,000"));
        assertThat(comments.thread(proposal)).isEmpty();
    }
}
