package org.commonground.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY_ORGANISER;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A party confirms its own members, from a root an admin names: nobody confirms themselves or another party's
 * members, and changing party makes it claimed again.
 */
@IntegrationTest
class PartyConfirmationTest {

    @Autowired
    PartyConfirmationService confirmations;
    @Autowired
    TestMembers testMembers;
    @Autowired
    GroupService groups;
    @Autowired
    PartyRepository parties;
    @Autowired
    DSLContext db;

    SignedInMember admin;
    SignedInMember greenOrganiser;

    @BeforeEach
    void aGreenOrganiserNamedByAnAdmin() {
        admin = testMembers.registerAdmin("Admin");
        greenOrganiser = testMembers.register("Green organiser", "GRN");
        TestMembers.signIn(admin);
        confirmations.appointOrganiser("GRN", greenOrganiser.email().toUpperCase());
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private PartyStanding standingOf(SignedInMember member) {
        TestMembers.signIn(member);
        return confirmations.myStanding();
    }

    @Test
    void anOrganiserConfirmsAndRevokesMembersOfTheirOwnPartyOnly() {
        assertThat(standingOf(greenOrganiser).confirmed()).as("appointing confirms the organiser").isTrue();
        assertThat(standingOf(greenOrganiser).organiser()).isTrue();
        SignedInMember green = testMembers.registerClaimed("Green member", "GRN");
        SignedInMember labour = testMembers.register("Labour member", "LAB");
        assertThat(standingOf(green).status()).isEqualTo("Claimed");

        TestMembers.signIn(greenOrganiser);
        assertThat(confirmations.membersToConfirm()).extracting(PartyStanding::memberId).contains(green.id()).doesNotContain(labour.id());
        confirmations.confirm(green.id());
        assertThat(standingOf(green).status()).startsWith("Confirmed by Green organiser, ");

        TestMembers.signIn(greenOrganiser);
        assertThatThrownBy(() -> confirmations.confirm(green.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("confirmed already"));
        assertThatThrownBy(() -> confirmations.confirm(labour.id())).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("members of GRN only");
        assertThatThrownBy(() -> confirmations.revoke(green.id(), "  ")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("reason")).contains("Say why"));
        // One organiser cannot unseat another: an admin removes an organiser first.
        SignedInMember secondOrganiser = testMembers.register("Second organiser", "GRN");
        TestMembers.signIn(admin);
        confirmations.appointOrganiser("GRN", secondOrganiser.email());
        TestMembers.signIn(greenOrganiser);
        assertThatThrownBy(() -> confirmations.revoke(secondOrganiser.id(), "Rival.")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("an admin removes them as organiser first"));
        confirmations.revoke(green.id(), "Left the party in November.");
        assertThat(standingOf(green).confirmed()).isFalse();
        assertThat(db.fetchCount(DSL.table("audit_event"), DSL.field("action").eq("PARTY_CONFIRMATION_REVOKED")
                .and(DSL.field("subject_id").eq(green.id())).and(DSL.field("detail").eq("GRN: Left the party in November.")))).isEqualTo(1);
    }

    @Test
    void onlyOrganisersConfirmNotEvenTheConvenorOfAPartyGroupAnyoneConfirmedCanCreate() {
        SignedInMember confirmedGreen = testMembers.registerClaimed("Confirmed green", "GRN");
        SignedInMember claimingGreen = testMembers.registerClaimed("Claiming green", "GRN");
        TestMembers.signIn(greenOrganiser);
        confirmations.confirm(confirmedGreen.id());

        TestMembers.signIn(confirmedGreen);
        assertThat(confirmations.mayConfirm()).isFalse();
        assertThatThrownBy(() -> confirmations.confirm(claimingGreen.id())).isInstanceOf(AccessDeniedException.class);

        // Creating (and so convening) a Green party group gives no power to confirm Greens.
        long greens = groups.create(new NewGroup("Greens " + confirmedGreen.id(), GroupKind.PARTY, null, null));
        assertThat(greens).isPositive();
        assertThat(confirmations.mayConfirm()).isFalse();
        assertThatThrownBy(() -> confirmations.confirm(claimingGreen.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(standingOf(claimingGreen).confirmed()).isFalse();
    }

    @Test
    void aSecondAccountClaimingAPartyCannotConfirmItselfNorBeConfirmedByAnotherParty() {
        // A Labour convenor's second account, claiming to be Green, convenes a "Green" party group of its own.
        SignedInMember sockPuppet = testMembers.registerClaimed("Not really green", "GRN");
        TestMembers.signIn(sockPuppet);
        groups.create(new NewGroup("Real Greens " + sockPuppet.id(), GroupKind.PARTY, null, null));
        assertThat(confirmations.mayConfirm()).as("a claimed member confirms nobody, whatever they convene").isFalse();
        assertThatThrownBy(() -> confirmations.confirm(sockPuppet.id())).isInstanceOf(AccessDeniedException.class);
        SignedInMember labourOrganiser = testMembers.register("Labour organiser", "LAB");
        TestMembers.signIn(admin);
        confirmations.appointOrganiser("LAB", labourOrganiser.email());
        TestMembers.signIn(labourOrganiser);
        assertThatThrownBy(() -> confirmations.confirm(sockPuppet.id())).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(greenOrganiser);
        assertThatThrownBy(() -> confirmations.confirm(greenOrganiser.id())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("member")).contains("Nobody confirms their own party"));
        assertThat(standingOf(sockPuppet).confirmed()).isFalse();
        // Nor can the database hold a confirmation by oneself.
        assertThatThrownBy(() -> db.update(MEMBER).set(MEMBER.PARTY_CONFIRMED_AT, java.time.OffsetDateTime.now())
                .set(MEMBER.PARTY_CONFIRMED_BY, sockPuppet.id()).where(MEMBER.ID.eq(sockPuppet.id())).execute())
                .hasMessageContaining("member_party_not_self_confirmed");
    }

    @Test
    void changingPartyMakesItClaimedAgainAndEndsOrganising() {
        db.update(MEMBER).set(MEMBER.PARTY_ID, parties.findByCode("LAB").orElseThrow().id()).where(MEMBER.ID.eq(greenOrganiser.id())).execute();
        assertThat(db.fetchExists(MEMBER, MEMBER.ID.eq(greenOrganiser.id()).and(MEMBER.PARTY_CONFIRMED_AT.isNull()))).isTrue();
        assertThat(db.fetchCount(PARTY_ORGANISER, PARTY_ORGANISER.MEMBER_ID.eq(greenOrganiser.id()))).isZero();
    }

    @Test
    void anAdminAppointsOnlyAVerifiedMemberOfThatPartyAndNeverThemselves() {
        SignedInMember labour = testMembers.register("Labour", "LAB");
        SignedInMember unverified = testMembers.registerUnverified("Unverified green", "GRN");
        TestMembers.signIn(admin);
        assertThatThrownBy(() -> confirmations.appointOrganiser("GRN", labour.email())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("email")).contains("belongs to LAB, not GRN"));
        assertThatThrownBy(() -> confirmations.appointOrganiser("GRN", unverified.email())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("email")).contains("has not verified"));
        assertThatThrownBy(() -> confirmations.appointOrganiser("GRN", "nobody-" + admin.id() + "@example.org"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("email")).contains("no account"));
        assertThatThrownBy(() -> confirmations.appointOrganiser("GRN", greenOrganiser.email())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.messageFor("email")).contains("organises GRN already"));
        assertThatThrownBy(() -> confirmations.appointOrganiser("NONE", admin.email())).isInstanceOf(InvalidInputException.class);

        confirmations.removeOrganiser("GRN", greenOrganiser.id());
        assertThat(confirmations.organisers("GRN")).extracting(PartyStanding::memberId).doesNotContain(greenOrganiser.id());
        TestMembers.signIn(greenOrganiser);
        assertThat(confirmations.mayConfirm()).isFalse();
    }
}
