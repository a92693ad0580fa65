package org.commonground.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.notification.NotificationService;
import org.commonground.proposal.CommentService;
import org.commonground.proposal.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.proposal.Visibility;
import org.commonground.publishing.PublishingService;
import org.commonground.search.SearchResult;
import org.commonground.search.SearchService;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DESIGN.md's "Who may see what", tried role by role on what a draft, a caucus comment and another member's
 * notifications expose through ids guessed in calls, the draft PDF, search, watching and notifications. Each
 * cell is what the role may do; every other outcome (an exception, or something found) fails.
 */
@IntegrationTest
class AccessMatrixTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    PublishingService publishing;
    @Autowired
    SearchService search;
    @Autowired
    NotificationService notifications;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /** True when the call succeeds for the signed-in member, false when it is refused. */
    private static boolean allowed(Supplier<?> call) {
        try {
            Object result = call.get();
            return !(result instanceof List<?> list) || !list.isEmpty();
        } catch (RuntimeException refused) {
            return false;
        }
    }

    @Test
    void aDraftAndACaucusCommentAreReadOnlyByThoseTheTableAllows() {
        var author = testMembers.register("Matrix author", "GRN");
        TestMembers.signIn(author);
        long group = groups.create(new NewGroup("Matrix group " + author.id(), GroupKind.ALLIANCE, null, null));
        var sameParty = testMembers.joined(groups, group, author, "Matrix green", "GRN");
        var otherParty = testMembers.joined(groups, group, author, "Matrix libdem", "LD");
        var convenor = testMembers.joined(groups, group, author, "Matrix convenor", "LAB");
        groups.promote(group, convenor.id());
        var outsider = testMembers.register("Matrix outsider", "GRN");
        var admin = testMembers.registerAdmin("Matrix admin");

        TestMembers.signIn(author);
        long draft = proposals.create(group, new ProposalDraft("Zanzibarian draft", "", "Quixotically secret words.\n", ""));
        long discussed = proposals.create(group, new ProposalDraft("Open topic", "", "Open words.\n", ""));
        proposals.move(discussed, ProposalState.DISCUSSION);
        comments.post(discussed, NewComment.onProposal(Visibility.CAUCUS, "Xylophonic caucus whisper"));

        Map<String, org.commonground.security.SignedInMember> roles = new LinkedHashMap<>();
        roles.put("author", author);
        roles.put("member of the author's party", sameParty);
        roles.put("member of another party", otherParty);
        roles.put("convenor", convenor);
        roles.put("member of another group", outsider);
        roles.put("admin", admin);

        // role → {read the draft, its PDF, find the draft by search, watch the draft, find the caucus comment by search}
        Map<String, List<Boolean>> expected = Map.of(
                "author", List.of(true, true, true, true, true),
                "member of the author's party", List.of(false, false, false, false, true),
                "member of another party", List.of(false, false, false, false, false),
                "convenor", List.of(true, true, true, true, false),
                "member of another group", List.of(false, false, false, false, false),
                "admin", List.of(false, false, false, false, false));
        Map<String, List<Boolean>> actual = new LinkedHashMap<>();
        roles.forEach((role, who) -> {
            TestMembers.signIn(who);
            actual.put(role, List.of(
                    allowed(() -> proposals.details(draft)),
                    allowed(() -> publishing.proposalDraftPdf(draft)),
                    allowed(() -> search.search("Zanzibarian", 20).stream().filter(r -> r.title().contains("Zanzibarian")).toList()),
                    allowed(() -> {
                        proposals.setWatching(draft, true);
                        return "watching";
                    }),
                    allowed(() -> search.search("Xylophonic", 20).stream().map(SearchResult::title).toList())));
        });
        assertThat(actual).isEqualTo(expected);

        // Not signed in at all: nothing.
        TestMembers.signOut();
        assertThat(allowed(() -> proposals.details(discussed))).isFalse();
        assertThat(allowed(() -> search.search("Open", 20))).isFalse();
        assertThat(allowed(notifications::unread)).isFalse();
    }

    @Test
    void nobodyReadsOrMarksAnotherMembersNotifications() {
        var author = testMembers.register("Notified author", "GRN");
        TestMembers.signIn(author);
        long group = groups.create(new NewGroup("Notified matrix " + author.id(), GroupKind.ALLIANCE, null, null));
        var other = testMembers.joined(groups, group, author, "Notified other", "LD");
        TestMembers.signIn(author);
        long proposal = proposals.create(group, new ProposalDraft("Noted", "", "Words.\n", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        long mine = comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Mine"));
        TestMembers.signIn(other);
        comments.post(proposal, new NewComment(null, mine, Visibility.SHARED, null, null, null, false, "A reply"));
        assertThat(notifications.mine(10)).isEmpty();

        TestMembers.signIn(author);
        long notification = notifications.mine(10).getFirst().id();
        TestMembers.signIn(other);
        notifications.markRead(notification);
        TestMembers.signIn(author);
        assertThat(notifications.unread()).isEqualTo(1);
    }
}
