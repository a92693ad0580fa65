package org.commonground.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.PARTY_DELEGATE;

import org.commonground.party.PartyConfirmationService;
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
 * A party's delegates in a group are its own business: its organisers and its delegates there appoint and remove
 * them, from among its confirmed members in the group; a convenor of another party cannot.
 */
@IntegrationTest
class DelegationServiceTest {

    @Autowired
    DelegationService delegations;
    @Autowired
    GroupService groups;
    @Autowired
    PartyConfirmationService confirmations;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember labConvenor;
    SignedInMember greenOrganiser;
    SignedInMember green;
    SignedInMember otherGreen;
    SignedInMember claimsGreen;
    long group;

    @BeforeEach
    void localGroup() {
        labConvenor = testMembers.register("Delegating convenor", "LAB");
        TestMembers.signIn(labConvenor);
        group = groups.create(new NewGroup("Delegating town " + labConvenor.id(), GroupKind.LOCAL, null, "Aldershot (E14001063)"));
        green = testMembers.joined(groups, group, labConvenor, "Green in town", "GRN");
        otherGreen = testMembers.joined(groups, group, labConvenor, "Another green", "GRN");
        claimsGreen = testMembers.joinedClaiming(groups, group, labConvenor, "Claims green", "GRN");
        // The Greens' organiser, named by an admin, is not in the group.
        greenOrganiser = testMembers.register("Green organiser", "GRN");
        TestMembers.signIn(testMembers.registerAdmin("Delegation admin"));
        confirmations.appointOrganiser("GRN", greenOrganiser.email());
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private PartyDelegation greens() {
        return delegations.delegations(group).stream().filter(p -> p.partyCode().equals("GRN")).findFirst().orElseThrow();
    }

    @Test
    void anOrganiserAppointsADelegateWhoAppointsAnotherAndTheGroupPageShowsWhoIsWhat() {
        TestMembers.signIn(greenOrganiser);
        assertThat(delegations.myPartysDelegations()).extracting(PartyDelegation::groupId).contains(group);
        delegations.appoint(group, green.id());
        TestMembers.signIn(green);
        delegations.appoint(group, otherGreen.id());

        TestMembers.signIn(labConvenor);
        PartyDelegation greens = greens();
        assertThat(greens.delegates()).extracting(DelegationMember::memberId).containsExactlyInAnyOrder(green.id(), otherGreen.id());
        assertThat(greens.claimed()).extracting(DelegationMember::memberId).containsExactly(claimsGreen.id());
        assertThat(greens.mayChange()).isFalse();
        assertThat(delegations.delegations(group)).extracting(PartyDelegation::partyCode).containsExactly("LAB", "GRN");

        // A Green who is not in the group, and not an organiser, sees nothing of it.
        TestMembers.signIn(testMembers.register("Green elsewhere", "GRN"));
        assertThatThrownBy(() -> delegations.delegations(group)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aConvenorOfAnotherPartyCannotAppointOrRemoveTheGreensDelegates() {
        TestMembers.signIn(greenOrganiser);
        delegations.appoint(group, green.id());
        TestMembers.signIn(labConvenor);
        assertThatThrownBy(() -> delegations.appoint(group, otherGreen.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> delegations.remove(group, green.id())).isInstanceOf(AccessDeniedException.class);
        // Nor end the delegation by removing the delegate from the group; the delegate may still leave.
        assertThatThrownBy(() -> groups.remove(group, green.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("one of GRN's delegates here"));
        // Nor can a Green member who is not a delegate.
        TestMembers.signIn(otherGreen);
        assertThatThrownBy(() -> delegations.appoint(group, otherGreen.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(greens().delegates()).extracting(DelegationMember::memberId).containsExactly(green.id());
    }

    @Test
    void onlyAConfirmedMemberOfTheGroupCanBeADelegateAndOnlyOnce() {
        TestMembers.signIn(greenOrganiser);
        assertThatThrownBy(() -> delegations.appoint(group, claimsGreen.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("only claims GRN"));
        assertThatThrownBy(() -> delegations.appoint(group, labConvenor.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("not a member of GRN in this group"));
        assertThatThrownBy(() -> delegations.appoint(group, greenOrganiser.id())).isInstanceOf(InvalidInputException.class);
        delegations.appoint(group, green.id());
        assertThatThrownBy(() -> delegations.appoint(group, green.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("already a delegate"));
        assertThatThrownBy(() -> delegations.remove(group, otherGreen.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("not a delegate"));
        // And the database holds to it, whatever the Java does.
        assertThatThrownBy(() -> db.insertInto(PARTY_DELEGATE).set(PARTY_DELEGATE.GROUP_ID, group).set(PARTY_DELEGATE.MEMBER_ID, claimsGreen.id())
                .set(PARTY_DELEGATE.PARTY_ID, claimsGreen.partyId()).set(PARTY_DELEGATE.APPOINTED_BY, greenOrganiser.id()).execute())
                .hasMessageContaining("is not a confirmed member");
    }

    @Test
    void leavingTheGroupOrLosingThePartysConfirmationEndsADelegation() {
        TestMembers.signIn(greenOrganiser);
        delegations.appoint(group, green.id());
        delegations.appoint(group, otherGreen.id());
        confirmations.revoke(otherGreen.id(), "Left the party");
        TestMembers.signIn(green);
        groups.remove(group, green.id());

        TestMembers.signIn(labConvenor);
        assertThat(greens().delegates()).isEmpty();
        assertThat(greens().claimed()).extracting(DelegationMember::memberId).contains(otherGreen.id());
        assertThat(db.fetchCount(PARTY_DELEGATE, PARTY_DELEGATE.GROUP_ID.eq(group))).isZero();
    }

    @Test
    void aPartysOwnGroupHasNoDelegations() {
        TestMembers.signIn(greenOrganiser);
        long partyGroup = groups.create(new NewGroup("Greens only " + greenOrganiser.id(), GroupKind.PARTY, null, null));
        assertThat(delegations.delegations(partyGroup)).isEmpty();
        assertThatThrownBy(() -> delegations.appoint(partyGroup, greenOrganiser.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("local and alliance groups");
    }
}
