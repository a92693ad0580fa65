package org.commonground.group;

import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;
import static org.commonground.jooq.Tables.PARTY_DELEGATE;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonground.security.CurrentMember;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Party delegations in groups (V18): which confirmed members speak for their party in a group. */
@Repository
public class DelegationRepository {

    private final DSLContext db;

    public DelegationRepository(DSLContext db) {
        this.db = db;
    }

    public boolean isDelegate(long groupId, long memberId, long partyId) {
        return db.fetchExists(PARTY_DELEGATE, PARTY_DELEGATE.GROUP_ID.eq(groupId).and(PARTY_DELEGATE.MEMBER_ID.eq(memberId))
                .and(PARTY_DELEGATE.PARTY_ID.eq(partyId)));
    }

    /** The member is one of the party's delegates in any of the groups (a pact's groups, say). */
    public boolean isDelegateInAny(Collection<Long> groupIds, long memberId, long partyId) {
        return db.fetchExists(PARTY_DELEGATE, PARTY_DELEGATE.GROUP_ID.in(groupIds).and(PARTY_DELEGATE.MEMBER_ID.eq(memberId))
                .and(PARTY_DELEGATE.PARTY_ID.eq(partyId)));
    }

    /** The party's delegates across the groups, each once, by name. */
    public List<DelegationMember> delegatesInAny(Collection<Long> groupIds, long partyId) {
        return db.selectDistinct(MEMBER.ID, MEMBER.DISPLAY_NAME, DSL.lower(MEMBER.DISPLAY_NAME)).from(PARTY_DELEGATE)
                .join(MEMBER).on(MEMBER.ID.eq(PARTY_DELEGATE.MEMBER_ID))
                .where(PARTY_DELEGATE.GROUP_ID.in(groupIds)).and(PARTY_DELEGATE.PARTY_ID.eq(partyId))
                .orderBy(DSL.lower(MEMBER.DISPLAY_NAME), MEMBER.ID)
                .fetch(r -> new DelegationMember(r.value1(), r.value2(), true, true));
    }

