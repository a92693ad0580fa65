package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.CONSTITUENCY;
import static org.commonground.jooq.Tables.NOTIFICATION;
import static org.commonground.jooq.Tables.PACT_JOINED_GROUP;
import static org.commonground.pact.PactServiceTest.ALDERSHOT;
import static org.commonground.pact.PactServiceTest.BRISTOL;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.commonground.audit.AuditAction;
import org.commonground.audit.AuditEntry;
import org.commonground.backup.GroupExport;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.Choice;
import org.commonground.ballot.NewCandidate;
import org.commonground.ballot.UnityBallotService;
import org.commonground.ballot.UnityBallotSettings;
import org.commonground.ballot.UnityMethod;
import org.commonground.ballot.rules.ranked.TieBreakRule;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.notification.PendingNotices;
import org.commonground.pact.PactRatificationService.RatificationPlan;
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
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Issue 21: an alliance's pact over Aldershot is read and commented on by the local group of that seat it asks to
 * read it (V36), once a convenor of that group accepts; a group that merely lists Aldershot reads nothing, through
 * any route. The reading group's members comment and propose amendments, but never ratify: its Green delegate does
 * not choose how the Greens ratify, and its members are in no ballot's electorate.
 */
@IntegrationTest
class AlliancePactReadersTest {

    @Autowired
    PactService pacts;
    @Autowired
    PactGroupsService pactGroups;
    @Autowired
    PactAmendmentService amendments;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    BallotService ballots;
    @Autowired
    UnityBallotService unity;
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

    SignedInMember allianceConvenor;
    SignedInMember allianceGreen;
    SignedInMember readerConvenor;
    SignedInMember readerGreen;
    SignedInMember outsider;
    SignedInMember farConvenor;
    long alliance;
    long readers;
    long unrelated;
    long far;
    long pact;

