package org.commonground.ballot;

import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PACT_PART;
import static org.commonground.jooq.Tables.PARTY;
import static org.commonground.jooq.Tables.UNITY_BALLOT;
import static org.commonground.jooq.Tables.UNITY_CANDIDATE;
import static org.commonground.jooq.Tables.UNITY_ELECTOR;
import static org.commonground.jooq.Tables.UNITY_MARK;
import static org.commonground.security.CurrentMember.COUNTS_FOR_PARTY;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonground.jooq.tables.records.UnityBallotRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Unity-candidate ballots, their candidates, electorates and members' marks. */
@Repository
public class UnityBallotRepository {

    private final DSLContext db;

    public UnityBallotRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(long pactId, long groupId, String onsCode, String constituency, UnityBallotSettings s, long lotSeed, long openedBy) {
        return db.insertInto(UNITY_BALLOT)
                .set(UNITY_BALLOT.PACT_ID, pactId)
                .set(UNITY_BALLOT.GROUP_ID, groupId)
                .set(UNITY_BALLOT.ONS_CODE, onsCode)
                .set(UNITY_BALLOT.CONSTITUENCY, constituency)
                .set(UNITY_BALLOT.METHOD, s.method().name())
                .set(UNITY_BALLOT.TIE_BREAK, s.tieBreak().name())
                .set(UNITY_BALLOT.LOT_SEED, lotSeed)
                .set(UNITY_BALLOT.CLOSES_AT, s.closesAt())
                .set(UNITY_BALLOT.OPENED_BY, openedBy)
                .returning(UNITY_BALLOT.ID).fetchOne(UNITY_BALLOT.ID);
    }

    public void insertCandidate(long ballotId, int position, String name, Long partyId) {
        db.insertInto(UNITY_CANDIDATE).set(UNITY_CANDIDATE.BALLOT_ID, ballotId).set(UNITY_CANDIDATE.POSITION, position)
                .set(UNITY_CANDIDATE.NAME, name).set(UNITY_CANDIDATE.PARTY_ID, partyId).execute();
    }

    /** The party's id by its code, if there is such a party. */
    public Optional<Long> partyId(String code) {
        return db.select(PARTY.ID).from(PARTY).where(PARTY.CODE.eq(code)).fetchOptional(PARTY.ID);
    }

    /** Party code to name, for showing a count's per-party figures. */
    public Map<String, String> partyNames() {
        Map<String, String> names = new LinkedHashMap<>();
        db.select(PARTY.CODE, PARTY.NAME).from(PARTY).orderBy(PARTY.CODE).forEach(r -> names.put(r.value1(), r.value2()));
        return names;
    }

