package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.PACT;
import static org.commonground.pact.PactServiceTest.ALDERSHOT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.commonground.election.ElectionService;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.notification.Notification;
import org.commonground.notification.NotificationService;
import org.commonground.notification.PendingNotices;
import org.commonground.pact.PactRatificationService.RatificationPlan;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A by-election pact: started from the seat, with its last result and a deadline every party sees and is reminded of. */
@IntegrationTest
class ByElectionTest {

    @Autowired
    ByElectionService byElections;
    @Autowired
    ByElectionRepository deadlines;
    @Autowired
    RatificationReminders reminders;
    @Autowired
    PactService pacts;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    ElectionService elections;
    @Autowired
    NotificationService notifications;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    DSLContext db;

    SignedInMember labConvenor;
    SignedInMember green1;
    SignedInMember libDem;
    long group;

    @BeforeEach
    void localGroupWithDelegates() {
        labConvenor = testMembers.register("Lab convenor", "LAB");
        TestMembers.signIn(labConvenor);
        group = groups.create(new NewGroup("By-election town " + labConvenor.id(), GroupKind.LOCAL, null,
                "Aldershot (" + ALDERSHOT + ")\nBristol Central (" + PactServiceTest.BRISTOL + ")"));
        green1 = testMembers.joined(groups, group, labConvenor, "Green delegate", "GRN");
        libDem = testMembers.joined(groups, group, labConvenor, "Lib Dem delegate", "LD");
        testMembers.appointDelegate(group, labConvenor);
        testMembers.appointDelegate(group, green1);
        testMembers.appointDelegate(group, libDem);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static LocalDate inDays(int days) {
        return LocalDate.now(Dates.ZONE).plusDays(days);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Dates.ZONE).toOffsetDateTime();
    }

    @Test
    void aConvenorStartsAOneSeatPactFromTheSeatWithItsLastResultAndEveryReaderSeesTheDeadline() {
        TestMembers.signIn(testMembers.registerAdmin("Results admin"));
        long older = elections.importResults("BY-OLD-" + labConvenor.id(), "Older", results("Lab,10,45,35"), p -> { }).id();
        long latest = elections.importResults("BY-NEW-" + labConvenor.id(), "Latest", results("Con,5,40,45"), p -> { }).id();
        assertThat(latest).isNotEqualTo(older);

        TestMembers.signIn(labConvenor);
        assertThat(byElections.groupsThatMayStart(ALDERSHOT)).extracting(ByElectionService.StartingGroup::groupId).contains(group);
        long id = byElections.start(group, ALDERSHOT, inDays(20), at(inDays(12), 18));

        PactDetails d = pacts.details(id);
        assertThat(d.summary().title()).isEqualTo("Aldershot by-election, " + Dates.day(inDays(20)));
        assertThat(d.terms().seats()).extracting(s -> s.onsCode()).containsExactly(ALDERSHOT);
        assertThat(d.electionId()).isEqualTo(latest);
        assertThat(pacts.activity(id)).isNotEmpty();

        TestMembers.signIn(green1);
        RatificationDeadline deadline = byElections.deadline(id).orElseThrow();
        assertThat(deadline.pollingDay()).isEqualTo(inDays(20));
        assertThat(deadline.ratifyBy().toInstant()).isEqualTo(at(inDays(12), 18).toInstant());
        assertThat(deadline.passed()).isFalse();
        assertThat(deadline.awaiting()).isEmpty();
        assertThat(byElections.groupsThatMayStart(ALDERSHOT)).isEmpty();

        TestMembers.signIn(testMembers.register("Outsider", "GRN"));
        assertThatThrownBy(() -> byElections.deadline(id)).isInstanceOf(InvalidInputException.class);
    }