    @BeforeEach
    void anAlliancePactAndTheLocalGroupsOfItsSeat() {
        for (String[] seat : new String[][] {{ALDERSHOT, "Aldershot"}, {BRISTOL, "Bristol Central"}}) {
            db.insertInto(CONSTITUENCY).set(CONSTITUENCY.ONS_CODE, seat[0]).set(CONSTITUENCY.NAME, seat[1]).onConflictDoNothing().execute();
        }
        allianceConvenor = testMembers.register("Alliance chair", "LAB");
        TestMembers.signIn(allianceConvenor);
        alliance = groups.create(new NewGroup("National alliance " + allianceConvenor.id(), GroupKind.ALLIANCE, null, ""));
        allianceGreen = testMembers.joined(groups, alliance, allianceConvenor, "Alliance Green", "GRN");
        testMembers.appointDelegate(alliance, allianceConvenor);
        testMembers.appointDelegate(alliance, allianceGreen);

        readerConvenor = testMembers.register("Reader chair", "LD");
        TestMembers.signIn(readerConvenor);
        readers = groups.create(new NewGroup("Aldershot readers " + readerConvenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        readerGreen = testMembers.joined(groups, readers, readerConvenor, "Reader Green", "GRN");
        testMembers.appointDelegate(readers, readerGreen);

        outsider = testMembers.register("Seat claimer", "GRN");
        TestMembers.signIn(outsider);
        unrelated = groups.create(new NewGroup("Also Aldershot " + outsider.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));

        farConvenor = testMembers.register("Far chair", "LAB");
        TestMembers.signIn(farConvenor);
        far = groups.create(new NewGroup("Bristol only " + farConvenor.id(), GroupKind.LOCAL, null, "Bristol Central (" + BRISTOL + ")"));

        TestMembers.signIn(allianceConvenor);
        pact = pacts.start(alliance, "National okapi framework", List.of(ALDERSHOT), null);
        pacts.revise(pact, 1, terms("Okapi leaflets."), "First terms");
        pacts.openNegotiation(pact);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static PactTerms terms(String conditions) {
        return new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", Map.of("GRN", Stance.STANDS_DOWN))), conditions);
    }

    private boolean reads(long id) {
        try {
            pacts.details(id);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    private int noticesOf(SignedInMember member, String kind) {
        PendingNotices.awaitFannedOut(db);
        return db.fetchCount(NOTIFICATION, NOTIFICATION.LINK.eq("pacts/" + pact).and(NOTIFICATION.MEMBER_ID.eq(member.id()))
                .and(kind == null ? org.jooq.impl.DSL.noCondition() : NOTIFICATION.KIND.eq(kind)));
    }

    private String export(SignedInMember convenor, long group) {
        TestMembers.signIn(convenor);
        return new String(exports.export(group).json(), StandardCharsets.UTF_8);
    }

    private void reading() {
        TestMembers.signIn(allianceConvenor);
        pactGroups.inviteToRead(pact, readers);
        TestMembers.signIn(readerConvenor);
        pactGroups.acceptReading(pact, readers);
    }

    @Test
    void aReadingGroupsMembersReadAndCommentThroughEveryRouteAndAGroupListingTheSameSeatDoesNot() {
        TestMembers.signIn(allianceConvenor);
        assertThat(pactGroups.readerInvitable(pact)).extracting(g -> g.id()).contains(readers, unrelated).doesNotContain(far, alliance);
        pactGroups.inviteToRead(pact, readers);
        // Asked, the group's convenors hear of it and read the pact to decide; its other members read nothing yet.
        assertThat(noticesOf(readerConvenor, null)).isOne();
        assertThat(noticesOf(readerGreen, null)).isZero();
        TestMembers.signIn(readerGreen);
        assertThat(reads(pact)).isFalse();
        assertThat(pactGroups.readingInvitations(readers)).isEmpty();
        TestMembers.signIn(readerConvenor);
        assertThat(pactGroups.readingInvitations(readers)).extracting(PactSummary::id).containsExactly(pact);
        assertThat(pactGroups.invitations(readers)).as("not an invitation to join").isEmpty();
        assertThat(pacts.details(pact).convenor()).isFalse();
        pactGroups.acceptReading(pact, readers);
        assertThat(pactGroups.groupsOf(pact)).extracting(PactGroup::groupId, PactGroup::part).containsExactly(
                org.assertj.core.groups.Tuple.tuple(alliance, PactGroupPart.HOME), org.assertj.core.groups.Tuple.tuple(readers, PactGroupPart.READING));
        assertThat(pacts.details(pact).convenor()).as("a reading group's convenor does not steer the pact").isFalse();

        TestMembers.signIn(readerGreen);
        assertThat(reads(pact)).isTrue();
        assertThat(pacts.inGroup(readers)).extracting(PactSummary::id).contains(pact);
        assertThat(pacts.covering(ALDERSHOT)).extracting(PactSummary::id).contains(pact);
        assertThat(search.search("okapi", 20)).anyMatch(r -> r.kind() == SearchKind.PACT && r.id() == pact);
        comments.postOnPact(pact, new NewComment(null, null, Visibility.SHARED, null, null, null, false, "Aldershot's Greens have their say."));
        assertThat(comments.threadOfPact(pact)).isNotEmpty();
        long amendment = amendments.proposeAmendment(pact, terms("Okapi leaflets and a hustings."), "A hustings helps");
        assertThat(amendment).isPositive();
        assertThatThrownBy(() -> pacts.revise(pact, 2, terms("Changed by a reader."), "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pacts.collapse(pact, "Not ours")).isInstanceOf(AccessDeniedException.class);

        // A comment naming both reaches the reader, never the member of a group that only lists the seat.
        TestMembers.signIn(allianceGreen);
        comments.postOnPact(pact, new NewComment(null, null, Visibility.SHARED, null, null, null, false,
                "@" + readerGreen.displayName() + " and @" + outsider.displayName() + ", what do you think?"));
        assertThat(noticesOf(readerGreen, "MENTION")).isOne();
        assertThat(noticesOf(outsider, null)).isZero();

        TestMembers.signIn(outsider);
        assertThat(reads(pact)).isFalse();
        assertThat(pacts.inGroup(unrelated)).isEmpty();
        assertThat(pacts.covering(ALDERSHOT)).extracting(PactSummary::id).doesNotContain(pact);
        assertThat(search.search("okapi", 20)).noneMatch(r -> r.id() == pact);
        assertThatThrownBy(() -> comments.threadOfPact(pact)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> pactGroups.groupsOf(pact)).isInstanceOf(InvalidInputException.class);

        // A group's record holds the pacts it started: the alliance's, not the reading group's nor the unrelated one's.
        assertThat(export(outsider, unrelated)).doesNotContain("okapi");
        assertThat(export(readerConvenor, readers)).doesNotContain("okapi", "Okapi");
        assertThat(export(allianceConvenor, alliance)).contains("National okapi framework");
    }

    @Test
    void aReadingGroupNeverRatifiesNorVotesNorIsAskedTo() {
        reading();
        TestMembers.signIn(allianceConvenor);
        long unityBallot = unity.open(pact, ALDERSHOT, new UnityBallotSettings(UnityMethod.RANKED, TieBreakRule.BACKWARDS,
                List.of(new NewCandidate("Ada Okapi", "LAB"), new NewCandidate("Bo Okapi", null)), null));
        assertThat(unity.details(unityBallot).electorate()).as("the alliance's two members, not the reading group's").isEqualTo(2);
        TestMembers.signIn(readerGreen);
        long first = unity.details(unityBallot).candidates().getFirst().id();
        assertThatThrownBy(() -> unity.rank(unityBallot, Map.of(first, 1))).isInstanceOf(RuntimeException.class);
        TestMembers.signIn(allianceConvenor);
        unity.close(unityBallot);

        ratification.startRatification(pact);
        assertThat(noticesOf(allianceGreen, "RATIFICATION")).isOne();
        assertThat(noticesOf(readerGreen, "RATIFICATION")).as("a reader is not asked to ratify").isZero();
        // The reading group's Green delegate does not speak for the Greens in this pact.
        TestMembers.signIn(readerGreen);
        assertThat(pacts.details(pact).chooseFor()).isEmpty();
        assertThatThrownBy(() -> ratification.choosePlan(pact, "GRN", RatificationPlan.byBallot(null))).isInstanceOf(AccessDeniedException.class);
        assertThat(ratification.confirmedMembers(pact, "GRN")).isOne();
        TestMembers.signIn(allianceGreen);
        ratification.choosePlan(pact, "GRN", RatificationPlan.byBallot(null));
        long ballot = pacts.details(pact).ratifications().stream().filter(r -> r.party().equals("GRN")).findFirst().orElseThrow().ballotId();
        assertThat(db.fetch("select member_id from ballot_elector where ballot_id = ?", ballot)
                .getValues(0, Long.class)).containsExactly(allianceGreen.id());
        TestMembers.signIn(readerGreen);
        assertThatThrownBy(() -> ballots.vote(ballot, Choice.FOR, "")).isInstanceOf(RuntimeException.class);
        assertThat(db.fetchCount(org.commonground.jooq.Tables.VOTE, org.commonground.jooq.Tables.VOTE.BALLOT_ID.eq(ballot))).isZero();
        // Still a reader while the pact is ratified: reading does not stop at ratification.
        assertThat(reads(pact)).isTrue();
    }

    @Test
    void invitingTwiceInAnyPartAGroupOfNoneOfItsSeatsOrToANonAlliancePactIsRefusedAndWritesNothing() {
        TestMembers.signIn(allianceConvenor);
        pactGroups.inviteToRead(pact, readers);
        int rows = db.fetchCount(PACT_JOINED_GROUP);
        assertThatThrownBy(() -> pactGroups.inviteToRead(pact, readers)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is already asked to read this pact");
        assertThatThrownBy(() -> pactGroups.invite(pact, readers)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is already asked to read this pact");
        assertThatThrownBy(() -> pactGroups.inviteToRead(pact, far)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lists none of this pact's seats");
        assertThatThrownBy(() -> pactGroups.inviteToRead(pact, alliance)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a local group");
        TestMembers.signIn(readerConvenor);
        pactGroups.acceptReading(pact, readers);
        TestMembers.signIn(allianceConvenor);
        assertThatThrownBy(() -> pactGroups.inviteToRead(pact, readers)).isInstanceOf(InvalidInputException.class).hasMessageContaining("already reads this pact");
        assertThatThrownBy(() -> pactGroups.invite(pact, readers)).isInstanceOf(InvalidInputException.class).hasMessageContaining("already reads this pact");
        // A group that joined is not asked to read as well.
        pactGroups.invite(pact, far);
        assertThatThrownBy(() -> pactGroups.inviteToRead(pact, far)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is already invited to join this pact");
        rows++;
        // Only the alliance's convenors ask; the reading group's convenor and a plain alliance member do not.
        TestMembers.signIn(readerConvenor);
        assertThatThrownBy(() -> pactGroups.inviteToRead(pact, unrelated)).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(allianceGreen);
        assertThatThrownBy(() -> pactGroups.inviteToRead(pact, unrelated)).isInstanceOf(AccessDeniedException.class);
        assertThat(pactGroups.readerInvitable(pact)).isEmpty();

        // A local group's pact is joined, never read.
        TestMembers.signIn(readerConvenor);
        long local = pacts.start(readers, "Local okapi pact", List.of(ALDERSHOT), null);
        assertThat(pactGroups.readerInvitable(local)).isEmpty();
        assertThatThrownBy(() -> pactGroups.inviteToRead(local, unrelated)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Only an alliance's pact is read by the local groups of its seats");
        assertThat(db.fetchCount(PACT_JOINED_GROUP)).isEqualTo(rows);

        // The database says the same, and never turns an invitation to join into reading, or back.
        assertThatThrownBy(() -> db.insertInto(PACT_JOINED_GROUP).set(PACT_JOINED_GROUP.PACT_ID, local).set(PACT_JOINED_GROUP.GROUP_ID, unrelated)
                .set(PACT_JOINED_GROUP.STATE, "READER_INVITED").set(PACT_JOINED_GROUP.INVITED_BY, readerConvenor.id()).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("not an alliance");
        assertThatThrownBy(() -> db.insertInto(PACT_JOINED_GROUP).set(PACT_JOINED_GROUP.PACT_ID, pact).set(PACT_JOINED_GROUP.GROUP_ID, far)
                .set(PACT_JOINED_GROUP.STATE, "READING").set(PACT_JOINED_GROUP.INVITED_BY, allianceConvenor.id()).execute())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> db.update(PACT_JOINED_GROUP).set(PACT_JOINED_GROUP.STATE, "READER_INVITED")
                .where(PACT_JOINED_GROUP.PACT_ID.eq(pact)).and(PACT_JOINED_GROUP.GROUP_ID.eq(far)).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("cannot go from INVITED to READER_INVITED");
        assertThat(db.fetchCount(PACT_JOINED_GROUP)).isEqualTo(rows);
    }

    @Test
    void theReadingGroupStopsOrTheAllianceWithdrawsAndItsMembersReadNoMore() {
        reading();
        TestMembers.signIn(readerGreen);
        assertThatThrownBy(() -> pactGroups.stopReading(pact, readers)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> pactGroups.withdrawReader(pact, readers)).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(readerConvenor);
        pactGroups.stopReading(pact, readers);
        assertThatThrownBy(() -> pacts.details(pact)).isInstanceOf(InvalidInputException.class);
        TestMembers.signIn(readerGreen);
        assertThat(reads(pact)).isFalse();

        // Asked again, then withdrawn by the alliance: first the invitation, then the reading.
        TestMembers.signIn(allianceConvenor);
        pactGroups.inviteToRead(pact, readers);
        pactGroups.withdrawReader(pact, readers);
        TestMembers.signIn(readerConvenor);
        assertThat(pactGroups.readingInvitations(readers)).isEmpty();
        assertThatThrownBy(() -> pactGroups.acceptReading(pact, readers)).isInstanceOf(InvalidInputException.class);
        reading();
        TestMembers.signIn(allianceConvenor);
        pactGroups.withdrawReader(pact, readers);
        assertThatThrownBy(() -> pactGroups.withdrawReader(pact, readers)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("neither reads this pact nor is asked to");
        TestMembers.signIn(readerGreen);
        assertThat(reads(pact)).isFalse();

        // Declining leaves the group free to be asked again; every step is in the pact's activity.
        TestMembers.signIn(allianceConvenor);
        pactGroups.inviteToRead(pact, readers);
        TestMembers.signIn(readerConvenor);
        pactGroups.declineReading(pact, readers);
        TestMembers.signIn(allianceConvenor);
        assertThat(pacts.activity(pact)).extracting(AuditEntry::action).contains(AuditAction.PACT_GROUP_READER_INVITED,
                AuditAction.PACT_GROUP_READING, AuditAction.PACT_GROUP_STOPPED_READING, AuditAction.PACT_GROUP_READER_WITHDRAWN,
                AuditAction.PACT_GROUP_READER_DECLINED);
        assertThat(pactGroups.readerInvitable(pact)).extracting(g -> g.id()).contains(readers);
    }
}
