package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.BALLOT_ELECTOR;
import static org.commonground.jooq.Tables.CONSTITUENCY;
import static org.commonground.jooq.Tables.NOTIFICATION;
import static org.commonground.jooq.Tables.PACT_JOINED_GROUP;
import static org.commonground.pact.PactServiceTest.ALDERSHOT;
import static org.commonground.pact.PactServiceTest.BRISTOL;

import java.util.List;
import java.util.Map;

import org.commonground.audit.AuditEntry;
import org.commonground.backup.GroupExport;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.Choice;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.notification.PendingNotices;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.ballot.NewCandidate;
import org.commonground.ballot.UnityBallotSettings;
import org.commonground.ballot.UnityMethod;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.search.SearchKind;
import org.commonground.search.SearchService;
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
 * Pacts across groups (issue 21): the home group (Aldershot) invites a second local group (Bristol Central), whose
 * convenor accepts; members of both then read the pact, members of a third, unrelated group nothing. Each party
 * ratifies once, through its delegates in either group; the Greens' ballot has their confirmed members of both
 * groups as electors, the one Green in both counted once.
 */
@IntegrationTest
class PactAcrossGroupsTest {

    @Autowired
    PactService pacts;
    @Autowired
    PactGroupsService pactGroups;
    @Autowired
    org.commonground.ballot.UnityBallotService unity;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    BallotService ballots;
    @Autowired
    CommentService comments;
    @Autowired
    SearchService search;
    @Autowired
    GroupService groups;
    @Autowired
    GroupExport exports;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember homeConvenor;
    SignedInMember homeGreen;
    SignedInMember bothGreen;
    SignedInMember bristolConvenor;
    SignedInMember bristolGreen;
    SignedInMember bristolLibDem;
    SignedInMember outsider;
    long home;
    long bristol;
    long unrelated;

