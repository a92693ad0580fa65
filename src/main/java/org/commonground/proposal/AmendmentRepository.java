package org.commonground.proposal;

import static org.commonground.jooq.Tables.AMENDMENT;
import static org.commonground.jooq.Tables.AMENDMENT_PASSAGE;
import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.COMPROMISE_OFFER;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.commonground.database.RenderedQuery;
import org.commonground.jooq.tables.records.AmendmentPassageRecord;
import org.commonground.jooq.tables.records.AmendmentRecord;
import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextEdit;
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

    /**
     * Numbers are per proposal; the caller holds the proposal's row lock, so two amendments cannot take one number.
     * {@code passages} are edits of {@code body}, the text of revision {@code revision}; {@code searchText} is what
     * search finds the amendment by. A compromise names the amendments it {@code replaces}; each proposer is asked.
     */
    public long insert(long proposalId, long proposerId, int revision, String body, List<TextEdit> passages, String searchText,
                       String reason, Collection<Long> replaces) {
        int number = db.select(DSL.coalesce(DSL.max(AMENDMENT.NUMBER), 0)).from(AMENDMENT)
                .where(AMENDMENT.PROPOSAL_ID.eq(proposalId)).fetchOne(0, Integer.class) + 1;
        long id = db.insertInto(AMENDMENT)
                .set(AMENDMENT.PROPOSAL_ID, proposalId)
                .set(AMENDMENT.NUMBER, number)
                .set(AMENDMENT.PROPOSER_ID, proposerId)
                .set(AMENDMENT.REVISION, revision)
                .set(AMENDMENT.REPLACEMENT, searchText)
                .set(AMENDMENT.REASON, reason)
                .set(AMENDMENT.COMPROMISE, !replaces.isEmpty())
                .returning(AMENDMENT.ID).fetchOne(AMENDMENT.ID);
        var insert = db.insertInto(AMENDMENT_PASSAGE, AMENDMENT_PASSAGE.AMENDMENT_ID, AMENDMENT_PASSAGE.POSITION,
                AMENDMENT_PASSAGE.RANGE_START, AMENDMENT_PASSAGE.RANGE_END, AMENDMENT_PASSAGE.ORIGINAL, AMENDMENT_PASSAGE.REPLACEMENT);
        int position = 1;
        for (TextEdit p : passages) {
            insert = insert.values(id, position++, p.range().start(), p.range().end(), body.substring(p.range().start(), p.range().end()), p.replacement());
        }
        insert.execute();
        for (long replaced : replaces) {
            db.insertInto(COMPROMISE_OFFER).set(COMPROMISE_OFFER.COMPROMISE_ID, id).set(COMPROMISE_OFFER.AMENDMENT_ID, replaced).execute();
        }
        return id;
    }

    /** An amendment's passages, in order. */
    public List<AmendmentPassageRecord> passages(long amendmentId) {
        return db.selectFrom(AMENDMENT_PASSAGE).where(AMENDMENT_PASSAGE.AMENDMENT_ID.eq(amendmentId))
                .orderBy(AMENDMENT_PASSAGE.POSITION).fetch();
    }

    /** The passages of all a proposal's amendments, by amendment, each in order. */
    public Map<Long, List<AmendmentPassageRecord>> passagesOfProposal(long proposalId) {
        Map<Long, List<AmendmentPassageRecord>> byAmendment = new java.util.HashMap<>();
        byAmendment.putAll(db.selectFrom(AMENDMENT_PASSAGE)
                .where(AMENDMENT_PASSAGE.AMENDMENT_ID.in(DSL.select(AMENDMENT.ID).from(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.eq(proposalId))))
                .orderBy(AMENDMENT_PASSAGE.AMENDMENT_ID, AMENDMENT_PASSAGE.POSITION)
                .fetchGroups(AMENDMENT_PASSAGE.AMENDMENT_ID));
        return byAmendment;
    }

    /** For each compromise of a proposal, the numbers of the amendments it offers to replace, in order. */
    public Map<Long, List<Integer>> replacedByCompromises(long proposalId) {
        var replaced = AMENDMENT.as("replaced");
        return db.select(COMPROMISE_OFFER.COMPROMISE_ID, replaced.NUMBER).from(COMPROMISE_OFFER)
                .join(replaced).on(replaced.ID.eq(COMPROMISE_OFFER.AMENDMENT_ID))
                .where(replaced.PROPOSAL_ID.eq(proposalId)).orderBy(COMPROMISE_OFFER.COMPROMISE_ID, replaced.NUMBER)
                .fetchGroups(COMPROMISE_OFFER.COMPROMISE_ID, replaced.NUMBER);
    }

    /** The ranges an amendment's passages cover in its revision, in order. */
    public List<TextRange> ranges(long amendmentId) {
        return passages(amendmentId).stream().map(p -> new TextRange(p.getRangeStart(), p.getRangeEnd())).toList();
    }

    /** An amendment's passages as edits of its revision, in order. */
    public List<TextEdit> edits(long amendmentId) {
        return passages(amendmentId).stream().map(p -> new TextEdit(new TextRange(p.getRangeStart(), p.getRangeEnd()), p.getReplacement())).toList();
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

    /**
     * Closes every amendment of the proposal still proposed (outdated ones too) as LAPSED with {@code reason}, once the
     * final vote has decided the proposal; returns their numbers, in order. Amendments under vote cannot be left: the
     * proposal moves to voting only once their ballots have closed.
     */
    public List<Integer> lapseOpen(long proposalId, OffsetDateTime decidedAt, String reason) {
        return db.update(AMENDMENT)
                .set(AMENDMENT.STATE, AmendmentState.LAPSED.name())
                .set(AMENDMENT.DECIDED_AT, decidedAt)
                .set(AMENDMENT.DECISION_REASON, reason)
                .where(AMENDMENT.PROPOSAL_ID.eq(proposalId)).and(AMENDMENT.STATE.eq(AmendmentState.PROPOSED.name()))
                .returning(AMENDMENT.NUMBER).fetch(AMENDMENT.NUMBER).stream().sorted().toList();
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
     * each passage is moved by {@code rebase}, or, where that finds any passage's wording gone, the amendment is
     * flagged for its proposer. Callers refuse changes to lines under vote before they get here.
     */
    public void rebaseOpen(long proposalId, int from, int to, Function<TextRange, Optional<TextRange>> rebase) {
        for (AmendmentRecord a : db.selectFrom(AMENDMENT).where(AMENDMENT.PROPOSAL_ID.eq(proposalId))
                .and(AMENDMENT.STATE.in(AmendmentState.PROPOSED.name(), AmendmentState.PUT_TO_VOTE.name())).and(AMENDMENT.OUTDATED.isFalse())
                .and(AMENDMENT.REVISION.eq(from)).fetch()) {
            List<AmendmentPassageRecord> passages = passages(a.getId());
            Optional<List<TextRange>> moved = Passages.rebaseAll(
                    passages.stream().map(p -> new TextRange(p.getRangeStart(), p.getRangeEnd())).toList(), rebase);
            if (moved.isPresent()) {
                a.setRevision(to);
                for (int i = 0; i < passages.size(); i++) {
                    passages.get(i).setRangeStart(moved.get().get(i).start());
                    passages.get(i).setRangeEnd(moved.get().get(i).end());
                }
                db.batchUpdate(passages).execute();
            } else {
                a.setOutdated(true);
            }
            a.update();
        }
    }
}