    private static byte[] results(String aldershot) {
        return ("ONS ID,Constituency name,Region name,Country name,Electorate,Valid votes,First party,Majority,Lab,Con,All other candidates\n"
                + ALDERSHOT + ",Aldershot,South East,England,100,80," + aldershot + ",0\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void badDatesAreRefusedAtTheirFieldsAndOnlyAConvenorOfAGroupCoveringTheSeatStartsOne() {
        int before = db.fetchCount(PACT);
        TestMembers.signIn(labConvenor);
        assertThatThrownBy(() -> byElections.start(group, ALDERSHOT, null, null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).containsKeys("pollingDay", "ratifyBy"));
        assertThatThrownBy(() -> byElections.start(group, ALDERSHOT, LocalDate.now(Dates.ZONE), at(inDays(3), 12)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get("pollingDay")).isEqualTo("Polling day must be after today."));
        assertThatThrownBy(() -> byElections.start(group, ALDERSHOT, inDays(10), at(inDays(10), 9)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().get("ratifyBy")).contains("before polling day"));
        assertThatThrownBy(() -> byElections.start(group, ALDERSHOT, inDays(10), OffsetDateTime.now().minusHours(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsOnlyKeys("ratifyBy"));
        // A seat the group does not cover, and a member who is no convenor.
        assertThatThrownBy(() -> byElections.start(group, "E14000530", inDays(10), at(inDays(5), 18))).isInstanceOf(AccessDeniedException.class);
        TestMembers.signIn(green1);
        assertThatThrownBy(() -> byElections.start(group, ALDERSHOT, inDays(10), at(inDays(5), 18))).isInstanceOf(AccessDeniedException.class);
        assertThat(db.fetchCount(PACT)).isEqualTo(before);
    }

    @Test
    void partiesYetToRatifyAreRemindedOncePerStepAndThoseThatRatifiedAreNot() {
        long id = PactServiceTest.negotiatedPact(pacts, labConvenor, group);
        ratification.startRatification(id);
        OffsetDateTime opened = OffsetDateTime.now();
        OffsetDateTime ratifyBy = opened.plusDays(3).truncatedTo(ChronoUnit.SECONDS);
        deadlines.setDeadline(id, null, ratifyBy);
        TestMembers.signIn(green1);
        ratification.choosePlan(id, "GRN", RatificationPlan.byRepresentative(green1.id()));
        ratification.sign(id, "GRN", true, "");
        assertThat(byElections.deadline(id).orElseThrow().awaiting()).containsExactly("LAB", "LD");

        // Not yet two days before: nothing. Then two days before: Labour and the Lib Dems, once however often it runs.
        assertThat(reminders.remindAt(ratifyBy.minusDays(2).minusMinutes(1))).isZero();
        assertThat(reminders.remindAt(ratifyBy.minusDays(2).plusMinutes(1))).isEqualTo(2);
        assertThat(reminders.remindAt(ratifyBy.minusDays(2).plusMinutes(2))).isZero();
        // An instance that was down through the one-day step sends only the latest step due.
        assertThat(reminders.remindAt(ratifyBy.minusHours(2))).isEqualTo(2);
        assertThat(reminders.remindAt(ratifyBy.minusHours(1))).isZero();
        assertThat(db.fetchCount(org.commonground.jooq.Tables.PACT_REMINDER, org.commonground.jooq.Tables.PACT_REMINDER.PACT_ID.eq(id)
                .and(org.commonground.jooq.Tables.PACT_REMINDER.STEP.eq(ReminderStep.ONE_DAY.name())))).isZero();
        assertThat(reminders.remindAt(ratifyBy.plusMinutes(1))).isZero();

        PendingNotices.awaitFannedOut(db);
        TestMembers.signIn(libDem);
        assertThat(notifications.mine(50)).extracting(Notification::text)
                .filteredOn(t -> t.startsWith("Reminder:")).hasSize(2)
                .allSatisfy(t -> assertThat(t).contains("awaits LD's ratification by " + Dates.dayAndTime(ratifyBy)));
        TestMembers.signIn(green1);
        assertThat(notifications.mine(50)).extracting(Notification::text).noneMatch(t -> t.startsWith("Reminder:"));
    }

    @Test
    void aStepWhoseTimeCameBeforeTheRoundOpenedIsNotSent() {
        OffsetDateTime ratifyBy = OffsetDateTime.parse("2026-12-10T18:00:00Z");
        var openedLate = new ByElectionRepository.Ratifying(1, 1, ratifyBy, ratifyBy.minusHours(30));
        assertThat(RatificationReminders.dueStep(openedLate, ratifyBy.minusHours(29))).isEmpty();
        assertThat(RatificationReminders.dueStep(openedLate, ratifyBy.minusHours(23))).contains(ReminderStep.ONE_DAY);
        var openedEarly = new ByElectionRepository.Ratifying(1, 1, ratifyBy, ratifyBy.minusDays(5));
        assertThat(RatificationReminders.dueStep(openedEarly, ratifyBy.minusHours(47))).contains(ReminderStep.TWO_DAYS);
        assertThat(RatificationReminders.dueStep(openedEarly, ratifyBy.minusHours(1))).contains(ReminderStep.LAST_HOURS);
    }
}