    @BeforeEach
    void twoLocalGroupsAndAnUnrelatedOne() {
        homeConvenor = testMembers.register("Home convenor", "LAB");
        TestMembers.signIn(homeConvenor);
        home = groups.create(new NewGroup("Aldershot home " + homeConvenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        homeGreen = testMembers.joined(groups, home, homeConvenor, "Home Green", "GRN");
        bothGreen = testMembers.joined(groups, home, homeConvenor, "Green in both", "GRN");
        testMembers.appointDelegate(home, homeConvenor);

        bristolConvenor = testMembers.register("Bristol convenor", "LD");
        TestMembers.signIn(bristolConvenor);
        bristol = groups.create(new NewGroup("Bristol joiner " + bristolConvenor.id(), GroupKind.LOCAL, null, "Bristol Central (" + BRISTOL + ")"));
        bristolGreen = testMembers.joined(groups, bristol, bristolConvenor, "Bristol Green", "GRN");
        bristolLibDem = testMembers.joined(groups, bristol, bristolConvenor, "Bristol Lib Dem", "LD");
        TestMembers.signIn(bothGreen);
        groups.requestToJoin(bristol);
        TestMembers.signIn(bristolConvenor);
        groups.approve(bristol, bothGreen.id());
        // The Greens' and Lib Dems' only delegates are in the joined group.
        testMembers.appointDelegate(bristol, bristolGreen);
        testMembers.appointDelegate(bristol, bristolConvenor);

        outsider = testMembers.register("Outsider", "GRN");
        TestMembers.signIn(outsider);
        unrelated = groups.create(new NewGroup("Unrelated " + outsider.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static PactTerms acrossBoth() {
        return new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", Map.of("GRN", Stance.STANDS_DOWN, "LD", Stance.STANDS)),
                new SeatTerms(BRISTOL, "Bristol Central", "GRN", Map.of("LAB", Stance.STANDS_DOWN, "LD", Stance.PAPER_CANDIDATE))), "Zebra pledge.");
    }

    private long started() {
        TestMembers.signIn(homeConvenor);
        long id = pacts.start(home, "Zebra accord", List.of(ALDERSHOT), null);
        pacts.openNegotiation(id);
        return id;
    }

    private long joined() {
        long id = started();
        pactGroups.invite(id, bristol);
        TestMembers.signIn(bristolConvenor);
        pactGroups.accept(id, bristol);
        TestMembers.signIn(homeConvenor);
        pacts.revise(id, pacts.details(id).summary().currentRevision(), acrossBoth(), "Both towns");
        return id;
    }

    private static boolean reads(PactService pacts, long id) {
        try {
            pacts.details(id);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    @Test
    void anInvitedGroupJoinsWhenItsConvenorAcceptsAndItsMembersThenReadThePactThroughEveryRoute() {
        long id = started();
        // The Bristol seat is not the home group's: the terms cannot name it until Bristol joins.
        assertThatThrownBy(() -> pacts.revise(id, 1, acrossBoth(), "")).isInstanceOf(InvalidInputException.class);
        pactGroups.invite(id, bristol);
        // The invited group's convenors hear of it; its other members do not, as they cannot read it yet.
        PendingNotices.awaitFannedOut(db);
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.LINK.eq("pacts/" + id).and(NOTIFICATION.MEMBER_ID.eq(bristolConvenor.id())))).isOne();
        assertThat(db.fetchCount(NOTIFICATION, NOTIFICATION.LINK.eq("pacts/" + id).and(NOTIFICATION.MEMBER_ID.eq(bristolGreen.id())))).isZero();

        TestMembers.signIn(bristolGreen);
        assertThat(reads(pacts, id)).as("a plain member of a group only invited").isFalse();
        assertThat(pactGroups.invitations(bristol)).isEmpty();
        assertThatThrownBy(() -> pactGroups.accept(id, bristol)).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(outsider);
        assertThatThrownBy(() -> pactGroups.accept(id, bristol)).isInstanceOf(InvalidInputException.class);

        TestMembers.signIn(bristolConvenor);
        assertThat(pactGroups.invitations(bristol)).extracting(PactSummary::id).containsExactly(id);
        assertThat(reads(pacts, id)).as("the invited group's convenor reads it, to decide").isTrue();
        assertThat(pacts.details(id).convenor()).isFalse();
        pactGroups.accept(id, bristol);
        assertThat(pactGroups.groupsOf(id)).extracting(PactGroup::groupId, PactGroup::part)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(home, PactGroupPart.HOME), org.assertj.core.groups.Tuple.tuple(bristol, PactGroupPart.JOINED));
        assertThat(pactGroups.groupsOf(id).get(1).acceptedBy()).isEqualTo("Bristol convenor");
        assertThat(pacts.details(id).convenor()).as("a convenor of a joined group steers the pact too").isTrue();

        TestMembers.signIn(homeConvenor);
        pacts.revise(id, pacts.details(id).summary().currentRevision(), acrossBoth(), "Both towns");
        assertThat(pacts.details(id).constituencies()).containsOnlyKeys(ALDERSHOT, BRISTOL);
        assertThat(pacts.activity(id)).extracting(AuditEntry::action).contains(org.commonground.audit.AuditAction.PACT_GROUP_INVITED,
                org.commonground.audit.AuditAction.PACT_GROUP_JOINED);

        TestMembers.signIn(bristolGreen);
        assertThat(reads(pacts, id)).isTrue();
        assertThat(pacts.inGroup(bristol)).extracting(PactSummary::id).contains(id);
        assertThat(pacts.covering(BRISTOL)).extracting(PactSummary::id).contains(id);
        assertThat(search.search("zebra", 20)).anyMatch(r -> r.kind() == SearchKind.PACT && r.id() == id);
        comments.postOnPact(id, new NewComment(null, null, Visibility.SHARED, null, null, null, false, "Bristol has its say."));

        TestMembers.signIn(outsider);
        assertThat(reads(pacts, id)).isFalse();
        assertThat(pacts.inGroup(unrelated)).isEmpty();
        assertThat(pacts.covering(ALDERSHOT)).extracting(PactSummary::id).doesNotContain(id);
        assertThat(search.search("zebra", 20)).noneMatch(r -> r.id() == id);
        assertThatThrownBy(() -> comments.threadOfPact(id)).isInstanceOf(InvalidInputException.class);
        // A group's record holds the pacts it started: not an unrelated group's, nor (it is the home group's) a joined one's.
        assertThat(new String(exports.export(unrelated).json(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Zebra accord");
        TestMembers.signIn(bristolConvenor);
        assertThat(new String(exports.export(bristol).json(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Zebra accord");
        TestMembers.signIn(homeConvenor);
        assertThat(new String(exports.export(home).json(), java.nio.charset.StandardCharsets.UTF_8)).contains("Zebra accord");
    }

    @Test
    void aUnityBallotsElectorsAreTheMembersOfEveryGroupInThePactEachOnce() {
        long id = joined();
        TestMembers.signIn(homeConvenor);
        long ballot = unity.open(id, BRISTOL, new UnityBallotSettings(UnityMethod.RANKED, TieBreakRule.BACKWARDS,
                List.of(new NewCandidate("Ada Zebra", "GRN"), new NewCandidate("Bo Zebra", null)), null));
        // Home: convenor, Home Green, Green in both; joined: its convenor, Bristol Green, Bristol Lib Dem; the Green in both once.
        assertThat(unity.details(ballot).electorate()).isEqualTo(6);
        long first = unity.details(ballot).candidates().getFirst().id();
        TestMembers.signIn(bristolGreen);
        unity.rank(ballot, Map.of(first, 1));
        assertThat(unity.details(ballot).voted()).isEqualTo(1);
        TestMembers.signIn(outsider);
        assertThatThrownBy(() -> unity.rank(ballot, Map.of(first, 1))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aGroupIsInvitedOrJoinsOnceAndOnlyLocalGroupsOtherThanTheHomeOneAreInvited() {
        long id = started();
        pactGroups.invite(id, bristol);
        assertThatThrownBy(() -> pactGroups.invite(id, bristol)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is already invited");
        assertThatThrownBy(() -> pactGroups.invite(id, home)).isInstanceOf(InvalidInputException.class).hasMessageContaining("started this pact");
        TestMembers.signIn(outsider);
        long alliance = groups.create(new NewGroup("Alliance " + outsider.id(), GroupKind.ALLIANCE, null, ""));
        TestMembers.signIn(homeConvenor);
        assertThatThrownBy(() -> pactGroups.invite(id, alliance)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not a local group");
        assertThat(db.fetchCount(PACT_JOINED_GROUP, PACT_JOINED_GROUP.PACT_ID.eq(id))).isEqualTo(1);
        // The database holds the same rules (V32): no alliance group, nor the home group, as a joined one.
        assertThatThrownBy(() -> db.insertInto(PACT_JOINED_GROUP).set(PACT_JOINED_GROUP.PACT_ID, id).set(PACT_JOINED_GROUP.GROUP_ID, alliance)
                .set(PACT_JOINED_GROUP.STATE, "INVITED").set(PACT_JOINED_GROUP.INVITED_BY, homeConvenor.id()).execute())
                .hasMessageContaining("not a local group");
        assertThatThrownBy(() -> db.insertInto(PACT_JOINED_GROUP).set(PACT_JOINED_GROUP.PACT_ID, id).set(PACT_JOINED_GROUP.GROUP_ID, home)
                .set(PACT_JOINED_GROUP.STATE, "INVITED").set(PACT_JOINED_GROUP.INVITED_BY, homeConvenor.id()).execute())
                .hasMessageContaining("home group");
        // Only the home group's convenors invite: not a member there, not the convenor of the joined group.
        TestMembers.signIn(homeGreen);
        assertThatThrownBy(() -> pactGroups.invite(id, unrelated)).isInstanceOf(AccessDeniedException.class);

        TestMembers.signIn(bristolConvenor);
        pactGroups.accept(id, bristol);
        assertThatThrownBy(() -> pactGroups.accept(id, bristol)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not invited");
        assertThatThrownBy(() -> pactGroups.invite(id, unrelated)).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(homeConvenor);
        assertThatThrownBy(() -> pactGroups.invite(id, bristol)).isInstanceOf(InvalidInputException.class).hasMessageContaining("has already joined");
    }

    @Test
    void decliningLeavesNoTraceButTheAuditAndTheGroupCanBeAskedAgain() {
        long id = started();
        pactGroups.invite(id, bristol);
        TestMembers.signIn(bristolConvenor);
        pactGroups.decline(id, bristol);
        assertThat(reads(pacts, id)).isFalse();
        TestMembers.signIn(homeConvenor);
        assertThat(pacts.activity(id)).extracting(AuditEntry::action).contains(org.commonground.audit.AuditAction.PACT_GROUP_DECLINED);
        pactGroups.invite(id, bristol);
        assertThat(pactGroups.groupsOf(id)).extracting(PactGroup::part).containsExactly(PactGroupPart.HOME, PactGroupPart.INVITED);
    }

    @Test
    void eachPartyRatifiesOnceThroughItsDelegatesInAnyOfTheGroupsAndItsBallotCountsEachMemberOnce() {
        long id = joined();
        ratification.startRatification(id);
        assertThat(pacts.details(id).ratifications()).extracting(Ratification::party).containsExactly("GRN", "LAB", "LD");

        // The Greens' only delegate is in the joined group: she chooses for the whole pact.
        TestMembers.signIn(bristolGreen);
        assertThat(pacts.details(id).chooseFor()).containsExactly("GRN");
        ratification.choosePlan(id, "GRN", RatificationPlan.byBallot(null));
        long ballot = pacts.details(id).ratifications().stream().filter(r -> r.party().equals("GRN")).findFirst().orElseThrow().ballotId();
        // Home Green, Bristol Green and the Green in both: three electors, not four.
        assertThat(db.fetchCount(BALLOT_ELECTOR, BALLOT_ELECTOR.BALLOT_ID.eq(ballot))).isEqualTo(3);
        assertThat(ratification.confirmedMembers(id, "GRN")).isEqualTo(3);
        TestMembers.signIn(homeGreen);
        ballots.vote(ballot, Choice.FOR, "");
        TestMembers.signIn(bristolGreen);
        ballots.vote(ballot, Choice.FOR, "");

        TestMembers.signIn(bristolConvenor);
        ratification.choosePlan(id, "LD", RatificationPlan.byRepresentative(bristolConvenor.id()));
        ratification.sign(id, "LD", true, "");
        TestMembers.signIn(homeConvenor);
        ratification.choosePlan(id, "LAB", RatificationPlan.byRepresentative(homeConvenor.id()));
        ratification.sign(id, "LAB", true, "");
        TestMembers.signIn(bristolGreen);
        ballots.close(ballot);
        assertThat(pacts.details(id).state()).isEqualTo(PactState.RATIFIED);

        TestMembers.signIn(bristolConvenor);
        assertThatThrownBy(() -> pactGroups.leave(id, bristol, "Too late")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("before it is ratified");
    }

    @Test
    void leavingWhileThePactIsRatifiedReturnsItToNegotiationAndCancelsItsBallots() {
        long id = joined();
        ratification.startRatification(id);
        TestMembers.signIn(bristolGreen);
        ratification.choosePlan(id, "GRN", RatificationPlan.byBallot(null));

        TestMembers.signIn(bristolLibDem);
        assertThatThrownBy(() -> pactGroups.leave(id, bristol, "Not mine to say")).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(bristolConvenor);
        assertThatThrownBy(() -> pactGroups.leave(id, bristol, "")).isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
        pactGroups.leave(id, bristol, "Our members want their own candidate");

        TestMembers.signIn(homeConvenor);
        PactDetails d = pacts.details(id);
        assertThat(d.state()).isEqualTo(PactState.NEGOTIATING);
        assertThat(d.stateReason()).contains("left the pact").contains("own candidate");
        assertThat(db.fetchCount(BALLOT, BALLOT.PACT_ID.eq(id).and(BALLOT.CLOSED_AT.isNull()))).isZero();
        assertThat(pacts.activity(id)).extracting(AuditEntry::action).contains(org.commonground.audit.AuditAction.PACT_GROUP_LEFT);
        TestMembers.signIn(bristolGreen);
        assertThat(reads(pacts, id)).as("the group that left reads it no more").isFalse();
        // The Greens' delegates were all in Bristol: the pact cannot go to ratification again until the Greens have one here.
        TestMembers.signIn(homeConvenor);
        assertThatThrownBy(() -> ratification.startRatification(id)).isInstanceOf(InvalidInputException.class).hasMessageContaining("GRN");
    }

    @Test
    void anAlliancePactIsReadByTheGroupsItInvitesNotByAGroupThatClaimsItsSeat() {
        db.insertInto(CONSTITUENCY).set(CONSTITUENCY.ONS_CODE, BRISTOL).set(CONSTITUENCY.NAME, "Bristol Central").onConflictDoNothing().execute();
        SignedInMember allianceConvenor = testMembers.register("Alliance convenor", "LAB");
        TestMembers.signIn(allianceConvenor);
        long alliance = groups.create(new NewGroup("National " + allianceConvenor.id(), GroupKind.ALLIANCE, null, ""));
        long id = pacts.start(alliance, "National quagga framework", List.of(BRISTOL), null);

        // A group lists whatever seats its creator types: listing Bristol Central reads nothing of the alliance's draft.
        TestMembers.signIn(bristolGreen);
        assertThat(reads(pacts, id)).as("a member of a local group that lists its seat").isFalse();
        assertThat(pacts.inGroup(bristol)).extracting(PactSummary::id).doesNotContain(id);
        TestMembers.signIn(outsider);
        long claimed = groups.create(new NewGroup("Claims Bristol " + outsider.id(), GroupKind.LOCAL, null, "Bristol Central (" + BRISTOL + ")"));
        assertThat(claimed).isPositive();
        assertThat(reads(pacts, id)).as("the convenor of a group just made to claim the seat").isFalse();

        // Invited, Bristol's convenor reads it (to decide) but takes no part until Bristol joins; then its members read it.
        TestMembers.signIn(allianceConvenor);
        pactGroups.invite(id, bristol);
        TestMembers.signIn(bristolGreen);
        assertThat(reads(pacts, id)).isFalse();
        TestMembers.signIn(bristolConvenor);
        assertThat(pacts.details(id).convenor()).isFalse();
        pactGroups.accept(id, bristol);
        TestMembers.signIn(bristolGreen);
        assertThat(reads(pacts, id)).as("a member of a local group that joined").isTrue();
    }
}
