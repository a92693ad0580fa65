package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.VOTE;

import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Only a party's confirmed members count for it: a member whose party is only claimed is left out of a ballot's
 * electorate, the ballot says how many were and why, and their vote is refused with the reason.
 */
@IntegrationTest
class ConfirmedElectorateTest {

    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;
    @Autowired
    BallotService ballots;
    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aClaimedPartyIsLeftOutOfTheElectorateAndTheBallotSaysSo() {
        SignedInMember convenor = testMembers.register("Convenor", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Confirmed table " + convenor.id(), GroupKind.ALLIANCE, null, null));
        SignedInMember labour = testMembers.joined(groups, group, convenor, "Labour", "LAB");
        SignedInMember nonParty = testMembers.joined(groups, group, convenor, "Independent", "NONE");
        // A second account claiming to be Green, approved into the group: it must not count as Green.
        SignedInMember claimingGreen = testMembers.joinedClaiming(groups, group, convenor, "Claims green", "GRN");

        long proposal = proposals.create(group, new ProposalDraft("Motion", "", "We agree.\n", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        long ballot = ballots.open(proposal, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));

        BallotDetails details = ballots.details(ballot);
        assertThat(details.electorateLine())
                .isEqualTo("3 members may vote: GRN 1, LAB 1, NONE 1; 1 left out, as their party has not yet confirmed them");
        assertThat(details.leftOutClaimed()).isEqualTo(1);

        TestMembers.signIn(claimingGreen);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("choice")).contains("Your party, GRN, has not confirmed you yet"));
        assertThat(db.fetchCount(VOTE, VOTE.MEMBER_ID.eq(claimingGreen.id()))).isZero();
        TestMembers.signIn(labour);
        ballots.vote(ballot, Choice.FOR, "");
        TestMembers.signIn(nonParty);
        ballots.vote(ballot, Choice.FOR, "");
        assertThat(db.fetchCount(VOTE, VOTE.BALLOT_ID.eq(ballot))).isEqualTo(2);

        // Labour withdraws its confirmation while the ballot is open: the member's vote can no longer change.
        db.update(MEMBER).setNull(MEMBER.PARTY_CONFIRMED_AT).setNull(MEMBER.PARTY_CONFIRMED_BY).where(MEMBER.ID.eq(labour.id())).execute();
        TestMembers.signIn(labour);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("choice")).contains("Your party, LAB, has not confirmed you yet"));
        assertThat(db.fetchOne(VOTE, VOTE.MEMBER_ID.eq(labour.id())).getChoice()).isEqualTo("FOR");
    }
}
