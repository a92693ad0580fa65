package org.commonground.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditEntry;
import org.commonground.ballot.BallotDetails;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupService;
import org.commonground.notification.NotificationService;
import org.commonground.security.SignedInMember;
import org.commonground.notification.PendingNotices;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Issue 19: "Not agreed" is no dead end, and amendments left open at the final vote say they lapsed. */
@IntegrationTest
class NotAgreedTest {

    static final String TEXT = """
            We will end sewage discharges into rivers by 2030.

            Water companies will be run for the public good.

            Fines will go to river restoration.
            """;

    @Autowired
    DSLContext db;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    BallotService ballots;
    @Autowired
    CommentService comments;
    @Autowired
    NotificationService notifications;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    FinalVote decisions;

    ProposalFixture f;
    long proposal;

    @BeforeEach
    void setUp() {
        f = new ProposalFixture(testMembers, groups);
        proposal = f.proposalInDiscussion(proposals, TEXT);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    /** The convenor moves the proposal to voting, everyone votes {@code choice}, and the convenor closes the ballot. */
    private long finalVote(Choice choice) {
        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.VOTING);
        long ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        for (SignedInMember m : List.of(f.convenor, f.author, f.green, f.libDem)) {
            TestMembers.signIn(m);
            ballots.vote(ballot, choice, "");
        }
        TestMembers.signIn(f.convenor);
        ballots.close(ballot);
        return ballot;
    }

    private static String dayOf(BallotDetails ballot) {
        return org.commonground.shared.Dates.day(ballot.closedAt());
    }