    /**
     * Fixes the electorate as ordinary ballots do: the active members now of the groups that ratify the pact (a member
     * of two of them once), with their parties, leaving out those whose party is only claimed. Returns the electors.
     */
    public int fixElectorate(long ballotId, java.util.Collection<Long> groupIds) {
        return db.insertInto(UNITY_ELECTOR, UNITY_ELECTOR.BALLOT_ID, UNITY_ELECTOR.MEMBER_ID, UNITY_ELECTOR.PARTY_ID)
                .select(DSL.selectDistinct(DSL.val(ballotId), MEMBER.ID, MEMBER.PARTY_ID)
                        .from(GROUP_MEMBERSHIP).join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                        .where(GROUP_MEMBERSHIP.GROUP_ID.in(groupIds)).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE")).and(COUNTS_FOR_PARTY))
                .execute();
    }

    public Optional<UnityBallotRecord> find(long ballotId) {
        return db.selectFrom(UNITY_BALLOT).where(UNITY_BALLOT.ID.eq(ballotId)).fetchOptional();
    }

    /** Locked against marks (which take a key-share lock) for a close or a withdrawal. */
    public Optional<UnityBallotRecord> lock(long ballotId) {
        return db.selectFrom(UNITY_BALLOT).where(UNITY_BALLOT.ID.eq(ballotId)).forUpdate().fetchOptional();
    }

    /** Held while marks are written: a close or a withdrawal waits for it, so no mark lands after either. */
    public Optional<UnityBallotRecord> lockForMarking(long ballotId) {
        return db.selectFrom(UNITY_BALLOT).where(UNITY_BALLOT.ID.eq(ballotId)).forKeyShare().fetchOptional();
    }

    public List<UnityCandidate> candidates(long ballotId) {
        return db.select(UNITY_CANDIDATE.ID, UNITY_CANDIDATE.POSITION, UNITY_CANDIDATE.NAME, PARTY.CODE, UNITY_CANDIDATE.WITHDRAWN_AT)
                .from(UNITY_CANDIDATE).leftJoin(PARTY).on(PARTY.ID.eq(UNITY_CANDIDATE.PARTY_ID))
                .where(UNITY_CANDIDATE.BALLOT_ID.eq(ballotId)).orderBy(UNITY_CANDIDATE.POSITION)
                .fetch(r -> new UnityCandidate(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public boolean withdraw(long ballotId, long candidateId, long by) {
        return db.update(UNITY_CANDIDATE).set(UNITY_CANDIDATE.WITHDRAWN_AT, OffsetDateTime.now()).set(UNITY_CANDIDATE.WITHDRAWN_BY, by)
                .where(UNITY_CANDIDATE.ID.eq(candidateId)).and(UNITY_CANDIDATE.BALLOT_ID.eq(ballotId)).and(UNITY_CANDIDATE.WITHDRAWN_AT.isNull())
                .execute() == 1;
    }

    /** The elector's party code, if they are in the ballot's electorate. */
    public Optional<String> electorParty(long ballotId, long memberId) {
        return db.select(PARTY.CODE).from(UNITY_ELECTOR).join(PARTY).on(PARTY.ID.eq(UNITY_ELECTOR.PARTY_ID))
                .where(UNITY_ELECTOR.BALLOT_ID.eq(ballotId)).and(UNITY_ELECTOR.MEMBER_ID.eq(memberId)).fetchOptional(PARTY.CODE);
    }

    /**
     * The elector may mark now: still an active member of a group that ratifies the pact, with the party they had when it opened,
     * and that party still counting them (confirmed, or no party).
     */
    public boolean stillCounts(long ballotId, long memberId) {
        return db.fetchExists(DSL.selectOne().from(UNITY_ELECTOR).join(MEMBER).on(MEMBER.ID.eq(UNITY_ELECTOR.MEMBER_ID))
                .join(UNITY_BALLOT).on(UNITY_BALLOT.ID.eq(UNITY_ELECTOR.BALLOT_ID))
                .join(GROUP_MEMBERSHIP).on(GROUP_MEMBERSHIP.MEMBER_ID.eq(MEMBER.ID)).and(GROUP_MEMBERSHIP.GROUP_ID.in(
                        DSL.select(PACT_PART.GROUP_ID).from(PACT_PART).where(PACT_PART.PACT_ID.eq(UNITY_BALLOT.PACT_ID))
                                .and(PACT_PART.PART.in("HOME", "JOINED"))))
                .where(UNITY_ELECTOR.BALLOT_ID.eq(ballotId)).and(UNITY_ELECTOR.MEMBER_ID.eq(memberId))
                .and(MEMBER.PARTY_ID.eq(UNITY_ELECTOR.PARTY_ID)).and(COUNTS_FOR_PARTY).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE")));
    }

    /**
     * Replaces the member's marks with {@code candidates} (ranked in this order, or approved when {@code ranked} is
     * false). Returns whether they had marked before.
     */
    public boolean replaceMarks(long ballotId, long memberId, List<Long> candidates, boolean ranked) {
        int removed = db.deleteFrom(UNITY_MARK).where(UNITY_MARK.BALLOT_ID.eq(ballotId)).and(UNITY_MARK.MEMBER_ID.eq(memberId)).execute();
        var insert = db.insertInto(UNITY_MARK, UNITY_MARK.BALLOT_ID, UNITY_MARK.MEMBER_ID, UNITY_MARK.CANDIDATE_ID, UNITY_MARK.RANK);
        for (int i = 0; i < candidates.size(); i++) {
            insert = insert.values(ballotId, memberId, candidates.get(i), ranked ? i + 1 : null);
        }
        insert.execute();
        return removed > 0;
    }

    /** The member's marks: candidate ids, first preference first (for approvals, in ballot-paper order). */
    public List<Long> marksOf(long ballotId, long memberId) {
        return db.select(UNITY_MARK.CANDIDATE_ID).from(UNITY_MARK).join(UNITY_CANDIDATE).on(UNITY_CANDIDATE.ID.eq(UNITY_MARK.CANDIDATE_ID))
                .where(UNITY_MARK.BALLOT_ID.eq(ballotId)).and(UNITY_MARK.MEMBER_ID.eq(memberId))
                .orderBy(UNITY_MARK.RANK.nullsLast(), UNITY_CANDIDATE.POSITION).fetch(UNITY_MARK.CANDIDATE_ID);
    }

    /** One elector's marks with the party they vote for, for the count. */
    public record Marks(String voterParty, List<Long> candidates) {
    }

    /** Every elector's marks who marked at all, each in rank (or ballot-paper) order. */
    public List<Marks> allMarks(long ballotId) {
        Map<Long, Marks> byMember = new LinkedHashMap<>();
        db.select(UNITY_MARK.MEMBER_ID, PARTY.CODE, UNITY_MARK.CANDIDATE_ID).from(UNITY_MARK)
                .join(UNITY_ELECTOR).on(UNITY_ELECTOR.BALLOT_ID.eq(UNITY_MARK.BALLOT_ID)).and(UNITY_ELECTOR.MEMBER_ID.eq(UNITY_MARK.MEMBER_ID))
                .join(PARTY).on(PARTY.ID.eq(UNITY_ELECTOR.PARTY_ID))
                .join(UNITY_CANDIDATE).on(UNITY_CANDIDATE.ID.eq(UNITY_MARK.CANDIDATE_ID))
                .where(UNITY_MARK.BALLOT_ID.eq(ballotId))
                .orderBy(UNITY_MARK.MEMBER_ID, UNITY_MARK.RANK.nullsLast(), UNITY_CANDIDATE.POSITION)
                .forEach(r -> byMember.computeIfAbsent(r.value1(), m -> new Marks(r.value2(), new ArrayList<>())).candidates().add(r.value3()));
        return List.copyOf(byMember.values());
    }

    public int electorate(long ballotId) {
        return db.fetchCount(UNITY_ELECTOR, UNITY_ELECTOR.BALLOT_ID.eq(ballotId));
    }

    public int voted(long ballotId) {
        return db.fetchCount(DSL.selectDistinct(UNITY_MARK.MEMBER_ID).from(UNITY_MARK).where(UNITY_MARK.BALLOT_ID.eq(ballotId)));
    }

    public boolean close(long ballotId, Long closedBy, String explanation, int ballotsCast, Long electedId) {
        return db.update(UNITY_BALLOT).set(UNITY_BALLOT.CLOSED_AT, OffsetDateTime.now()).set(UNITY_BALLOT.CLOSED_BY, closedBy)
                .set(UNITY_BALLOT.EXPLANATION, explanation).set(UNITY_BALLOT.BALLOTS_CAST, ballotsCast).set(UNITY_BALLOT.ELECTED_ID, electedId)
                .where(UNITY_BALLOT.ID.eq(ballotId)).and(UNITY_BALLOT.CLOSED_AT.isNull()).execute() == 1;
    }

    /** Records the amendment that wrote the winner into the terms; false if one already did. */
    public boolean attachAmendment(long ballotId, long amendmentId) {
        return db.update(UNITY_BALLOT).set(UNITY_BALLOT.AMENDMENT_ID, amendmentId)
                .where(UNITY_BALLOT.ID.eq(ballotId)).and(UNITY_BALLOT.AMENDMENT_ID.isNull()).execute() == 1;
    }

    public List<UnityBallotSummary> ofPact(long pactId) {
        return db.select(UNITY_BALLOT.ID, UNITY_BALLOT.ONS_CODE, UNITY_BALLOT.CONSTITUENCY, UNITY_BALLOT.METHOD, UNITY_BALLOT.CLOSES_AT,
                        UNITY_BALLOT.CLOSED_AT, UNITY_CANDIDATE.NAME)
                .from(UNITY_BALLOT).leftJoin(UNITY_CANDIDATE).on(UNITY_CANDIDATE.ID.eq(UNITY_BALLOT.ELECTED_ID))
                .where(UNITY_BALLOT.PACT_ID.eq(pactId)).orderBy(UNITY_BALLOT.ID.desc())
                .fetch(r -> new UnityBallotSummary(r.value1(), r.value2(), r.value3(), UnityMethod.valueOf(r.value4()), r.value5(), r.value6(), r.value7()));
    }

    /** Open ballots whose closing time has passed, for the scheduler. */
    public List<Long> due(OffsetDateTime now) {
        return db.select(UNITY_BALLOT.ID).from(UNITY_BALLOT).where(UNITY_BALLOT.CLOSED_AT.isNull()).and(UNITY_BALLOT.CLOSES_AT.le(now))
                .fetch(UNITY_BALLOT.ID);
    }

    /** Who may close a due ballot for the scheduler: its opener, then the group's convenors. */
    public List<Long> closers(long ballotId) {
        List<Long> closers = new ArrayList<>();
        db.select(UNITY_BALLOT.OPENED_BY).from(UNITY_BALLOT).where(UNITY_BALLOT.ID.eq(ballotId)).fetchOptional(UNITY_BALLOT.OPENED_BY).ifPresent(closers::add);
        db.select(GROUP_MEMBERSHIP.MEMBER_ID).from(GROUP_MEMBERSHIP).join(UNITY_BALLOT).on(UNITY_BALLOT.GROUP_ID.eq(GROUP_MEMBERSHIP.GROUP_ID))
                .where(UNITY_BALLOT.ID.eq(ballotId)).and(GROUP_MEMBERSHIP.ROLE.eq("CONVENOR")).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE"))
                .orderBy(GROUP_MEMBERSHIP.MEMBER_ID).fetch(GROUP_MEMBERSHIP.MEMBER_ID).stream().filter(id -> !closers.contains(id)).forEach(closers::add);
        return closers;
    }
}
