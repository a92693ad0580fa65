package org.commonground.group;

import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.GROUP_CONSTITUENCY;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.PARTY;

import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class GroupRepository {

    private final DSLContext db;

    public GroupRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(String name, GroupKind kind, Long partyId, String description, long createdBy) {
        return db.insertInto(GROUPS)
                .set(GROUPS.NAME, name)
                .set(GROUPS.KIND, kind.name())
                .set(GROUPS.PARTY_ID, partyId)
                .set(GROUPS.DESCRIPTION, description)
                .set(GROUPS.CREATED_BY, createdBy)
                .returning(GROUPS.ID).fetchOne(GROUPS.ID);
    }

    public void insertConstituencies(long groupId, List<Constituency> constituencies) {
        for (int i = 0; i < constituencies.size(); i++) {
            db.insertInto(GROUP_CONSTITUENCY)
                    .set(GROUP_CONSTITUENCY.GROUP_ID, groupId)
                    .set(GROUP_CONSTITUENCY.POSITION, i)
                    .set(GROUP_CONSTITUENCY.NAME, constituencies.get(i).name())
                    .set(GROUP_CONSTITUENCY.ONS_CODE, constituencies.get(i).onsCode())
                    .execute();
        }
    }

    public boolean nameExists(String name) {
        return db.fetchExists(GROUPS, DSL.lower(GROUPS.NAME).eq(name.toLowerCase()));
    }

    /** Groups the member belongs to or has asked to join, with that standing. */
    public List<GroupSummary> findForMember(long memberId) {
        return summaries(memberId, DSL.trueCondition(), true);
    }

    public List<GroupSummary> findAll(long viewerId) {
        return summaries(viewerId, DSL.trueCondition(), false);
    }

    public Optional<GroupSummary> find(long groupId, long viewerId) {
        return summaries(viewerId, GROUPS.ID.eq(groupId), false).stream().findFirst();
    }

    /** Characters per numbered line in this group's texts. */
    public int lineWidth(long groupId) {
        return db.select(GROUPS.LINE_WIDTH).from(GROUPS).where(GROUPS.ID.eq(groupId)).fetchOne(GROUPS.LINE_WIDTH);
    }

    public void updateLineWidth(long groupId, int width) {
        db.update(GROUPS).set(GROUPS.LINE_WIDTH, width).where(GROUPS.ID.eq(groupId)).execute();
    }

    public String name(long groupId) {
        return db.select(GROUPS.NAME).from(GROUPS).where(GROUPS.ID.eq(groupId)).fetchOne(GROUPS.NAME);
    }

    public boolean exists(long groupId) {
        return db.fetchExists(GROUPS, GROUPS.ID.eq(groupId));
    }

    /** The party of a PARTY group; null for cross-party groups. */
    public Long partyOf(long groupId) {
        return db.select(GROUPS.PARTY_ID).from(GROUPS).where(GROUPS.ID.eq(groupId)).fetchOne(GROUPS.PARTY_ID);
    }

    public List<Constituency> constituencies(long groupId) {
        return db.select(GROUP_CONSTITUENCY.NAME, GROUP_CONSTITUENCY.ONS_CODE).from(GROUP_CONSTITUENCY)
                .where(GROUP_CONSTITUENCY.GROUP_ID.eq(groupId)).orderBy(GROUP_CONSTITUENCY.POSITION)
                .fetch(r -> new Constituency(r.value1(), r.value2()));
    }

    private List<GroupSummary> summaries(long viewerId, Condition condition, boolean onlyViewersGroups) {
        var mine = GROUP_MEMBERSHIP.as("mine");
        var active = GROUP_MEMBERSHIP.as("active");
        Field<Integer> activeCount = DSL.field(DSL.selectCount().from(active)
                .where(active.GROUP_ID.eq(GROUPS.ID)).and(active.STATUS.eq(MembershipStatus.ACTIVE.name())));
        return db.select(GROUPS.ID, GROUPS.NAME, GROUPS.KIND, GROUPS.PARTY_ID, PARTY.CODE, PARTY.COLOUR, GROUPS.DESCRIPTION,
                        activeCount.as("active_count"), mine.STATUS, mine.ROLE)
                .from(GROUPS)
                .leftJoin(PARTY).on(PARTY.ID.eq(GROUPS.PARTY_ID))
                .leftJoin(mine).on(mine.GROUP_ID.eq(GROUPS.ID)).and(mine.MEMBER_ID.eq(viewerId))
                .where(condition).and(onlyViewersGroups ? mine.MEMBER_ID.isNotNull() : DSL.trueCondition())
                .orderBy(GROUPS.KIND.desc(), DSL.lower(GROUPS.NAME))
                .fetch(r -> toSummary(r, mine.STATUS, mine.ROLE));
    }

    private static GroupSummary toSummary(Record r, Field<String> status, Field<String> role) {
        return new GroupSummary(r.get(GROUPS.ID), r.get(GROUPS.NAME), GroupKind.valueOf(r.get(GROUPS.KIND)), r.get(GROUPS.PARTY_ID),
                r.get(PARTY.CODE), r.get(PARTY.COLOUR), r.get(GROUPS.DESCRIPTION), r.get("active_count", Integer.class),
                r.get(status) == null ? null : MembershipStatus.valueOf(r.get(status)),
                r.get(role) == null || r.get(status) == null ? null : GroupRole.valueOf(r.get(role)));
    }
}
