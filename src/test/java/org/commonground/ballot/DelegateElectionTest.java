package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.PARTY_DELEGATE;

import java.time.OffsetDateTime;

import org.commonground.group.DelegationMember;
import org.commonground.group.DelegationService;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A party's confirmed members in a group elect its delegate there by a party-only ballot: how a party with no
 * organiser at hand gets delegates. Nobody else votes, and nobody of another party ends it early.
 */
@IntegrationTest
class DelegateElectionTest {

    @Autowired
    BallotService ballots;
    @Autowired
    DelegationService delegations;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember labConvenor;
    SignedInMember green1;
    SignedInMember green2;
    SignedInMember claimsGreen;
    long group;

    @BeforeEach
    void localGroup() {
        labConvenor = testMembers.register("Election convenor", "LAB");
        TestMembers.signIn(labConvenor);
        group = groups.create(new NewGroup("Election town " + labConvenor.id(), GroupKind.LOCAL, null, "Aldershot (E14001063)"));
        green1 = testMembers.joined(groups, group, labConvenor, "Green standing", "GRN");
        green2 = testMembers.joined(groups, group, labConvenor, "Green voting", "GRN");
        claimsGreen = testMembers.joinedClaiming(groups, group, labConvenor, "Claims green", "GRN");
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static OffsetDateTime inADay() {
        return OffsetDateTime.now().plusDays(1);
    }

    /** As the scheduler finds it once its closing time has passed. */
    private void due(long ballot) {
        db.update(BALLOT).set(BALLOT.OPENED_AT, OffsetDateTime.now().minusDays(2)).set(BALLOT.CLOSES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(BALLOT.ID.eq(ballot)).execute();
    }

    @Test
    void thePartysConfirmedMembersElectADelegateAndNoOneElseVotesOrEndsItEarly() {
        TestMembers.signIn(green1);
        long ballot = ballots.openDelegateElection(group, green1.id(), inADay());
        BallotDetails details = ballots.details(ballot);
        assertThat(details.subject()).isEqualTo("Electing Green standing a GRN delegate");
        assertThat(details.parties()).singleElement().satisfies(p -> {
            assertThat(p.party()).isEqualTo("GRN");
            assertThat(p.electorate()).isEqualTo(2);
        });
        assertThat(details.leftOutClaimed()).isEqualTo(1);
        assertThat(details.overallQuorum()).as("half the party's members there must vote").isEqualTo(50);
        ballots.vote(ballot, Choice.FOR, "");
        TestMembers.signIn(claimsGreen);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(labConvenor);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.AGAINST, "")).isInstanceOf(InvalidInputException.class);
        // The Greens have no delegate yet, so nobody closes it early: Labour's convenor least of all.
        assertThatThrownBy(() -> ballots.close(ballot)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("GRN's delegates");
        TestMembers.signIn(green2);
        ballots.vote(ballot, Choice.FOR, "");
        assertThatThrownBy(() -> ballots.close(ballot)).isInstanceOf(AccessDeniedException.class);

        due(ballot);
        ballots.close(ballot);
        assertThat(db.fetchOne(PARTY_DELEGATE, PARTY_DELEGATE.GROUP_ID.eq(group).and(PARTY_DELEGATE.MEMBER_ID.eq(green1.id()))))
                .satisfies(d -> assertThat(d.getElectedBy()).isEqualTo(ballot));
        assertThat(delegations.delegations(group)).filteredOn(p -> p.partyCode().equals("GRN")).singleElement()
                .satisfies(p -> assertThat(p.delegates()).extracting(DelegationMember::memberId).containsExactly(green1.id()));
        assertThat(ballots.elections(group)).singleElement().satisfies(e -> assertThat(e.passed()).isTrue());

        // Now a delegate, Green one closes the next election early.
        TestMembers.signIn(green2);
        long next = ballots.openDelegateElection(group, green2.id(), inADay());
        ballots.vote(next, Choice.AGAINST, "");
        TestMembers.signIn(green1);
        ballots.vote(next, Choice.AGAINST, "");
        ballots.close(next);
        assertThat(delegations.delegations(group)).filteredOn(p -> p.partyCode().equals("GRN")).singleElement()
                .satisfies(p -> assertThat(p.delegates()).extracting(DelegationMember::memberId).containsExactly(green1.id()));
    }

    @Test
    void onlyAConfirmedMemberOpensAnElectionOfAConfirmedMemberOfTheirOwnParty() {
        TestMembers.signIn(claimsGreen);
        assertThatThrownBy(() -> ballots.openDelegateElection(group, claimsGreen.id(), inADay())).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(labConvenor);
        assertThatThrownBy(() -> ballots.openDelegateElection(group, green1.id(), inADay())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("candidate")).contains("member of LAB"));
        TestMembers.signIn(green1);
        assertThatThrownBy(() -> ballots.openDelegateElection(group, claimsGreen.id(), inADay())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ballots.openDelegateElection(group, green2.id(), null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("closesAt")).isNotNull());
        assertThatThrownBy(() -> ballots.openDelegateElection(group, green2.id(), OffsetDateTime.now().plusHours(2)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("closesAt")).contains("at least a day"));
        ballots.openDelegateElection(group, green2.id(), inADay());
        assertThatThrownBy(() -> ballots.openDelegateElection(group, green2.id(), inADay())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("candidate")).contains("already open"));
        TestMembers.signIn(testMembers.register("Green elsewhere", "GRN"));
        assertThatThrownBy(() -> ballots.elections(group)).isInstanceOf(InvalidInputException.class);
    }
}