    /** How many of the party's active members across the groups it has confirmed, each counted once. */
    public int confirmedMembersInAny(Collection<Long> groupIds, String partyCode) {
        return db.fetchCount(DSL.selectDistinct(MEMBER.ID).from(GROUP_MEMBERSHIP).join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                .join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .where(GROUP_MEMBERSHIP.GROUP_ID.in(groupIds)).and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name()))
                .and(PARTY.CODE.eq(partyCode)).and(CurrentMember.COUNTS_FOR_PARTY));
    }

    /** The party the member is a delegate of in the group, if any. */
    public Optional<String> partyDelegatedBy(long groupId, long memberId) {
        return db.select(PARTY.CODE).from(PARTY_DELEGATE).join(PARTY).on(PARTY.ID.eq(PARTY_DELEGATE.PARTY_ID))
                .where(PARTY_DELEGATE.GROUP_ID.eq(groupId)).and(PARTY_DELEGATE.MEMBER_ID.eq(memberId)).fetchOptional(PARTY.CODE);
    }

    /** The party's delegates in the group, by name. */
    public List<DelegationMember> delegates(long groupId, long partyId) {
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(PARTY_DELEGATE).join(MEMBER).on(MEMBER.ID.eq(PARTY_DELEGATE.MEMBER_ID))
                .where(PARTY_DELEGATE.GROUP_ID.eq(groupId)).and(PARTY_DELEGATE.PARTY_ID.eq(partyId))
                .orderBy(DSL.lower(MEMBER.DISPLAY_NAME), MEMBER.ID)
                .fetch(r -> new DelegationMember(r.value1(), r.value2(), true, true));
    }

    /**
     * The group's active members by party (non-party left out: it has no one to speak for it), each saying whether
     * they are a delegate and whether their party has confirmed them; parties in the order of the party list.
     */
    public Map<String, List<DelegationMember>> membersByParty(long groupId) {
        Map<String, List<DelegationMember>> byParty = new LinkedHashMap<>();
        db.select(PARTY.CODE, MEMBER.ID, MEMBER.DISPLAY_NAME, PARTY_DELEGATE.MEMBER_ID.isNotNull(), DSL.field(CurrentMember.COUNTS_FOR_PARTY))
                .from(GROUP_MEMBERSHIP)
                .join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                .join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .leftJoin(PARTY_DELEGATE).on(PARTY_DELEGATE.GROUP_ID.eq(GROUP_MEMBERSHIP.GROUP_ID)).and(PARTY_DELEGATE.MEMBER_ID.eq(MEMBER.ID))
                .where(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)).and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name()))
                .and(PARTY.CODE.ne("NONE"))
                .orderBy(PARTY.ID, DSL.lower(MEMBER.DISPLAY_NAME), MEMBER.ID)
                .forEach(r -> byParty.computeIfAbsent(r.value1(), p -> new ArrayList<>())
                        .add(new DelegationMember(r.value2(), r.value3(), r.value4(), r.value5())));
        return byParty;
    }

    /** False when the member was a delegate already. */
    public boolean appoint(long groupId, long memberId, long partyId, long appointedBy) {
        return db.insertInto(PARTY_DELEGATE).set(PARTY_DELEGATE.GROUP_ID, groupId).set(PARTY_DELEGATE.MEMBER_ID, memberId)
                .set(PARTY_DELEGATE.PARTY_ID, partyId).set(PARTY_DELEGATE.APPOINTED_BY, appointedBy)
                .onConflictDoNothing().execute() == 1;
    }

    /** Records a delegate a ballot of the party's confirmed members elected: false when they were one already. */
    public boolean elect(long groupId, long memberId, long partyId, long ballotId) {
        return db.insertInto(PARTY_DELEGATE).set(PARTY_DELEGATE.GROUP_ID, groupId).set(PARTY_DELEGATE.MEMBER_ID, memberId)
                .set(PARTY_DELEGATE.PARTY_ID, partyId).set(PARTY_DELEGATE.ELECTED_BY, ballotId)
                .onConflictDoNothing().execute() == 1;
    }

    /** The member may be the party's delegate in the group: active there, and confirmed by that party (V18's rule). */
    public boolean eligible(long groupId, long memberId, long partyId) {
        return db.fetchExists(db.selectOne().from(MEMBER).join(GROUP_MEMBERSHIP).on(GROUP_MEMBERSHIP.MEMBER_ID.eq(MEMBER.ID))
                .join(GROUPS).on(GROUPS.ID.eq(GROUP_MEMBERSHIP.GROUP_ID))
                .where(MEMBER.ID.eq(memberId)).and(MEMBER.PARTY_ID.eq(partyId)).and(MEMBER.PARTY_CONFIRMED_AT.isNotNull())
                .and(GROUP_MEMBERSHIP.GROUP_ID.eq(groupId)).and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name()))
                .and(GROUPS.KIND.in(GroupKind.LOCAL.name(), GroupKind.ALLIANCE.name())));
    }

    public boolean remove(long groupId, long memberId, long partyId) {
        return db.deleteFrom(PARTY_DELEGATE).where(PARTY_DELEGATE.GROUP_ID.eq(groupId)).and(PARTY_DELEGATE.MEMBER_ID.eq(memberId))
                .and(PARTY_DELEGATE.PARTY_ID.eq(partyId)).execute() == 1;
    }

    /** Holds the group's delegations of one party until the transaction ends: appointments and removals queue. */
    public void lockParty(long groupId, long partyId) {
        db.select(PARTY_DELEGATE.MEMBER_ID).from(PARTY_DELEGATE).where(PARTY_DELEGATE.GROUP_ID.eq(groupId))
                .and(PARTY_DELEGATE.PARTY_ID.eq(partyId)).forUpdate().execute();
    }

    /** The local and alliance groups where the party has active members it has confirmed: where its organisers appoint. */
    public List<GroupRef> groupsWithConfirmedMembers(long partyId) {
        return db.selectDistinct(GROUPS.ID, GROUPS.NAME).from(GROUPS)
                .join(GROUP_MEMBERSHIP).on(GROUP_MEMBERSHIP.GROUP_ID.eq(GROUPS.ID)).and(GROUP_MEMBERSHIP.STATUS.eq(MembershipStatus.ACTIVE.name()))
                .join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                .where(GROUPS.KIND.in(GroupKind.LOCAL.name(), GroupKind.ALLIANCE.name()))
                .and(MEMBER.PARTY_ID.eq(partyId)).and(MEMBER.PARTY_CONFIRMED_AT.isNotNull())
                .orderBy(GROUPS.NAME, GROUPS.ID)
                .fetch(r -> new GroupRef(r.value1(), r.value2()));
    }

    public record GroupRef(long id, String name) {
    }
}