    @Test
    void amendmentsStillOpenAtTheFinalVoteLapseWithItsDateAndTheDecidedOnesStayAsTheyWere() {
        TestMembers.signIn(f.green);
        amendments.propose(proposal, 1, 1, 1, "We will end sewage discharges into rivers by 2028.", "Sooner");
        Amendment withdrawn = amendments.propose(proposal, 1, 2, 2, "Water will be public.", "Shorter");
        amendments.withdraw(withdrawn.id());
        TestMembers.signIn(f.libDem);
        amendments.propose(proposal, 1, 3, 3, "All fines will go to river restoration.", "All of them");

        long ballot = finalVote(Choice.FOR);

        TestMembers.signIn(f.green);
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.AGREED);
        String lapsed = "Not taken up before the final vote of " + dayOf(ballots.details(ballot)) + ".";
        assertThat(amendments.list(proposal)).extracting(Amendment::number, Amendment::state, Amendment::decisionReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, AmendmentState.LAPSED, lapsed),
                org.assertj.core.groups.Tuple.tuple(2, AmendmentState.WITHDRAWN, ""),
                org.assertj.core.groups.Tuple.tuple(3, AmendmentState.LAPSED, lapsed));
        assertThat(proposals.activity(proposal)).filteredOn(e -> e.action() == AuditAction.AMENDMENTS_LAPSED)
                .singleElement().extracting(AuditEntry::detail).isEqualTo("A1 and A3");
    }

    @Test
    void aConvenorReturnsAProposalNotAgreedToDiscussionForARedraftAndTheFailedBallotStays() {
        TestMembers.signIn(f.green);
        Amendment open = amendments.propose(proposal, 1, 1, 1, "We will end sewage discharges into rivers by 2028.", "Sooner");
        proposals.setWatching(proposal, true);
        long failed = finalVote(Choice.AGAINST);
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.NOT_AGREED);
        assertThat(proposals.details(proposal).moves()).containsExactlyInAnyOrder(ProposalState.DISCUSSION, ProposalState.WITHDRAWN);

        for (SignedInMember notConvenor : List.of(f.author, f.green)) {
            TestMembers.signIn(notConvenor);
            assertThatThrownBy(() -> proposals.move(proposal, ProposalState.DISCUSSION)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("Only a convenor");
        }
        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.DISCUSSION);

        ProposalDetails details = proposals.details(proposal);
        assertThat(details.proposal().state()).isEqualTo(ProposalState.DISCUSSION);
        assertThat(proposals.activity(proposal)).filteredOn(e -> e.action() == AuditAction.PROPOSAL_RETURNED_TO_DISCUSSION)
                .singleElement().satisfies(e -> assertThat(e.actorName()).isEqualTo("Convenor"));
        assertThat(ballots.ballotsOf(proposal)).containsExactly(failed);
        assertThat(ballots.details(failed).passed()).isFalse();

        TestMembers.signIn(f.green);
        PendingNotices.awaitFannedOut(db);
        assertThat(notifications.mine(20)).extracting(n -> n.text())
                .contains("\u201cClean rivers\u201d was not agreed and is back in discussion for a redraft");
        assertThat(amendments.list(proposal)).as("a lapsed amendment is not revived: its proposer proposes again on the redraft")
                .singleElement().extracting(Amendment::state).isEqualTo(AmendmentState.LAPSED);
        assertThat(details.canAmend()).isTrue();
        assertThat(proposals.details(proposal).canComment()).isTrue();
        comments.post(proposal, NewComment.onProposal(Visibility.SHARED, "Let us try 2029."));
        Amendment again = amendments.propose(proposal, 1, 1, 1, "We will end sewage discharges into rivers by 2029.", "A compromise date");
        assertThat(again.number()).isEqualTo(open.number() + 1);

        TestMembers.signIn(f.author);
        amendments.accept(again.id());
        assertThat(proposals.details(proposal).current().number()).isEqualTo(2);

        long second = finalVote(Choice.FOR);
        TestMembers.signIn(f.green);
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.AGREED);
        assertThat(ballots.ballotsOf(proposal)).containsExactlyInAnyOrder(failed, second);
    }

    @Test
    void onlyTheLatestClosedFinalBallotDecidesAndOnlyOnce() {
        long failed = finalVote(Choice.AGAINST);
        assertThatThrownBy(() -> decisions.decided(failed)).as("a second call changes nothing")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no longer being voted on");

        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        long open = ballots.open(proposal, null, new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null));
        assertThatThrownBy(() -> decisions.decided(failed)).as("the failed ballot of the earlier cycle decides nothing now")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a closed ballot");
        assertThatThrownBy(() -> decisions.decided(open)).as("an open ballot decides nothing")
                .isInstanceOf(IllegalStateException.class);
        assertThat(proposals.details(proposal).proposal().state()).isEqualTo(ProposalState.VOTING);
    }

    @Test
    void withdrawingTheProposalLapsesItsOpenAmendmentsSayingWhy() {
        TestMembers.signIn(f.green);
        amendments.propose(proposal, 1, 1, 1, "We will end sewage discharges into rivers by 2028.", "Sooner");
        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.WITHDRAWN);
        assertThat(amendments.list(proposal)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AmendmentState.LAPSED);
            assertThat(a.decisionReason()).isEqualTo("The proposal was withdrawn.");
        });
    }

    @Test
    void amendingIsRefusedOnceTheProposalHasMovedToVoting() {
        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.VOTING);
        TestMembers.signIn(f.green);
        assertThatThrownBy(() -> amendments.propose(proposal, 1, 1, 1, "Sooner, by 2028.", "Sooner"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("only while the proposal is in discussion");
    }

    @Test
    void onlyAProposalNotAgreedGoesBackToDiscussion() {
        finalVote(Choice.FOR);
        assertThatThrownBy(() -> proposals.move(proposal, ProposalState.DISCUSSION)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("cannot go from Agreed to In discussion");
        proposal = f.proposalInDiscussion(proposals, TEXT);
        TestMembers.signIn(f.convenor);
        proposals.move(proposal, ProposalState.VOTING);
        assertThatThrownBy(() -> proposals.move(proposal, ProposalState.DISCUSSION)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("cannot go from Voting to In discussion");
        proposals.move(proposal, ProposalState.WITHDRAWN);
        assertThatThrownBy(() -> proposals.move(proposal, ProposalState.DISCUSSION)).isInstanceOf(AccessDeniedException.class);
        assertThat(proposals.activity(proposal)).noneMatch(e -> e.action() == AuditAction.PROPOSAL_RETURNED_TO_DISCUSSION);
        assertThat(proposals.details(proposal).moves()).as("a withdrawn proposal moves nowhere").isEmpty();
    }
}
