package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditLog;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.Amendment;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.CompromiseService;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The voting list: what a convenor has put to the vote, amendments before compromises, the final text last; a
 * convenor reorders it, and only while it is still the list they saw.
 */
@IntegrationTest
class VotingListServiceTest {

    private static final String TEXT = "Buses every ten minutes.\n\nA cycle lane on every main road.\n\nFree school meals for all.\n";
    private static final BallotSettings SETTINGS = new BallotSettings(DecisionRule.SIMPLE_MAJORITY, false, 0, 0, null);

    @Autowired
    VotingListService votingLists;
    @Autowired
    BallotService ballots;
    @Autowired
    ProposalService proposals;
    @Autowired
    AmendmentService amendments;
    @Autowired
    CompromiseService compromises;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    AuditLog audit;

    SignedInMember convenor;
    SignedInMember member;
    long proposal;
    Amendment buses;
    Amendment meals;
    Amendment compromise;
    Amendment open;

    /** A1 (buses) and A2 (meals) by the member, A3 a compromise on buses, A4 (cycle lane) left open. */
    @BeforeEach
    void threeAmendmentsPutToTheVoteAndOneOpen() {
        convenor = testMembers.register("Convenor", "LAB");
        member = testMembers.register("Member", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Transport table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        TestMembers.signIn(member);
        groups.requestToJoin(group);
        TestMembers.signIn(convenor);
        groups.approve(group, member.id());
        proposal = proposals.create(group, new ProposalDraft("Transport", "", TEXT, ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        TestMembers.signIn(member);
        buses = amendments.proposeByEdit(proposal, 1, TEXT.replace("ten", "five"), "More buses");
        meals = amendments.proposeByEdit(proposal, 1, TEXT.replace("for all", "for every child"), "Clearer");
        TestMembers.signIn(convenor);
        compromise = compromises.propose(proposal, 1, TEXT.replace("ten minutes", "seven minutes"), "Halfway", Set.of(buses.id()));
        TestMembers.signIn(member);
        open = amendments.proposeByEdit(proposal, 1, TEXT.replace("A cycle lane", "A protected cycle lane"), "Safer");
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static List<String> titles(VotingList list) {
        return list.items().stream().map(i -> (i.amendmentId() == null ? "final" : i.title().split(" ")[0]) + " " + i.outcome()).toList();
    }

    @Test
    void inDiscussionItIsShownOnlyOnceSomethingIsPutToTheVote() {
        TestMembers.signIn(member);
        VotingList none = votingLists.votingList(proposal);
        assertThat(none.shown()).isFalse();
        assertThat(none.items()).extracting(VotingList.Item::kind).containsExactly(VotingList.Kind.FINAL_TEXT);

        TestMembers.signIn(convenor);
        long onMeals = ballots.open(proposal, meals.id(), SETTINGS);
        TestMembers.signIn(member);
        VotingList list = votingLists.votingList(proposal);
        assertThat(list.shown()).isTrue();
        assertThat(list.mayReorder()).as("only a convenor").isFalse();
        assertThat(list.items()).extracting(VotingList.Item::title, VotingList.Item::status, VotingList.Item::ballotId, VotingList.Item::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A2 to line 3", "Put to the vote", onMeals, "Open"),
                        org.assertj.core.groups.Tuple.tuple("The final text (revision 1)", "In discussion", null, "Not yet open"));
        assertThat(list.notYetPutToVote()).as("open amendments are not yet on the list").containsExactly(1, 3, 4);
    }

    @Test
    void amendmentsComeBeforeCompromisesAndTheFinalTextIsLastWithEachResult() {
        TestMembers.signIn(convenor);
        ballots.open(proposal, compromise.id(), SETTINGS);
        long onMeals = ballots.open(proposal, meals.id(), SETTINGS);
        TestMembers.signIn(member);
        ballots.vote(onMeals, Choice.AGAINST, "");
        TestMembers.signIn(convenor);
        ballots.vote(onMeals, Choice.AGAINST, "");
        ballots.close(onMeals);

        VotingList list = votingLists.votingList(proposal);
        assertThat(titles(list)).containsExactly("A2 Failed", "A3 Open", "final Not yet open");
        assertThat(list.items().get(0).status()).isEqualTo("Rejected");
        assertThat(list.items().get(0).result()).isNotBlank();
        assertThat(list.items()).extracting(VotingList.Item::kind)
                .containsExactly(VotingList.Kind.AMENDMENT, VotingList.Kind.COMPROMISE, VotingList.Kind.FINAL_TEXT);
        assertThat(list.mayReorder()).isTrue();
    }

    @Test
    void aConvenorReordersItAndTheFinalTextStaysLast() {
        TestMembers.signIn(convenor);
        ballots.open(proposal, meals.id(), SETTINGS);
        ballots.open(proposal, compromise.id(), SETTINGS);
        assertThat(titles(votingLists.votingList(proposal))).containsExactly("A2 Open", "A3 Open", "final Not yet open");

        VotingList reordered = votingLists.reorder(proposal, List.of(compromise.id(), meals.id()));
        assertThat(titles(reordered)).containsExactly("A3 Open", "A2 Open", "final Not yet open");
        TestMembers.signIn(member);
        assertThat(titles(votingLists.votingList(proposal))).as("as every member sees it").containsExactly("A3 Open", "A2 Open", "final Not yet open");
        assertThat(audit.entries("proposal", proposal, List.of(AuditAction.VOTING_LIST_ORDERED)))
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("A3, A2, then the final text"));

        // Put to the vote after the reorder, A4 joins after those the convenor placed.
        TestMembers.signIn(convenor);
        ballots.open(proposal, open.id(), SETTINGS);
        assertThat(titles(votingLists.votingList(proposal))).containsExactly("A3 Open", "A2 Open", "A4 Open", "final Not yet open");
    }

    @Test
    void aReorderOfAListThatChangedMeanwhileIsRefused() {
        TestMembers.signIn(convenor);
        ballots.open(proposal, meals.id(), SETTINGS);
        ballots.open(proposal, compromise.id(), SETTINGS);
        List<Long> seen = List.of(compromise.id(), meals.id());
        ballots.open(proposal, open.id(), SETTINGS);
        assertThatThrownBy(() -> votingLists.reorder(proposal, seen))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The voting list changed while you were ordering it: it now holds A2, A4, A3. Look at it again and reorder it.");
        assertThatThrownBy(() -> votingLists.reorder(proposal, List.of(meals.id(), meals.id(), open.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("changed while you were ordering it");
        assertThat(titles(votingLists.votingList(proposal))).as("nothing changed").containsExactly("A2 Open", "A4 Open", "A3 Open", "final Not yet open");
    }

    @Test
    void onlyAConvenorReordersAndOnlyBeforeTheVoteIsDecided() {
        TestMembers.signIn(convenor);
        ballots.open(proposal, meals.id(), SETTINGS);
        TestMembers.signIn(member);
        assertThatThrownBy(() -> votingLists.reorder(proposal, List.of(meals.id())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Only a convenor");

        TestMembers.signIn(convenor);
        ballots.close(ballots.ballotsOf(proposal).getFirst());
        proposals.move(proposal, ProposalState.VOTING);
        long finalBallot = ballots.open(proposal, null, SETTINGS);
        ballots.vote(finalBallot, Choice.FOR, "");
        ballots.close(finalBallot);
        assertThat(votingLists.votingList(proposal).mayReorder()).isFalse();
        assertThatThrownBy(() -> votingLists.reorder(proposal, List.of(meals.id())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("in discussion or voting");
    }

    @Test
    void inVotingItIsShownWithTheFinalTextsBallot() {
        TestMembers.signIn(convenor);
        long onMeals = ballots.open(proposal, meals.id(), SETTINGS);
        ballots.vote(onMeals, Choice.FOR, "");
        ballots.close(onMeals);
        proposals.move(proposal, ProposalState.VOTING);
        long finalBallot = ballots.open(proposal, null, SETTINGS);
        VotingList list = votingLists.votingList(proposal);
        assertThat(list.shown()).isTrue();
        assertThat(list.notYetPutToVote()).as("no amendment is put to the vote once voting has begun").isEmpty();
        assertThat(list.items()).extracting(VotingList.Item::title, VotingList.Item::status, VotingList.Item::outcome, VotingList.Item::ballotId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A2 to line 3", "Accepted into revision 2", "Passed", onMeals),
                        org.assertj.core.groups.Tuple.tuple("The final text (revision 2)", "Voting", "Open", finalBallot));
    }
}
