package org.commonground.proposal;

import static org.commonground.jooq.Tables.AMENDMENT;
import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.commonground.database.RenderedQuery;
import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.proposal.text.TextRange;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class AmendmentRepository {

    private static final Field<String> DIGEST = DSL.md5(DSL.field("{0}::text", String.class, AMENDMENT));

    private final DSLContext db;
    /** Read by every open page of a proposal at each change announced: rendered once (see RenderedQuery). */
    private final RenderedQuery digests;

    public AmendmentRepository(DSLContext db) {
        this.db = db;
        this.digests = new RenderedQuery(db, db.select(DIGEST).from(AMENDMENT)
                .where(AMENDMENT.PROPOSAL_ID.eq(DSL.param("proposalId", Long.class))).orderBy(AMENDMENT.ID));
    }

    /** Numbers are per proposal; the caller holds the proposal's row lock, so two amendments cannot take one number. */
    public long insert(long proposalId, long proposerId, int revision, TextRange range, String original, String replacement, String reason) {
        int number = db.select(DSL.coalesce(DSL.max(AMENDMENT.NUMBER), 0)).from(AMENDMENT)
                .where(AMENDMENT.PROPOSAL_ID.eq(proposalId)).fetchOne(0, Integer.class) + 1;
        return db.insertInto(AMENDMENT)
                .set(AMENDMENT.PROPOSAL_ID, proposalId)
                .set(AMENDMENT.NUMBER, number)
                .set(AMENDMENT.PROPOSER_ID, proposerId)
                .set(AMENDMENT.REVISION, revision)
                .set(AMENDMENT.RANGE_START, range.start())
                .set(AMENDMENT.RANGE_END, range.end())
                .set(AMENDMENT.ORIGINAL, original)
                .set(AMENDMENT.REPLACEMENT, replacement)
                .set(AMENDMENT.REASON, reason)
                .returning(AMENDMENT.ID).fetchOne(AMENDMENT.ID);
    }

    public Optional<AmendmentRecord> find(long id) {
        return db.selectFrom(AMENDMENT).where(AMENDMENT.ID.eq(id)).fetchOptional();
    }

    /** The name of whoever decided an amendment, in rows from {@link #ofProposal}. */
    public static final Field<String> DECIDER_NAME = DSL.field(DSL.name("decider_name"), String.class);

    /** A digest of each amendment's row, oldest first: it changes whenever anything about the amendment does. */
    public List<String> digests(long proposalId) {
        return digests.fetch(db, Map.of("proposalId", proposalId)).getValues(DIGEST);
    }

    /** All amendments of a proposal with their proposers, oldest first. Line numbers are filled in by the service. */
    public List<Record> ofProposal(long proposalId) {
        var decider = MEMBER.as("decider");
        return db.select(AMENDMENT.fields()).select(MEMBER.DISPLAY_NAME, PARTY.CODE, PARTY.COLOUR, decider.DISPLAY_NAME.as(DECIDER_NAME))
                .from(AMENDMENT)
                .join(MEMBER).on(MEMBER.ID.eq(AMENDMENT.PROPOSER_ID))
                .join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .leftJoin(decider).on(decider.ID.eq(AMENDMENT.DECIDED_BY))
                .where(AMENDMENT.PROPOSAL_ID.eq(proposalId))
                .orderBy(AMENDMENT.NUMBER)
                .fetch();
    }

    /** Moves an amendment from state {@code from} to {@code to}; false if it was no longer in {@code from}. */
    public boolean decide(long id, AmendmentState from, AmendmentState to, Long by, String reason, Integer mergedRevision) {
        return db.update(AMENDMENT)
                .set(AMENDMENT.STATE, to.name())
                .set(AMENDMENT.DECIDED_BY, by)
                .set(AMENDMENT.DECIDED_AT, OffsetDateTime.now())
                .set(AMENDMENT.DECISION_REASON, reason)
                .set(AMENDMENT.MERGED_REVISION, mergedRevision)
                .where(AMENDMENT.ID.eq(id)).and(AMENDMENT.STATE.eq(from.name()))
                .execute() == 1;
    }

    /** A ballot on the amendment has closed and passed it. */
    public boolean passedByBallot(long id) {
        return db.fetchExists(BALLOT, BALLOT.AMENDMENT_ID.eq(id).and(BALLOT.CLOSED_AT.isNotNull()).and(BALLOT.PASSED.isTrue()));
    }

    /** Puts an open amendment to a ballot; false if it is not open. */
    public boolean putToVote(long id) {
        return db.update(AMENDMENT).set(AMENDMENT.STATE, AmendmentState.PUT_TO_VOTE.name())
                .where(AMENDMENT.ID.eq(id)).and(AMENDMENT.STATE.eq(AmendmentState.PROPOSED.name())).and(AMENDMENT.OUTDATED.isFalse())
                .execute() == 1;
    }

    /** The numbers of the proposal's amendments whose ballots are open, in order. */
    public List<Integer> beingVotedOn(long proposalId) {
        return db.select(AMENDMENT.NUMBER).from(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.eq(proposalId))
                .and(AMENDMENT.STATE.eq(AmendmentState.PUT_TO_VOTE.name())).orderBy(AMENDMENT.NUMBER).fetch(AMENDMENT.NUMBER);
    }

    /** The proposal's amendments whose ballots are open, in order. */
    public List<AmendmentRecord> underVote(long proposalId) {
        return db.selectFrom(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.eq(proposalId))
                .and(AMENDMENT.STATE.eq(AmendmentState.PUT_TO_VOTE.name())).orderBy(AMENDMENT.NUMBER).fetch();
    }

    /**
     * A ballot passed an amendment that no longer fits the text (kept only for data from before lines under vote
     * were frozen): it goes back to its proposer, flagged, so that closing the ballot still succeeds.
     */
    public boolean setAsideAfterBallot(long id, String reason) {
        return db.update(AMENDMENT).set(AMENDMENT.STATE, AmendmentState.PROPOSED.name()).set(AMENDMENT.OUTDATED, true)
                .set(AMENDMENT.DECISION_REASON, reason)
                .where(AMENDMENT.ID.eq(id)).and(AMENDMENT.STATE.eq(AmendmentState.PUT_TO_VOTE.name()))
                .execute() == 1;
    }

    /**
     * Carries the open amendments of revision {@code from}, and those under vote, over to revision {@code to}:
     * each range is moved by {@code rebase}, or, where that finds the wording gone, the amendment is flagged for
     * its proposer. Callers refuse changes to lines under vote before they get here.
     */
    public void rebaseOpen(long proposalId, int from, int to, Function<TextRange, Optional<TextRange>> rebase) {
        for (AmendmentRecord a : db.selectFrom(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.eq(proposalId))
                .and(AMENDMENT.STATE.in(AmendmentState.PROPOSED.name(), AmendmentState.PUT_TO_VOTE.name())).and(AMENDMENT.OUTDATED.isFalse())
                .and(AMENDMENT.REVISION.eq(from)).fetch()) {
            Optional<TextRange> moved = rebase.apply(new TextRange(a.getRangeStart(), a.getRangeEnd()));
            if (moved.isPresent()) {
                a.setRevision(to);
                a.setRangeStart(moved.get().start());
                a.setRangeEnd(moved.get().end());
            } else {
                a.setOutdated(true);
            }
            a.update();
        }
    }
}
