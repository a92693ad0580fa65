package org.commonground.pact;

import static org.commonground.jooq.Tables.BALLOT_ELECTOR;
import static org.commonground.jooq.Tables.CONSTITUENCY;
import static org.commonground.jooq.Tables.CORRECTION;
import static org.commonground.jooq.Tables.GROUPS;
import static org.commonground.jooq.Tables.GROUP_CONSTITUENCY;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PACT;
import static org.commonground.jooq.Tables.PACT_AMENDMENT;
import static org.commonground.jooq.Tables.PACT_CONSTITUENCY;
import static org.commonground.jooq.Tables.PACT_JOINED_GROUP;
import static org.commonground.jooq.Tables.PACT_PART;
import static org.commonground.jooq.Tables.PACT_READER;
import static org.commonground.jooq.Tables.PACT_RATIFICATION;
import static org.commonground.jooq.Tables.PACT_REVISION;
import static org.commonground.jooq.Tables.PARTY;
import static org.commonground.jooq.Tables.VOTE;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonground.jooq.tables.Member;
import org.commonground.jooq.tables.records.PactAmendmentRecord;
import org.commonground.jooq.tables.records.PactRatificationRecord;
import org.commonground.jooq.tables.records.PactRecord;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class PactRepository {

    private final DSLContext db;

    public PactRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(long groupId, String title, Long electionId, long createdBy) {
        return db.insertInto(PACT).set(PACT.GROUP_ID, groupId).set(PACT.TITLE, title).set(PACT.ELECTION_ID, electionId)
                .set(PACT.CREATED_BY, createdBy).returning(PACT.ID).fetchOne(PACT.ID);
    }

    public void insertRevision(long pactId, int number, PactTerms terms, long authorId, String note) {
        db.insertInto(PACT_REVISION).set(PACT_REVISION.PACT_ID, pactId).set(PACT_REVISION.NUMBER, number)
                .set(PACT_REVISION.TERMS, json(terms.seats())).set(PACT_REVISION.CONDITIONS, terms.conditions())
                .set(PACT_REVISION.AUTHOR_ID, authorId).set(PACT_REVISION.NOTE, note).execute();
        db.update(PACT).set(PACT.CURRENT_REVISION, number).set(PACT.VERSION, PACT.VERSION.plus(1)).where(PACT.ID.eq(pactId)).execute();
        db.deleteFrom(PACT_CONSTITUENCY).where(PACT_CONSTITUENCY.PACT_ID.eq(pactId)).execute();
        var insert = db.insertInto(PACT_CONSTITUENCY, PACT_CONSTITUENCY.PACT_ID, PACT_CONSTITUENCY.ONS_CODE);
        for (SeatTerms seat : terms.seats()) {
            insert = insert.values(pactId, seat.onsCode());
        }
        insert.onConflictDoNothing().execute();
    }

    public Optional<PactRecord> find(long pactId) {
        return db.selectFrom(PACT).where(PACT.ID.eq(pactId)).fetchOptional();
    }

    /** The pact's row, locked: state changes and new revisions are serialised per pact. */
    public Optional<PactRecord> lock(long pactId) {
        return db.selectFrom(PACT).where(PACT.ID.eq(pactId)).forUpdate().fetchOptional();
    }

    public void changeState(long pactId, PactState to, String reason) {
        db.update(PACT).set(PACT.STATE, to.name()).set(PACT.STATE_REASON, reason).set(PACT.VERSION, PACT.VERSION.plus(1))
                .where(PACT.ID.eq(pactId)).execute();
    }

    /** The correction of this pact is waiting for its parties' consent (V19). */
    public boolean correctionAwaits(long pactId, long correctionId) {
        return db.fetchExists(CORRECTION, CORRECTION.ID.eq(correctionId).and(CORRECTION.PACT_ID.eq(pactId)).and(CORRECTION.STATE.eq("AWAITING_CONSENT")));
    }

    /**
     * The correction of the published pact that awaits its parties' consent: while there is one, the pact's round of
     * ratification is on it.
     */
    public Optional<Long> awaitingCorrection(long pactId) {
        return db.select(CORRECTION.ID).from(CORRECTION).where(CORRECTION.PACT_ID.eq(pactId)).and(CORRECTION.STATE.eq("AWAITING_CONSENT"))
                .fetchOptional(CORRECTION.ID);
    }

    public int startRound(long pactId) {
        return db.update(PACT).set(PACT.STATE, PactState.RATIFYING.name()).set(PACT.STATE_REASON, "").set(PACT.ROUND, PACT.ROUND.plus(1))
                .set(PACT.VERSION, PACT.VERSION.plus(1)).where(PACT.ID.eq(pactId)).returning(PACT.ROUND).fetchOne(PACT.ROUND);
    }

    public List<PactRevision> revisions(long pactId) {
        return db.select(PACT_REVISION.fields()).select(MEMBER.DISPLAY_NAME).from(PACT_REVISION)
                .join(MEMBER).on(MEMBER.ID.eq(PACT_REVISION.AUTHOR_ID))
                .where(PACT_REVISION.PACT_ID.eq(pactId)).orderBy(PACT_REVISION.NUMBER.desc())
                .fetch(r -> new PactRevision(r.get(PACT_REVISION.NUMBER), new PactTerms(seats(r.get(PACT_REVISION.TERMS)), r.get(PACT_REVISION.CONDITIONS)),
                        r.get(MEMBER.DISPLAY_NAME), r.get(PACT_REVISION.NOTE), r.get(PACT_REVISION.CREATED_AT)));
    }

    public PactTerms terms(long pactId, int revision) {
        return db.select(PACT_REVISION.TERMS, PACT_REVISION.CONDITIONS).from(PACT_REVISION)
                .where(PACT_REVISION.PACT_ID.eq(pactId)).and(PACT_REVISION.NUMBER.eq(revision))
                .fetchOne(r -> new PactTerms(seats(r.value1()), r.value2()));
    }

    public long insertAmendment(long pactId, long proposerId, int baseRevision, PactTerms terms, String reason) {
        int number = db.select(DSL.coalesce(DSL.max(PACT_AMENDMENT.NUMBER), 0).plus(1)).from(PACT_AMENDMENT)
                .where(PACT_AMENDMENT.PACT_ID.eq(pactId)).fetchOne(0, Integer.class);
        return db.insertInto(PACT_AMENDMENT).set(PACT_AMENDMENT.PACT_ID, pactId).set(PACT_AMENDMENT.NUMBER, number)
                .set(PACT_AMENDMENT.PROPOSER_ID, proposerId).set(PACT_AMENDMENT.BASE_REVISION, baseRevision)
                .set(PACT_AMENDMENT.TERMS, json(terms.seats())).set(PACT_AMENDMENT.CONDITIONS, terms.conditions())
                .set(PACT_AMENDMENT.REASON, reason).returning(PACT_AMENDMENT.ID).fetchOne(PACT_AMENDMENT.ID);
    }

    public Optional<PactAmendmentRecord> amendment(long amendmentId) {
        return db.selectFrom(PACT_AMENDMENT).where(PACT_AMENDMENT.ID.eq(amendmentId)).fetchOptional();
    }

    /** Moves an amendment out of PROPOSED; false when it had already left it (a concurrent decision). */
    public boolean decideAmendment(long amendmentId, String to, long decidedBy, String reason, Integer mergedRevision) {
        return db.update(PACT_AMENDMENT).set(PACT_AMENDMENT.STATE, to).set(PACT_AMENDMENT.DECIDED_BY, decidedBy)
                .set(PACT_AMENDMENT.DECIDED_AT, OffsetDateTime.now()).set(PACT_AMENDMENT.DECISION_REASON, reason)
                .set(PACT_AMENDMENT.MERGED_REVISION, mergedRevision)
                .where(PACT_AMENDMENT.ID.eq(amendmentId)).and(PACT_AMENDMENT.STATE.eq("PROPOSED")).execute() == 1;
    }

    public List<PactAmendment> amendments(long pactId) {
        return db.select(PACT_AMENDMENT.fields()).select(MEMBER.DISPLAY_NAME, PARTY.CODE).from(PACT_AMENDMENT)
                .join(MEMBER).on(MEMBER.ID.eq(PACT_AMENDMENT.PROPOSER_ID)).join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .where(PACT_AMENDMENT.PACT_ID.eq(pactId)).orderBy(PACT_AMENDMENT.NUMBER)
                .fetch(r -> new PactAmendment(r.get(PACT_AMENDMENT.ID), r.get(PACT_AMENDMENT.NUMBER), r.get(PACT_AMENDMENT.PROPOSER_ID),
                        r.get(MEMBER.DISPLAY_NAME), r.get(PARTY.CODE), r.get(PACT_AMENDMENT.BASE_REVISION),
                        new PactTerms(seats(r.get(PACT_AMENDMENT.TERMS)), r.get(PACT_AMENDMENT.CONDITIONS)), r.get(PACT_AMENDMENT.REASON),
                        r.get(PACT_AMENDMENT.STATE), r.get(PACT_AMENDMENT.DECISION_REASON), r.get(PACT_AMENDMENT.MERGED_REVISION),
                        r.get(PACT_AMENDMENT.CREATED_AT)));
    }

    /** Open amendments are moot once the pact goes to ratification or collapses. */
    public void closeOpenAmendments(long pactId, long decidedBy, String reason) {
        db.update(PACT_AMENDMENT).set(PACT_AMENDMENT.STATE, "REJECTED").set(PACT_AMENDMENT.DECIDED_BY, decidedBy)
                .set(PACT_AMENDMENT.DECIDED_AT, OffsetDateTime.now()).set(PACT_AMENDMENT.DECISION_REASON, reason)
                .where(PACT_AMENDMENT.PACT_ID.eq(pactId)).and(PACT_AMENDMENT.STATE.eq("PROPOSED")).execute();
    }

    /** A party's place in a round of ratification, its plan still to be chosen by its delegates. */
    public void insertRatification(long pactId, int round, long partyId) {
        db.insertInto(PACT_RATIFICATION).set(PACT_RATIFICATION.PACT_ID, pactId).set(PACT_RATIFICATION.ROUND, round)
                .set(PACT_RATIFICATION.PARTY_ID, partyId).execute();
    }

    /**
     * Records the plan a party's delegate chose, once (or again, {@code replacingSigner} given, when the delegate named
     * to sign has stopped being one): false when another of its delegates chose first. The database refuses a chooser
     * or representative who is not a delegate (V18).
     */
    public boolean choosePlan(long pactId, int round, long partyId, RatificationMethod method, Long representativeId, long chosenBy,
                              Long replacingSigner) {
        Condition unchosen = replacingSigner == null ? PACT_RATIFICATION.METHOD.isNull()
                : PACT_RATIFICATION.REPRESENTATIVE_ID.eq(replacingSigner).and(PACT_RATIFICATION.VERDICT.isNull());
        return db.update(PACT_RATIFICATION).set(PACT_RATIFICATION.METHOD, method.name()).set(PACT_RATIFICATION.REPRESENTATIVE_ID, representativeId)
                .set(PACT_RATIFICATION.CHOSEN_BY, chosenBy).set(PACT_RATIFICATION.CHOSEN_AT, OffsetDateTime.now())
                .where(PACT_RATIFICATION.PACT_ID.eq(pactId)).and(PACT_RATIFICATION.ROUND.eq(round))
                .and(PACT_RATIFICATION.PARTY_ID.eq(partyId)).and(unchosen).execute() == 1;
    }

    public void attachBallot(long pactId, int round, long partyId, long ballotId) {
        db.update(PACT_RATIFICATION).set(PACT_RATIFICATION.BALLOT_ID, ballotId).where(PACT_RATIFICATION.PACT_ID.eq(pactId))
                .and(PACT_RATIFICATION.ROUND.eq(round)).and(PACT_RATIFICATION.PARTY_ID.eq(partyId)).execute();
    }

    public Optional<PactRatificationRecord> ratification(long pactId, int round, long partyId) {
        return db.selectFrom(PACT_RATIFICATION).where(PACT_RATIFICATION.PACT_ID.eq(pactId)).and(PACT_RATIFICATION.ROUND.eq(round))
                .and(PACT_RATIFICATION.PARTY_ID.eq(partyId)).fetchOptional();
    }

    public Optional<PactRatificationRecord> ratificationByBallot(long ballotId) {
        return db.selectFrom(PACT_RATIFICATION).where(PACT_RATIFICATION.BALLOT_ID.eq(ballotId)).fetchOptional();
    }

    /** Records a party's verdict once: false when it already had one (ratifying twice). */
    public boolean decide(long pactId, int round, long partyId, String verdict, String reason, Long decidedBy) {
        return db.update(PACT_RATIFICATION).set(PACT_RATIFICATION.VERDICT, verdict).set(PACT_RATIFICATION.REASON, reason)
                .set(PACT_RATIFICATION.DECIDED_BY, decidedBy).set(PACT_RATIFICATION.DECIDED_AT, OffsetDateTime.now())
                .where(PACT_RATIFICATION.PACT_ID.eq(pactId)).and(PACT_RATIFICATION.ROUND.eq(round))
                .and(PACT_RATIFICATION.PARTY_ID.eq(partyId)).and(PACT_RATIFICATION.VERDICT.isNull()).execute() == 1;
    }

    public boolean allRatified(long pactId, int round) {
        return !db.fetchExists(PACT_RATIFICATION, PACT_RATIFICATION.PACT_ID.eq(pactId).and(PACT_RATIFICATION.ROUND.eq(round))
                .and(PACT_RATIFICATION.VERDICT.isNull().or(PACT_RATIFICATION.VERDICT.ne("RATIFIED"))));
    }

    public List<Ratification> ratifications(long pactId, int round) {
        Member representative = MEMBER.as("representative");
        Member decider = MEMBER.as("decider");
        org.jooq.Field<Integer> electorate = DSL.field(DSL.select(DSL.count()).from(BALLOT_ELECTOR).where(BALLOT_ELECTOR.BALLOT_ID.eq(PACT_RATIFICATION.BALLOT_ID)));
        org.jooq.Field<Integer> voted = DSL.field(DSL.select(DSL.count()).from(VOTE).where(VOTE.BALLOT_ID.eq(PACT_RATIFICATION.BALLOT_ID)));
        return db.select(PARTY.CODE, PARTY.COLOUR, PACT_RATIFICATION.METHOD, PACT_RATIFICATION.REPRESENTATIVE_ID, representative.DISPLAY_NAME,
                        PACT_RATIFICATION.BALLOT_ID, electorate.as("electorate"), voted.as("voted"), PACT_RATIFICATION.VERDICT,
                        PACT_RATIFICATION.REASON, decider.DISPLAY_NAME, PACT_RATIFICATION.DECIDED_AT)
                .from(PACT_RATIFICATION).join(PARTY).on(PARTY.ID.eq(PACT_RATIFICATION.PARTY_ID))
                .leftJoin(representative).on(representative.ID.eq(PACT_RATIFICATION.REPRESENTATIVE_ID))
                .leftJoin(decider).on(decider.ID.eq(PACT_RATIFICATION.DECIDED_BY))
                .where(PACT_RATIFICATION.PACT_ID.eq(pactId)).and(PACT_RATIFICATION.ROUND.eq(round))
                .orderBy(PARTY.CODE)
                .fetch(r -> new Ratification(r.value1(), r.value2(), r.value3() == null ? null : RatificationMethod.valueOf(r.value3()), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    /** Ballots of a round still open: cancelled when one party rejects. */
    public List<Long> openBallots(long pactId, int round) {
        return db.select(PACT_RATIFICATION.BALLOT_ID).from(PACT_RATIFICATION)
                .where(PACT_RATIFICATION.PACT_ID.eq(pactId)).and(PACT_RATIFICATION.ROUND.eq(round))
                .and(PACT_RATIFICATION.BALLOT_ID.isNotNull()).and(PACT_RATIFICATION.VERDICT.isNull())
                .fetch(PACT_RATIFICATION.BALLOT_ID);
    }

    /** The one readership rule, V32's {@code pact_reader} view: the permission is part of every query that lists pacts. */
    private static Condition readableBy(long memberId) {
        return PACT.ID.in(DSL.select(PACT_READER.PACT_ID).from(PACT_READER).where(PACT_READER.MEMBER_ID.eq(memberId)));
    }

    /** Empty when the member may not read the pact; else whether they convene one of the groups that ratify it. */
    public Optional<Boolean> reader(long pactId, long memberId) {
        return db.select(DSL.boolOr(PACT_READER.CONVENES)).from(PACT_READER)
                .where(PACT_READER.PACT_ID.eq(pactId)).and(PACT_READER.MEMBER_ID.eq(memberId))
                .fetchOptional(0, Boolean.class);
    }

    /** The groups that ratify the pact (whose parties' delegates and confirmed members decide for it): home first. */
    public List<Long> ratifyingGroups(long pactId) {
        return db.select(PACT_PART.GROUP_ID).from(PACT_PART).where(PACT_PART.PACT_ID.eq(pactId))
                .and(PACT_PART.PART.in(PactGroupPart.HOME.name(), PactGroupPart.JOINED.name()))
                .orderBy(DSL.when(PACT_PART.PART.eq(PactGroupPart.HOME.name()), 0).otherwise(1), PACT_PART.GROUP_ID).fetch(PACT_PART.GROUP_ID);
    }

    /** Every group with a part in the pact, home first, then joined, invited, reading and invited to read. */
    public List<PactGroup> groups(long pactId, long readerId) {
        var convenes = DSL.exists(DSL.selectOne().from(GROUP_MEMBERSHIP).where(GROUP_MEMBERSHIP.GROUP_ID.eq(PACT_PART.GROUP_ID))
                .and(GROUP_MEMBERSHIP.MEMBER_ID.eq(readerId)).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE")).and(GROUP_MEMBERSHIP.ROLE.eq("CONVENOR")));
        return db.select(PACT_PART.GROUP_ID, GROUPS.NAME, PACT_PART.PART, MEMBER.DISPLAY_NAME, PACT_JOINED_GROUP.ACCEPTED_AT, DSL.field(convenes))
                .from(PACT_PART).join(GROUPS).on(GROUPS.ID.eq(PACT_PART.GROUP_ID))
                .leftJoin(PACT_JOINED_GROUP).on(PACT_JOINED_GROUP.PACT_ID.eq(PACT_PART.PACT_ID)).and(PACT_JOINED_GROUP.GROUP_ID.eq(PACT_PART.GROUP_ID))
                .leftJoin(MEMBER).on(MEMBER.ID.eq(PACT_JOINED_GROUP.ACCEPTED_BY))
                .where(PACT_PART.PACT_ID.eq(pactId))
                .fetch(r -> new PactGroup(r.value1(), r.value2(), PactGroupPart.valueOf(r.value3()), r.value4(), r.value5(), r.value6()))
                .stream().sorted(java.util.Comparator.comparing(PactGroup::part).thenComparing(PactGroup::name)).toList();
    }

    /**
     * The member is an active member of a group that takes part in the pact's discussion: its home group, one that
     * joined it, or a local group reading an alliance's pact (V36). Not a group only invited.
     */
    public boolean takesPart(long pactId, long memberId) {
        return db.fetchExists(DSL.selectOne().from(PACT_PART).join(GROUP_MEMBERSHIP).on(GROUP_MEMBERSHIP.GROUP_ID.eq(PACT_PART.GROUP_ID))
                .where(PACT_PART.PACT_ID.eq(pactId)).and(PACT_PART.PART.in(PactGroupPart.HOME.name(), PactGroupPart.JOINED.name(), PactGroupPart.READING.name()))
                .and(GROUP_MEMBERSHIP.MEMBER_ID.eq(memberId)).and(GROUP_MEMBERSHIP.STATUS.eq("ACTIVE")));
    }

    /** The LOCAL groups that list one of the pact's current seats: those an alliance's pact may ask to read it. */
    public List<Long> localGroupsListingSeatsOf(long pactId) {
        return db.selectDistinct(GROUP_CONSTITUENCY.GROUP_ID).from(GROUP_CONSTITUENCY)
                .join(GROUPS).on(GROUPS.ID.eq(GROUP_CONSTITUENCY.GROUP_ID)).and(GROUPS.KIND.eq("LOCAL"))
                .join(PACT_CONSTITUENCY).on(PACT_CONSTITUENCY.ONS_CODE.eq(GROUP_CONSTITUENCY.ONS_CODE)).and(PACT_CONSTITUENCY.PACT_ID.eq(pactId))
                .fetch(GROUP_CONSTITUENCY.GROUP_ID);
    }

    /** The group's part in a pact, if any. */
    public Optional<PactGroupPart> partOf(long pactId, long groupId) {
        return db.select(PACT_PART.PART).from(PACT_PART).where(PACT_PART.PACT_ID.eq(pactId)).and(PACT_PART.GROUP_ID.eq(groupId))
                .limit(1).fetchOptional(r -> PactGroupPart.valueOf(r.value1()));
    }

    /** False when the group already had a part in the pact (invited to join or to read, joined or reading). */
    public boolean invite(long pactId, long groupId, long invitedBy) {
        return invite(pactId, groupId, invitedBy, PactGroupPart.INVITED);
    }

    /** Invites the group to join ({@code INVITED}) or to read ({@code READER_INVITED}): false when it already had a part. */
    public boolean invite(long pactId, long groupId, long invitedBy, PactGroupPart as) {
        return db.insertInto(PACT_JOINED_GROUP).set(PACT_JOINED_GROUP.PACT_ID, pactId).set(PACT_JOINED_GROUP.GROUP_ID, groupId)
                .set(PACT_JOINED_GROUP.STATE, as.name()).set(PACT_JOINED_GROUP.INVITED_BY, invitedBy)
                .onConflictDoNothing().execute() == 1;
    }

    /** False when the group is not (or no longer) invited: another convenor answered first. */
    public boolean accept(long pactId, long groupId, long acceptedBy) {
        return answer(pactId, groupId, acceptedBy, PactGroupPart.INVITED, PactGroupPart.JOINED);
    }

    /** Accepts an invitation of one kind ({@code from}) into its part ({@code to}): false when another convenor answered first. */
    public boolean answer(long pactId, long groupId, long acceptedBy, PactGroupPart from, PactGroupPart to) {
        return db.update(PACT_JOINED_GROUP).set(PACT_JOINED_GROUP.STATE, to.name())
                .set(PACT_JOINED_GROUP.ACCEPTED_BY, acceptedBy).set(PACT_JOINED_GROUP.ACCEPTED_AT, OffsetDateTime.now())
                .where(PACT_JOINED_GROUP.PACT_ID.eq(pactId)).and(PACT_JOINED_GROUP.GROUP_ID.eq(groupId))
                .and(PACT_JOINED_GROUP.STATE.eq(from.name())).execute() == 1;
    }

    /** Declines an invitation, or leaves: false when the group no longer had that part. */
    public boolean removeGroup(long pactId, long groupId, PactGroupPart part) {
        return db.deleteFrom(PACT_JOINED_GROUP).where(PACT_JOINED_GROUP.PACT_ID.eq(pactId)).and(PACT_JOINED_GROUP.GROUP_ID.eq(groupId))
                .and(PACT_JOINED_GROUP.STATE.eq(part.name())).execute() == 1;
    }

    /**
     * ONS code to name: the seats a pact of these groups may cover. A LOCAL group's are its constituencies; an
     * ALLIANCE group's are every constituency imported (it sets pacts over seats anywhere).
     */
    public Map<String, String> seatsOf(Collection<Long> groupIds) {
        Map<String, String> byCode = new LinkedHashMap<>();
        db.select(GROUP_CONSTITUENCY.ONS_CODE, GROUP_CONSTITUENCY.NAME).from(GROUP_CONSTITUENCY)
                .join(GROUPS).on(GROUPS.ID.eq(GROUP_CONSTITUENCY.GROUP_ID))
                .where(GROUP_CONSTITUENCY.GROUP_ID.in(groupIds)).and(GROUP_CONSTITUENCY.ONS_CODE.isNotNull())
                .orderBy(GROUP_CONSTITUENCY.GROUP_ID, GROUP_CONSTITUENCY.POSITION)
                .forEach(r -> byCode.putIfAbsent(r.value1(), r.value2()));
        if (db.fetchExists(GROUPS, GROUPS.ID.in(groupIds).and(GROUPS.KIND.eq("ALLIANCE")))) {
            db.select(CONSTITUENCY.ONS_CODE, CONSTITUENCY.NAME).from(CONSTITUENCY).orderBy(CONSTITUENCY.NAME)
                    .forEach(r -> byCode.putIfAbsent(r.value1(), r.value2()));
        }
        return byCode;
    }

    private List<PactSummary> summaries(Condition where) {
        return db.select(PACT.ID, PACT.GROUP_ID, GROUPS.NAME, PACT.TITLE, PACT.STATE, PACT.CURRENT_REVISION, PACT.CREATED_AT)
                .from(PACT).join(GROUPS).on(GROUPS.ID.eq(PACT.GROUP_ID)).where(where).orderBy(PACT.CREATED_AT.desc(), PACT.ID.desc())
                .fetch(r -> new PactSummary(r.value1(), r.value2(), r.value3(), r.value4(), PactState.valueOf(r.value5()), r.value6(), r.value7()));
    }

    /** The pacts in which the group has any part that the member may read (invitations only for its convenors). */
    public List<PactSummary> inGroup(long groupId, long memberId) {
        return summaries(readableBy(memberId).and(PACT.ID.in(DSL.select(PACT_PART.PACT_ID).from(PACT_PART).where(PACT_PART.GROUP_ID.eq(groupId)))));
    }

    /** The pacts the group is invited to join, not yet answered. */
    public List<PactSummary> invitationsTo(long groupId) {
        return invitationsTo(groupId, PactGroupPart.INVITED);
    }

    /** The pacts the group is invited to join ({@code INVITED}) or to read ({@code READER_INVITED}), not yet answered. */
    public List<PactSummary> invitationsTo(long groupId, PactGroupPart kind) {
        return summaries(PACT.ID.in(DSL.select(PACT_JOINED_GROUP.PACT_ID).from(PACT_JOINED_GROUP).where(PACT_JOINED_GROUP.GROUP_ID.eq(groupId))
                .and(PACT_JOINED_GROUP.STATE.eq(kind.name()))));
    }

    public Optional<PactSummary> summary(long pactId) {
        return summaries(PACT.ID.eq(pactId)).stream().findFirst();
    }

    /** The pacts over a constituency that the member may read: the permission is part of the query. */
    public List<PactSummary> covering(String onsCode, long memberId) {
        return summaries(readableBy(memberId).and(PACT.ID.in(DSL.select(PACT_CONSTITUENCY.PACT_ID).from(PACT_CONSTITUENCY)
                .where(PACT_CONSTITUENCY.ONS_CODE.eq(onsCode)))));
    }

    /** The pacts the member may read that cover any seat the pact covers (the pact itself among them). */
    public List<PactSummary> sharingSeats(long pactId, long memberId) {
        var mine = PACT_CONSTITUENCY.as("mine");
        var theirs = PACT_CONSTITUENCY.as("theirs");
        return summaries(readableBy(memberId).and(PACT.ID.in(DSL.select(theirs.PACT_ID).from(mine).join(theirs).on(theirs.ONS_CODE.eq(mine.ONS_CODE))
                .where(mine.PACT_ID.eq(pactId)))));
    }

    /** Ratified (or published) pacts the member may read, with their current terms: the ledger's input. */
    public List<Long> ratifiedReadableBy(long memberId) {
        return db.select(PACT.ID).from(PACT).where(PACT.STATE.in(PactState.RATIFIED.name(), PactState.PUBLISHED.name()))
                .and(readableBy(memberId)).orderBy(PACT.ID).fetch(PACT.ID);
    }

    static JSONB json(List<SeatTerms> seats) {
        return SeatTermsJson.write(seats);
    }

    static List<SeatTerms> seats(JSONB json) {
        return SeatTermsJson.read(json);
    }
}
