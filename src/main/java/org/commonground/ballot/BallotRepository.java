package org.commonground.ballot;

import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.CORRECTION;
import static org.commonground.jooq.Tables.BALLOT_ELECTOR;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;
import static org.commonground.jooq.Tables.VOTE;
import static org.commonground.security.CurrentMember.COUNTS_FOR_PARTY;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonground.audit.AuditAction;
import org.commonground.database.RenderedQuery;
import org.commonground.jooq.tables.records.BallotRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class BallotRepository {

    private static final Field<Long> BALLOT_ID = DSL.param("ballotId", Long.class);
    private static final Table<?> COUNTED = DSL.select(BALLOT_ELECTOR.PARTY_ID,
                    DSL.count().as("electorate"),
                    DSL.count(VOTE.CHOICE).filterWhere(VOTE.CHOICE.eq(DSL.inline("FOR"))).as("for_votes"),
                    DSL.count(VOTE.CHOICE).filterWhere(VOTE.CHOICE.eq(DSL.inline("AGAINST"))).as("against"),
                    DSL.count(VOTE.CHOICE).filterWhere(VOTE.CHOICE.eq(DSL.inline("ABSTAIN"))).as("abstain"))
            .from(BALLOT_ELECTOR)
            .leftJoin(VOTE).on(VOTE.BALLOT_ID.eq(BALLOT_ELECTOR.BALLOT_ID)).and(VOTE.MEMBER_ID.eq(BALLOT_ELECTOR.MEMBER_ID))
            .where(BALLOT_ELECTOR.BALLOT_ID.eq(BALLOT_ID))
            .groupBy(BALLOT_ELECTOR.PARTY_ID).asTable("counted");
    private static final Field<Integer> ELECTORATE = COUNTED.field("electorate", Integer.class);
    private static final Field<Integer> FOR_VOTES = COUNTED.field("for_votes", Integer.class);
    private static final Field<Integer> AGAINST = COUNTED.field("against", Integer.class);
    private static final Field<Integer> ABSTAIN = COUNTED.field("abstain", Integer.class);

    private final DSLContext db;
    // What every open ballot page reads again at each vote: rendered once (see RenderedQuery).
    private final RenderedQuery find;
    private final RenderedQuery tally;
    private final RenderedQuery namedVotes;
    private final RenderedQuery electorsVote;

    public BallotRepository(DSLContext db) {
        this.db = db;
        this.find = new RenderedQuery(db, db.selectFrom(BALLOT).where(BALLOT.ID.eq(BALLOT_ID)));
        this.tally = new RenderedQuery(db, db.select(PARTY.CODE, PARTY.COLOUR, ELECTORATE, FOR_VOTES, AGAINST, ABSTAIN)
                .from(COUNTED).join(PARTY).on(PARTY.ID.eq(COUNTED.field(BALLOT_ELECTOR.PARTY_ID)))
                .orderBy(ELECTORATE.desc(), PARTY.CODE));
        this.namedVotes = new RenderedQuery(db, db.select(MEMBER.DISPLAY_NAME, PARTY.CODE, VOTE.CHOICE, VOTE.REASON)
                .from(VOTE).join(MEMBER).on(MEMBER.ID.eq(VOTE.MEMBER_ID))
                .join(BALLOT_ELECTOR).on(BALLOT_ELECTOR.BALLOT_ID.eq(VOTE.BALLOT_ID)).and(BALLOT_ELECTOR.MEMBER_ID.eq(VOTE.MEMBER_ID))
                .join(PARTY).on(PARTY.ID.eq(BALLOT_ELECTOR.PARTY_ID))
                .where(VOTE.BALLOT_ID.eq(BALLOT_ID))
                .orderBy(PARTY.CODE, MEMBER.DISPLAY_NAME));
        this.electorsVote = new RenderedQuery(db, db.select(VOTE.CHOICE, VOTE.REASON).from(BALLOT_ELECTOR)
                .leftJoin(VOTE).on(VOTE.BALLOT_ID.eq(BALLOT_ELECTOR.BALLOT_ID)).and(VOTE.MEMBER_ID.eq(BALLOT_ELECTOR.MEMBER_ID))
                .where(BALLOT_ELECTOR.BALLOT_ID.eq(BALLOT_ID)).and(BALLOT_ELECTOR.MEMBER_ID.eq(DSL.param("memberId", Long.class))));
    }

    public long insert(long proposalId, Long amendmentId, int revision, BallotSettings s, long openedBy) {
        return insert(proposalId, amendmentId, null, null, revision, s, openedBy);
    }

    /** A party's election of a delegate in a group: the party's confirmed members there vote on one candidate. */
    public long insertElection(long groupId, long partyId, long candidateId, BallotSettings s, long openedBy) {
        return db.insertInto(BALLOT).set(BALLOT.GROUP_ID, groupId).set(BALLOT.PARTY_ID, partyId).set(BALLOT.CANDIDATE_ID, candidateId)
                .set(BALLOT.REVISION, 1).set(BALLOT.RULE, s.rule().name()).set(BALLOT.SECRET, s.secret())
                .set(BALLOT.OVERALL_QUORUM, s.overallQuorum()).set(BALLOT.PARTY_QUORUM, s.partyQuorum()).set(BALLOT.CLOSES_AT, s.closesAt())
                .set(BALLOT.OPENED_BY, openedBy).returning(BALLOT.ID).fetchOne(BALLOT.ID);
    }

    /** The group's elections of delegates, newest first. */
    public List<DelegateElection> elections(long groupId) {
        return db.select(BALLOT.ID, PARTY.CODE, BALLOT.CANDIDATE_ID, MEMBER.DISPLAY_NAME, BALLOT.CLOSES_AT, BALLOT.CLOSED_AT, BALLOT.PASSED)
                .from(BALLOT).join(PARTY).on(PARTY.ID.eq(BALLOT.PARTY_ID)).join(MEMBER).on(MEMBER.ID.eq(BALLOT.CANDIDATE_ID))
                .where(BALLOT.GROUP_ID.eq(groupId)).orderBy(BALLOT.ID.desc())
                .fetch(r -> new DelegateElection(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    public String displayName(long memberId) {
        return db.select(MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchOne(MEMBER.DISPLAY_NAME);
    }

    /** The correction of this proposal is waiting for its parties' consent (V19). */
    public boolean correctionAwaits(long proposalId, long correctionId) {
        return db.fetchExists(CORRECTION, CORRECTION.ID.eq(correctionId).and(CORRECTION.PROPOSAL_ID.eq(proposalId))
                .and(CORRECTION.STATE.eq("AWAITING_CONSENT")));
    }

    /** The group's ballot on a correction of its published proposal. */
    public long insertOnCorrection(long proposalId, long correctionId, int revision, BallotSettings s, long openedBy) {
        long id = insert(proposalId, null, null, null, revision, s, openedBy);
        db.update(BALLOT).set(BALLOT.CORRECTION_ID, correctionId).where(BALLOT.ID.eq(id)).execute();
        return id;
    }

    /** A party's ratification of a pact: only that party's members in the group vote. */
    public long insertRatification(long pactId, long partyId, int revision, BallotSettings s, long openedBy) {
        return insert(null, null, pactId, partyId, revision, s, openedBy);
    }

    private long insert(Long proposalId, Long amendmentId, Long pactId, Long partyId, int revision, BallotSettings s, long openedBy) {
        return db.insertInto(BALLOT)
                .set(BALLOT.PROPOSAL_ID, proposalId)
                .set(BALLOT.AMENDMENT_ID, amendmentId)
                .set(BALLOT.PACT_ID, pactId)
                .set(BALLOT.PARTY_ID, partyId)
                .set(BALLOT.REVISION, revision)
                .set(BALLOT.RULE, s.rule().name())
                .set(BALLOT.SECRET, s.secret())
                .set(BALLOT.OVERALL_QUORUM, s.overallQuorum())
                .set(BALLOT.PARTY_QUORUM, s.partyQuorum())
                .set(BALLOT.CLOSES_AT, s.closesAt())
                .set(BALLOT.OPENED_BY, openedBy)
                .returning(BALLOT.ID).fetchOne(BALLOT.ID);
    }

    /**
     * Fixes the electorate: the group's active members now (of one party only, if given), with their parties now,
     * leaving out those whose party is only claimed; records how many were left out. Returns the electors.
     */
    public int fixElectorate(long ballotId, long groupId, Long onlyParty) {
        return fixElectorate(ballotId, List.of(groupId), onlyParty);
    }

    /** As {@link #fixElectorate(long, long, Long)} across several groups (a pact's): a member of two of them is one elector. */
    public int fixElectorate(long ballotId, Collection<Long> groupIds, Long onlyParty) {
        Condition inGroup = inGroups(groupIds, onlyParty);
        int electors = db.insertInto(BALLOT_ELECTOR, BALLOT_ELECTOR.BALLOT_ID, BALLOT_ELECTOR.MEMBER_ID, BALLOT_ELECTOR.PARTY_ID)
                .select(DSL.selectDistinct(DSL.val(ballotId), MEMBER.ID, MEMBER.PARTY_ID)
                        .from(GROUP_MEMBERSHIP).join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                        .where(inGroup).and(COUNTS_FOR_PARTY))
                .execute();
        db.update(BALLOT).set(BALLOT.LEFT_OUT_CLAIMED, DSL.select(DSL.countDistinct(MEMBER.ID)).from(GROUP_MEMBERSHIP).join(MEMBER)
                        .on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID)).where(inGroup).andNot(COUNTS_FOR_PARTY).<Integer>asField())
                .where(BALLOT.ID.eq(ballotId)).execute();
        return electors;
    }

    /** How many electors {@link #fixElectorate} would fix if the ballot opened now. */
    public int countElectorate(long groupId, Long onlyParty) {
        return db.fetchCount(DSL.selectOne().from(GROUP_MEMBERSHIP).join(MEMBER).on(MEMBER.ID.eq(GROUP_MEMBERSHIP.MEMBER_ID))
                .where(inGroup(groupId, onlyParty)).and(COUNTS_FOR_PARTY));
    }

    private static Condition inGroup(long groupId, Long onlyParty) {
        return inGroups(List.of(groupId), onlyParty);
    }

    private static Condition inGroups(Collection<Long> groupIds, Long onlyParty) {
        return GROUP_MEMBERSHIP.GROUP_ID.in(groupIds).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE"))
                .and(onlyParty == null ? DSL.noCondition() : MEMBER.PARTY_ID.eq(onlyParty));
    }

    /** Whether the member's party is only claimed, so that ballots leave them out. */
    public boolean partyOnlyClaimed(long memberId) {
        return db.fetchExists(MEMBER, MEMBER.ID.eq(memberId).andNot(COUNTS_FOR_PARTY));
    }

    public Optional<BallotRecord> find(long ballotId) {
        return find.fetch(db, Map.of("ballotId", ballotId)).stream().findFirst().map(r -> r.into(BALLOT));
    }

    public Optional<BallotRecord> lockForClosing(long ballotId) {
        return db.selectFrom(BALLOT).where(BALLOT.ID.eq(ballotId)).forUpdate().fetchOptional();
    }

    /** The active convenors of the group whose ballot this is, by id. */
    public List<Long> convenorsOf(long ballotId) {
        return db.fetch("""
                select m.member_id from ballot b
                left join proposal p on p.id = b.proposal_id
                left join pact k on k.id = b.pact_id
                join group_membership m on m.group_id = coalesce(p.group_id, k.group_id, b.group_id)
                where b.id = ? and m.role = 'CONVENOR' and m.status = 'ACTIVE'
                order by m.member_id""", ballotId).getValues(0, Long.class);
    }

    public List<BallotRecord> ofProposal(long proposalId) {
        return db.selectFrom(BALLOT).where(BALLOT.PROPOSAL_ID.eq(proposalId)).orderBy(BALLOT.ID.desc()).fetch();
    }

    public String partyCode(long partyId) {
        return db.select(PARTY.CODE).from(PARTY).where(PARTY.ID.eq(partyId)).fetchOne(PARTY.CODE);
    }

    public List<Long> due(OffsetDateTime now) {
        return db.select(BALLOT.ID).from(BALLOT).where(BALLOT.CLOSED_AT.isNull()).and(BALLOT.CLOSES_AT.le(now)).fetch(BALLOT.ID);
    }

    public boolean isElector(long ballotId, long memberId) {
        return db.fetchExists(BALLOT_ELECTOR, BALLOT_ELECTOR.BALLOT_ID.eq(ballotId).and(BALLOT_ELECTOR.MEMBER_ID.eq(memberId)));
    }

    /**
     * Casts or changes a vote and records it in the audit trail, in one statement, only if the ballot is open, the
     * member is in its electorate and still an active member of the group, and the proposal is still being
     * decided (or, for a ratification, the pact is still being ratified). The key-share lock on the ballot's row is shared by voters and excluded by a closer's update lock,
     * so no vote lands after the count. A secret ballot's audit event says that the member voted, never how.
     *
     * @return false when any condition fails; nothing is stored then
     */
    public boolean castAndAudit(long ballotId, long memberId, Choice choice, String reason) {
        // Plain JDBC on jOOQ's (Spring-managed) connection: this is the hot path, and the SQL never changes.
        return db.connectionResult(connection -> {
            try (PreparedStatement cast = connection.prepareStatement(CAST_AND_AUDIT)) {
                cast.setLong(1, ballotId);
                cast.setLong(2, memberId);
                cast.setLong(3, memberId);
                cast.setLong(4, memberId);
                cast.setLong(5, memberId);
                cast.setString(6, choice.name());
                cast.setString(7, reason);
                cast.setLong(8, memberId);
                cast.setLong(9, ballotId);
                cast.setString(10, choice.name());
                return cast.executeUpdate() == 1;
            }
        });
    }

    private static final String CAST_AND_AUDIT = """
            with allowed as (
                select b.id, b.secret from ballot b
                left join proposal p on p.id = b.proposal_id
                left join pact k on k.id = b.pact_id
                where b.id = ? and b.closed_at is null and (b.closes_at is null or b.closes_at > now())
                  -- what it decides is still being decided: a correction of a published text is decided while published
                  and (p.state in ('DISCUSSION', 'VOTING') or (b.correction_id is not null and p.state = 'PUBLISHED') or k.state = 'RATIFYING'
                       or b.group_id is not null)
                  -- CurrentMember.COUNTS_FOR_PARTY, for the elector as they are now
                  and exists (select 1 from ballot_elector e join member u on u.id = e.member_id join party y on y.id = u.party_id
                              where e.ballot_id = b.id and e.member_id = ? and u.party_id = e.party_id
                                and (u.party_confirmed_at is not null or y.code = 'NONE'))
                  -- still an active member of the group or, for a pact, of one of the local groups that joined it (V32)
                  and (exists (select 1 from group_membership m where m.group_id = coalesce(p.group_id, k.group_id, b.group_id)
                               and m.member_id = ? and m.status = 'ACTIVE')
                       or exists (select 1 from pact_joined_group j join group_membership m on m.group_id = j.group_id
                                  where j.pact_id = k.id and j.state = 'JOINED' and m.member_id = ? and m.status = 'ACTIVE'))
                for key share of b
            ), cast_vote as (
                insert into vote (ballot_id, member_id, choice, reason)
                select id, ?, ?, ? from allowed
                on conflict (ballot_id, member_id) do update
                    set choice = excluded.choice, reason = excluded.reason, changed_at = now()
                returning (xmax = 0) as first_vote
            )
            insert into audit_event (actor_id, action, subject_type, subject_id, detail)
            select ?, case when first_vote then '%s' else '%s' end, 'ballot', ?,
                   case when (select secret from allowed) then '' else ? end
            from cast_vote
            """.formatted(AuditAction.VOTE_CAST.code(), AuditAction.VOTE_CHANGED.code());

    /**
     * The member's part in a ballot, in one query: empty when they are not in its electorate, else their vote's
     * choice and reason (both null before they vote). Only electors can have voted.
     */
    public Optional<MyPart> electorsVote(long ballotId, long memberId) {
        return electorsVote.fetch(db, Map.of("ballotId", ballotId, "memberId", memberId)).stream().findFirst()
                .map(r -> new MyPart(r.get(VOTE.CHOICE) == null ? null : Choice.valueOf(r.get(VOTE.CHOICE)), r.get(VOTE.REASON)));
    }

    /**
     * Every elector's part in a ballot, by member: for the pages brought up to date together, which each show their
     * own member's vote from one read instead of a query each.
     */
    public Map<Long, MyPart> electorsVotes(long ballotId) {
        Map<Long, MyPart> parts = new HashMap<>();
        db.select(BALLOT_ELECTOR.MEMBER_ID, VOTE.CHOICE, VOTE.REASON).from(BALLOT_ELECTOR)
                .leftJoin(VOTE).on(VOTE.BALLOT_ID.eq(BALLOT_ELECTOR.BALLOT_ID)).and(VOTE.MEMBER_ID.eq(BALLOT_ELECTOR.MEMBER_ID))
                .where(BALLOT_ELECTOR.BALLOT_ID.eq(ballotId))
                .forEach(r -> parts.put(r.value1(), new MyPart(r.value2() == null ? null : Choice.valueOf(r.value2()), r.value3())));
        return parts;
    }

    /** An elector's vote: both null before they vote. */
    public record MyPart(Choice choice, String reason) {
    }

    /** Per party: code, colour, electorate, and the count of each choice: always derived from the votes. */
    public List<PartyCount> tally(long ballotId) {
        return tally.fetch(db, Map.of("ballotId", ballotId)).map(r -> new PartyCount(r.get(PARTY.CODE), r.get(PARTY.COLOUR),
                r.get(ELECTORATE), r.get(FOR_VOTES), r.get(AGAINST), r.get(ABSTAIN)));
    }

    public record PartyCount(String party, String colour, int electorate, int forVotes, int against, int abstain) {
        public int voted() {
            return forVotes + against + abstain;
        }
    }

    /** Names with choices: the service calls this for OPEN ballots only. */
    public List<NamedVote> namedVotes(long ballotId) {
        // By position: finding each field by name, among the aliased tables, cost more than the query at 2,000 votes.
        return namedVotes.fetch(db, Map.of("ballotId", ballotId)).map(r -> new NamedVote(r.get(0, String.class), r.get(1, String.class),
                Choice.valueOf(r.get(2, String.class)), r.get(3, String.class)));
    }

    public boolean close(long ballotId, Long closedBy, boolean passed, String explanation) {
        return db.update(BALLOT)
                .set(BALLOT.CLOSED_AT, OffsetDateTime.now())
                .set(BALLOT.CLOSED_BY, closedBy)
                .set(BALLOT.PASSED, passed)
                .set(BALLOT.EXPLANATION, explanation)
                .where(BALLOT.ID.eq(ballotId)).and(BALLOT.CLOSED_AT.isNull())
                .execute() == 1;
    }
}
