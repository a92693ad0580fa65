package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.commonground.comment.Comment;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.notification.NotificationService;
import org.commonground.search.SearchService;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.notification.PendingNotices;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A party's own (caucus) discussion is for the members it has confirmed: an account merely claiming the party
 * neither reads it, finds it, hears of it, nor speaks in it.
 */
@IntegrationTest
class ClaimedPartyCaucusTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    NotificationService notifications;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void anAccountClaimingThePartyLearnsNothingOfItsCaucusAndCannotPostThere() {
        SignedInMember convenor = testMembers.register("Convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Caucus table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember green = testMembers.joined(groups, group, convenor, "Gwen Green " + convenor.id(), "GRN");
        SignedInMember claiming = testMembers.joinedClaiming(groups, group, convenor, "Claire Claims " + convenor.id(), "GRN");
        long proposal = proposals.create(group, new ProposalDraft("Buses", "", "Buses every ten minutes.\n", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);

        String secret = "zebracrossing" + convenor.id();
        TestMembers.signIn(green);
        long caucus = comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS,
                "Greens only: we trade the " + secret + " for the bus lane. @" + claiming.displayName()));

        TestMembers.signIn(claiming);
        assertThat(comments.thread(proposal)).extracting(Comment::id).doesNotContain(caucus);
        assertThat(search.search(secret, 50)).isEmpty();
        PendingNotices.awaitFannedOut(db);
        assertThat(notifications.mine(50)).isEmpty();
        assertThatThrownBy(() -> comments.post(proposal, NewComment.onProposal(Visibility.CAUCUS, "Me too.")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("visibility")).contains("GRN has confirmed"));
        long shared = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Hello, everyone."));

        // Once Green confirms her, she reads the Greens' discussion like any Green.
        testMembers.confirmParty(claiming.email());
        assertThat(comments.thread(proposal)).extracting(Comment::id).contains(caucus, shared);
        assertThat(search.search(secret, 50)).isNotEmpty();
    }
}
