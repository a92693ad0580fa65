package org.commonground.group;

import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.GROUP_INVITATION;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.commonground.security.CurrentMember;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class MembershipRepository {

    private final DSLContext db;

    public MembershipRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<MembershipStatus> status(long groupId, long memberId) {
        return db.select(GROUP_MEMBERSHIP.STATUS).from(GROUP_MEMBERSHIP)
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .fetchOptional(r -> MembershipStatus.valueOf(r.value1()));
    }

    public boolean isConvenor(long groupId, long memberId) {
        return db.fetchExists(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)
                .and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name()))
                .and(GROUP_MEMBERSHIP.ROLE.eq(GroupRole.CONVENOR.name())));
    }

    public boolean hasMemberWithEmail(long groupId, String email) {
        return db.fetchExists(db.selectOne().from(GROUP_MEMBERSHIP).join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId))
                .and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name()))
                .and(DSL.lower(MEMBER.EMAIL).eq(email.toLowerCase())));
    }

    public int countConvenors(long groupId) {
        return db.fetchCount(GROUP_MEMBERSHIP, GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)
                .and(GROUP_MEMBERSHIP.ROLE.eq(GroupRole.CONVENOR.name())));
    }

    /** Adds a request; a second request for the same group changes nothing (the primary key sees to that). */
    public boolean insertRequest(long groupId, long memberId) {
        return db.insertInto(GROUP_MEMBERSHIP)
                .set(GROUP_MEMBERSHIP.GROUP_ID, groupId)
                .set(GROUP_MEMBERSHIP.MEMBER_ID, memberId)
                .set(GROUP_MEMBERSHIP.STATUS, MembershipStatus.REQUESTED.name())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Makes the member active (from nothing or from a request); already active members are left as they are. */
    public boolean insertActive(long groupId, long memberId, GroupRole role, Long decidedBy) {
        OffsetDateTime now = OffsetDateTime.now();
        return db.insertInto(GROUP_MEMBERSHIP)
                .set(GROUP_MEMBERSHIP.GROUP_ID, groupId)
                .set(GROUP_MEMBERSHIP.MEMBER_ID, memberId)
                .set(GROUP_MEMBERSHIP.STATUS, MembershipStatus.ACTIVE.name())
                .set(GROUP_MEMBERSHIP.ROLE, role.name())
                .set(GROUP_MEMBERSHIP.JOINED_AT, now)
                .set(GROUP_MEMBERSHIP.DECIDED_BY, decidedBy)
                .onConflict(GROUP_MEMBERSHIP.GROUP_ID, GROUP_MEMBERSHIP.MEMBER_ID)
                .doUpdate()
                .set(GROUP_MEMBERSHIP.STATUS, MembershipStatus.ACTIVE.name())
                .set(GROUP_MEMBERSHIP.JOINED_AT, now)
                .set(GROUP_MEMBERSHIP.DECIDED_BY, decidedBy)
                .where(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.REQUESTED.name()))
                .execute() == 1;
    }

    /** Approves a pending request. Returns false when there was none (already approved in another tab, or withdrawn). */
    public boolean approve(long groupId, long memberId, long decidedBy) {
        return db.update(GROUP_MEMBERSHIP)
                .set(GROUP_MEMBERSHIP.STATUS, MembershipStatus.ACTIVE.name())
                .set(GROUP_MEMBERSHIP.JOINED_AT, OffsetDateTime.now())
                .set(GROUP_MEMBERSHIP.DECIDED_BY, decidedBy)
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.REQUESTED.name()))
                .execute() == 1;
    }

    public boolean deleteRequest(long groupId, long memberId) {
        return db.deleteFrom(GROUP_MEMBERSHIP)
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.REQUESTED.name()))
                .execute() == 1;
    }

    public boolean delete(long groupId, long memberId) {
        return db.deleteFrom(GROUP_MEMBERSHIP)
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .execute() == 1;
    }

    public boolean promote(long groupId, long memberId) {
        return db.update(GROUP_MEMBERSHIP)
                .set(GROUP_MEMBERSHIP.ROLE, GroupRole.CONVENOR.name())
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)).and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId))
                .and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name()))
                .and(GROUP_MEMBERSHIP.ROLE.eq(GroupRole.MEMBER.name()))
                .execute() == 1;
    }

    /** Locks the group's membership rows so "is this the last convenor?" cannot race with another removal. */
    public void lockGroup(long groupId) {
        db.select(GROUPS.ID).from(GROUPS).where(GROUPS.ID.eq(groupId)).forUpdate().fetch();
    }

    public List<GroupMember> members(long groupId) {
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, PARTY.CODE, PARTY.COLOUR,
                        DSL.field(CurrentMember.COUNTS_FOR_PARTY), GROUP_MEMBERSHIP.STATUS,
                        GROUP_MEMBERSHIP.ROLE, GROUP_MEMBERSHIP.REQUESTED_AT, GROUP_MEMBERSHIP.JOINED_AT)
                .from(GROUP_MEMBERSHIP)
                .join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                .join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId))
                .orderBy(GROUP_MEMBERSHIP.ROLE.asc(), DSL.lower(MEMBER.DISPLAY_NAME))
                .fetch(r -> new GroupMember(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        MembershipStatus.valueOf(r.value6()), GroupRole.valueOf(r.value7()), r.value8(), r.value9()));
    }

    public boolean insertInvitation(long groupId, String email, long invitedBy) {
        return db.insertInto(GROUP_INVITATION)
                .set(GROUP_INVITATION.GROUP_ID, groupId)
                .set(GROUP_INVITATION.EMAIL, email)
                .set(GROUP_INVITATION.INVITED_BY, invitedBy)
                .onConflictDoNothing()
                .execute() == 1;
    }

    public List<Invitation> openInvitationsFor(String email) {
        return invitations(DSL.lower(GROUP_INVITATION.EMAIL).eq(email.toLowerCase()), true);
    }

    public List<Invitation> openInvitationsOf(long groupId) {
        return invitations(GROUP_INVITATION.GROUP_ID.eq(groupId), true);
    }

    /** An invitation whether or not it is still open, so answering it twice can be a no-op. */
    public Optional<Invitation> invitation(long invitationId) {
        return invitations(GROUP_INVITATION.ID.eq(invitationId), false).stream().findFirst();
    }

    /** Closes an open invitation; false when it was already accepted or declined. */
    public boolean closeInvitation(long invitationId, boolean accepted) {
        var column = accepted ? GROUP_INVITATION.ACCEPTED_AT : GROUP_INVITATION.DECLINED_AT;
        return db.update(GROUP_INVITATION).set(column, OffsetDateTime.now())
                .where(GROUP_INVITATION.ID.eq(invitationId))
                .and(GROUP_INVITATION.ACCEPTED_AT.isNull()).and(GROUP_INVITATION.DECLINED_AT.isNull())
                .execute() == 1;
    }

    private List<Invitation> invitations(org.jooq.Condition condition, boolean onlyOpen) {
        return db.select(GROUP_INVITATION.ID, GROUPS.ID, GROUPS.NAME, GROUPS.KIND, GROUP_INVITATION.EMAIL,
                        MEMBER.DISPLAY_NAME, GROUP_INVITATION.CREATED_AT)
                .from(GROUP_INVITATION)
                .join(GROUPS).on(GROUPS.ID.eq(GROUP_INVITATION.GROUP_ID))
                .join(MEMBER).on(MEMBER.ID.eq(GROUP_INVITATION.INVITED_BY))
                .where(condition)
                .and(onlyOpen ? GROUP_INVITATION.ACCEPTED_AT.isNull().and(GROUP_INVITATION.DECLINED_AT.isNull()) : DSL.trueCondition())
                .orderBy(GROUP_INVITATION.CREATED_AT.desc())
                .fetch(r -> new Invitation(r.value1(), r.value2(), r.value3(), GroupKind.valueOf(r.value4()),
                        r.value5(), r.value6(), r.value7()));
    }
}
