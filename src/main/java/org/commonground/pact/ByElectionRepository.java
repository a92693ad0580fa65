package org.commonground.pact;

import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.GROUP_CONSTITUENCY;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.PACT;
import static org.commonground.jooq.Tables.PACT_RATIFICATION;
import static org.commonground.jooq.Tables.PACT_REMINDER;
import static org.commonground.jooq.Tables.PARTY;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.commonground.audit.AuditAction;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupRole;
import org.commonground.group.MembershipStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Ratification deadlines (by-elections' above all) and the reminders sent as they near. */
@Repository
class ByElectionRepository {

    /** A local group whose convenor may start a by-election pact for a seat it covers. */
    record GroupForSeat(long groupId, String groupName, String seatName) {
    }

    /** A pact being ratified against a deadline, and when its round of ratification opened. */
    record Ratifying(long pactId, int round, OffsetDateTime ratifyBy, OffsetDateTime roundOpened) {
    }

    /** A party asked to ratify in the current round that has not yet given its verdict. */
    record Pending(long partyId, String partyCode) {
    }

    private final DSLContext db;

    ByElectionRepository(DSLContext db) {
        this.db = db;
    }

    /** The member's local groups that they convene and that cover the seat, with the seat's name in each. */
    List<GroupForSeat> convenedGroupsCovering(String onsCode, long memberId) {
        return db.select(GROUPS.ID, GROUPS.NAME, GROUP_CONSTITUENCY.NAME).from(GROUPS)
                .join(GROUP_CONSTITUENCY).on(GROUP_CONSTITUENCY.GROUP_ID.eq(GROUPS.ID).and(GROUP_CONSTITUENCY.ONS_CODE.eq(onsCode)))
                .join(GROUP_MEMBERSHIP).on(GROUP_MEMBERSHIP.GROUP_ID.eq(GROUPS.ID).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                        .and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name())).and(GROUP_MEMBERSHIP.ROLE.eq(GroupRole.CONVENOR.name())))
                .where(GROUPS.KIND.eq(GroupKind.LOCAL.name()))
                .orderBy(GROUPS.NAME)
                .fetch(r -> new GroupForSeat(r.value1(), r.value2(), r.value3()));
    }

    void setDeadline(long pactId, LocalDate pollingDay, OffsetDateTime ratifyBy) {
        db.update(PACT).set(PACT.POLLING_DAY, pollingDay).set(PACT.RATIFY_BY, ratifyBy).where(PACT.ID.eq(pactId)).execute();
    }

    /** Every pact being ratified whose deadline is still ahead. */
    List<Ratifying> ratifyingBefore(OffsetDateTime now) {
        var opened = DSL.select(DSL.max(AUDIT_EVENT.OCCURRED_AT)).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.SUBJECT_TYPE.eq("pact")).and(AUDIT_EVENT.SUBJECT_ID.eq(PACT.ID))
                .and(AUDIT_EVENT.ACTION.eq(AuditAction.PACT_RATIFYING.code())).<OffsetDateTime>asField("opened");
        return db.select(PACT.ID, PACT.ROUND, PACT.RATIFY_BY, opened).from(PACT)
                .where(PACT.STATE.eq(PactState.RATIFYING.name())).and(PACT.RATIFY_BY.gt(now))
                .fetch(r -> new Ratifying(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** The parties of the pact's current round that have yet to ratify, in the order the round lists them. */
    List<Pending> pending(long pactId, int round) {
        return db.select(PARTY.ID, PARTY.CODE).from(PACT_RATIFICATION).join(PARTY).on(PARTY.ID.eq(PACT_RATIFICATION.PARTY_ID))
                .where(PACT_RATIFICATION.PACT_ID.eq(pactId)).and(PACT_RATIFICATION.ROUND.eq(round)).and(PACT_RATIFICATION.VERDICT.isNull())
                .orderBy(PARTY.CODE)
                .fetch(r -> new Pending(r.value1(), r.value2()));
    }

    /** Records that the party was reminded at this step; false when it already was (by this instance or another). */
    boolean markReminded(long pactId, int round, long partyId, ReminderStep step) {
        return db.insertInto(PACT_REMINDER).set(PACT_REMINDER.PACT_ID, pactId).set(PACT_REMINDER.ROUND, round)
                .set(PACT_REMINDER.PARTY_ID, partyId).set(PACT_REMINDER.STEP, step.name())
                .onConflictDoNothing().execute() == 1;
    }

    Optional<OffsetDateTime> ratifyBy(long pactId) {
        return db.select(PACT.RATIFY_BY).from(PACT).where(PACT.ID.eq(pactId)).fetchOptional(PACT.RATIFY_BY);
    }
}
