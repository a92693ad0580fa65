package org.commonground.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.COMMENT;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MAIL_OUTBOX;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.VOTE;

import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.party.PartyRepository;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.comment.Visibility;
import org.commonground.security.CurrentMember;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Mailbox;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * An account's address is verified by an emailed link before its owner may join a group, accept an invitation,
 * comment, vote or sign; the database refuses such rows too. Links work once, expire, and are sent again only
 * within limits.
 */
@IntegrationTest
class EmailVerificationTest {

    @Autowired
    MemberService members;
    @Autowired
    TestMembers testMembers;
    @Autowired
    PartyRepository parties;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    CommentService comments;
    @Autowired
    BallotService ballots;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private boolean verified(long memberId) {
        return db.fetchExists(MEMBER, MEMBER.ID.eq(memberId).and(MEMBER.EMAIL_VERIFIED_AT.isNotNull()));
    }

    /** Back-dates the member's verification links, as if they had been sent {@code minutes} earlier. */
    private void linksSentEarlier(long memberId, int minutes) {
        db.execute("update email_verification_token set created_at = created_at - make_interval(mins => ?), "
                + "expires_at = expires_at - make_interval(mins => ?) where member_id = ?", minutes, minutes, memberId);
    }

    @Test
    void registrationMailsALinkThatVerifiesTheAddressOnce() {
        SignedInMember newcomer = testMembers.registerUnverified("Newcomer", "GRN");
        assertThat(verified(newcomer.id())).isFalse();
        TestMembers.signIn(newcomer);
        assertThat(members.myEmailVerification()).contains(new EmailVerification(newcomer.email(), false));

        String token = Mailbox.token(db, newcomer.email(), "verify-email");
        TestMembers.signOut();
        // The link is the proof: it works without signing in, say on a phone.
        members.verifyEmail(token);
        assertThat(verified(newcomer.id())).isTrue();
        TestMembers.signIn(newcomer);
        assertThat(members.myEmailVerification()).contains(new EmailVerification(newcomer.email(), true));

        assertThatThrownBy(() -> members.verifyEmail(token)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("token")).contains("expired or was used already"));
        assertThatThrownBy(() -> members.verifyEmail("")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("token")).contains("incomplete"));
        assertThat(db.fetchCount(DSL.table("audit_event"), DSL.field("action").eq("EMAIL_VERIFIED")
                .and(DSL.field("actor_id").eq(newcomer.id())))).isEqualTo(1);
    }

    @Test
    void aLinkPastItsTwoDaysOrForAnAddressTheAccountNoLongerHasVerifiesNothing() {
        SignedInMember late = testMembers.registerUnverified("Late", "LAB");
        String expired = Mailbox.token(db, late.email(), "verify-email");
        linksSentEarlier(late.id(), 2 * 24 * 60 + 1);
        assertThatThrownBy(() -> members.verifyEmail(expired)).isInstanceOf(InvalidInputException.class);

        SignedInMember moved = testMembers.registerUnverified("Moved", "LAB");
        String forOldAddress = Mailbox.token(db, moved.email(), "verify-email");
        db.update(MEMBER).set(MEMBER.EMAIL, "elsewhere-" + moved.email()).where(MEMBER.ID.eq(moved.id())).execute();
        assertThatThrownBy(() -> members.verifyEmail(forOldAddress)).isInstanceOf(InvalidInputException.class);

        assertThat(verified(late.id())).isFalse();
        assertThat(verified(moved.id())).isFalse();
    }

    @Test
    void aPasswordResetLinkVerifiesTheAddressItWentTo() {
        SignedInMember restored = testMembers.registerUnverified("Restored", "PC");
        members.requestPasswordReset(restored.email());
        members.resetPassword(Mailbox.token(db, restored.email(), "reset-password"), "harbour-lantern-meadow-3");
        assertThat(verified(restored.id())).isTrue();
    }

    @Test
    void theLinkIsSentAgainAtMostOnceAMinuteAndFiveTimesADay() {
        SignedInMember waiting = testMembers.registerUnverified("Waiting", "LD");
        TestMembers.signIn(waiting);
        assertThatThrownBy(() -> members.resendVerificationLink()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("resend")).contains("less than a minute ago"));

        for (int sent = 1; sent < MemberService.VERIFICATION_LINKS_PER_DAY; sent++) {
            linksSentEarlier(waiting.id(), 2);
            members.resendVerificationLink();
        }
        linksSentEarlier(waiting.id(), 2);
        assertThatThrownBy(() -> members.resendVerificationLink()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("resend")).contains("in the last day"));
        assertThat(db.fetchCount(MAIL_OUTBOX, DSL.lower(MAIL_OUTBOX.RECIPIENT).eq(waiting.email().toLowerCase())))
                .isEqualTo(MemberService.VERIFICATION_LINKS_PER_DAY);

        // The newest link works, and then there is nothing left to send.
        members.verifyEmail(Mailbox.token(db, waiting.email(), "verify-email"));
        assertThatThrownBy(() -> members.resendVerificationLink()).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("resend")).contains("verified already"));
    }

    @Test
    void anUnverifiedAccountCannotJoinCommentOrVoteAndTheDatabaseRefusesItToo() {
        SignedInMember convenor = testMembers.register("Convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Verified table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        // An account from before the upgrade: a member of the group, with its address never verified.
        SignedInMember old = testMembers.joined(groups, group, convenor, "Old account", "LAB");
        long proposal = proposals.create(group, new ProposalDraft("Motion", "", "We agree.\n", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        long ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        db.update(MEMBER).setNull(MEMBER.EMAIL_VERIFIED_AT).where(MEMBER.ID.eq(old.id())).execute();

        TestMembers.signIn(old);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.FOR, "")).isInstanceOf(AccessDeniedException.class)
                .hasMessage(CurrentMember.UNVERIFIED);
        assertThatThrownBy(() -> comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Hello.")))
                .isInstanceOf(AccessDeniedException.class).hasMessage(CurrentMember.UNVERIFIED);
        assertThatThrownBy(() -> groups.create(new NewGroup("Mine " + old.id(), GroupKind.ALLIANCE, null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessage(CurrentMember.UNVERIFIED);
        assertThat(db.fetchCount(VOTE, VOTE.MEMBER_ID.eq(old.id()))).isZero();
        assertThat(db.fetchCount(COMMENT, COMMENT.AUTHOR_ID.eq(old.id()))).isZero();

        // Under the services, the database holds the same rule.
        assertThatThrownBy(() -> db.execute("insert into comment (proposal_id, author_id, author_party_id, visibility, body) "
                + "values (?, ?, ?, 'SHARED', 'Round the service.')", proposal, old.id(), old.partyId()))
                .hasMessageContaining("has not verified their email address");
        assertThatThrownBy(() -> db.execute("insert into vote (ballot_id, member_id, choice) values (?, ?, 'FOR')", ballot, old.id()))
                .hasMessageContaining("has not verified their email address");

        SignedInMember applicant = testMembers.registerUnverified("Applicant", "LD");
        TestMembers.signIn(applicant);
        assertThatThrownBy(() -> groups.requestToJoin(group)).isInstanceOf(AccessDeniedException.class).hasMessage(CurrentMember.UNVERIFIED);
        assertThatThrownBy(() -> db.execute("insert into group_membership (group_id, member_id, status) values (?, ?, 'REQUESTED')",
                group, applicant.id())).hasMessageContaining("has not verified their email address");
        assertThat(db.fetchCount(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.MEMBER_ID.eq(applicant.id()))).isZero();
    }

    @Test
    void aConvenorCannotApproveARequestFromAnUnverifiedAddress() {
        SignedInMember convenor = testMembers.register("Convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Approvals " + convenor.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember asking = testMembers.register("Asking", "LAB");
        TestMembers.signIn(asking);
        groups.requestToJoin(group);
        // The request came before the upgrade; the address was never verified.
        db.update(MEMBER).setNull(MEMBER.EMAIL_VERIFIED_AT).where(MEMBER.ID.eq(asking.id())).execute();

        TestMembers.signIn(convenor);
        assertThatThrownBy(() -> groups.approve(group, asking.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("has not verified their email address"));
        assertThat(db.fetchCount(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.MEMBER_ID.eq(asking.id()).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE")))).isZero();
    }

    @Test
    void anInvitationIsAcceptedOnlyByTheVerifiedOwnerOfTheInvitedAddress() {
        SignedInMember convenor = testMembers.register("Convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Invitations " + convenor.id(), GroupKind.ALLIANCE, null, null));
        String invited = TestMembers.uniqueEmail("Invited");
        groups.invite(group, invited);

        // Whoever registers the invited address first gets nothing until they show that it is theirs.
        TestMembers.signOut();
        Member registered = members.register(new Registration(invited, "Invited", parties.findByCode("LAB").orElseThrow().id(), TestMembers.PASSWORD)).orElseThrow();
        SignedInMember claimant = new SignedInMember(registered.id(), registered.email(), registered.displayName(), registered.partyId(),
                "LAB", "#E4003B", false, null);
        TestMembers.signIn(claimant);
        long invitation = groups.myInvitations().getFirst().id();
        assertThatThrownBy(() -> groups.acceptInvitation(invitation)).isInstanceOf(AccessDeniedException.class)
                .hasMessage(CurrentMember.UNVERIFIED);
        assertThat(db.fetchCount(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.MEMBER_ID.eq(registered.id()))).isZero();

        members.verifyEmail(Mailbox.token(db, invited, "verify-email"));
        assertThat(groups.acceptInvitation(invitation)).isTrue();
        assertThat(db.fetchCount(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.MEMBER_ID.eq(registered.id()).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE")))).isEqualTo(1);
    }
}
