package org.commonground.proposal;

import static org.commonground.jooq.Tables.BALLOT;
import static org.commonground.jooq.Tables.GROUP_MEMBERSHIP;
import static org.commonground.jooq.Tables.MEMBER;
import static org.commonground.jooq.Tables.PARTY;
import static org.commonground.jooq.Tables.PROPOSAL;
import static org.commonground.jooq.Tables.PROPOSAL_AUTHOR;
import static org.commonground.jooq.Tables.PROPOSAL_REVISION;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.commonground.database.RenderedQuery;
import org.commonground.jooq.tables.records.ProposalRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class ProposalRepository {

    private static final Field<Boolean> AUTHOR = DSL.field(DSL.exists(DSL.selectOne().from(PROPOSAL_AUTHOR)
            .where(PROPOSAL_AUTHOR.PROPOSAL_ID.eq(PROPOSAL.ID)).and(PROPOSAL_AUTHOR.MEMBER_ID.eq(DSL.param("memberId", Long.class))))).as("author");

    private final DSLContext db;
    private final RenderedQuery standing;

    public ProposalRepository(DSLContext db) {
        this.db = db;
        // The proposal's columns flat, not as a nested row: jOOQ would parse that from its text form, slowly.
        this.standing = new RenderedQuery(db, db.select(PROPOSAL.fields()).select(GROUP_MEMBERSHIP.STATUS, GROUP_MEMBERSHIP.ROLE, AUTHOR)
                .from(PROPOSAL)
                .leftJoin(GROUP_MEMBERSHIP).on(GROUP_MEMBERSHIP.GROUP_ID.eq(PROPOSAL.GROUP_ID))
                .and(GROUP_MEMBERSHIP.MEMBER_ID.eq(DSL.param("memberId", Long.class)))
                .where(PROPOSAL.ID.eq(DSL.param("proposalId", Long.class))));
    }

    public long insert(long groupId, String title, String summary, long createdBy) {
        return db.insertInto(PROPOSAL)
                .set(PROPOSAL.GROUP_ID, groupId)
                .set(PROPOSAL.TITLE, title)
                .set(PROPOSAL.SUMMARY, summary)
                .set(PROPOSAL.CREATED_BY, createdBy)
                .set(PROPOSAL.STATE_CHANGED_BY, createdBy)
                .returning(PROPOSAL.ID).fetchOne(PROPOSAL.ID);
    }

    public void insertRevision(long proposalId, int number, String title, String summary, String body, String note, long authorId) {
        db.insertInto(PROPOSAL_REVISION)
                .set(PROPOSAL_REVISION.PROPOSAL_ID, proposalId)
                .set(PROPOSAL_REVISION.NUMBER, number)
                .set(PROPOSAL_REVISION.TITLE, title)
                .set(PROPOSAL_REVISION.SUMMARY, summary)
                .set(PROPOSAL_REVISION.BODY, body)
                .set(PROPOSAL_REVISION.NOTE, note)
                .set(PROPOSAL_REVISION.AUTHOR_ID, authorId)
                .execute();
    }

    /**
     * Moves the proposal from revision {@code base} to {@code base + 1} if {@code base} is still current.
     * Returns false when someone else saved first: the caller must not write its revision then.
     */
    public boolean advanceRevision(long proposalId, int base, String title, String summary) {
        return db.update(PROPOSAL)
                .set(PROPOSAL.CURRENT_REVISION, base + 1)
                .set(PROPOSAL.TITLE, title)
                .set(PROPOSAL.SUMMARY, summary)
                .where(PROPOSAL.ID.eq(proposalId)).and(PROPOSAL.CURRENT_REVISION.eq(base))
                .execute() == 1;
    }

    /** Serialises changes to one proposal's text (saves, merges, new amendment numbers). */
    public Optional<ProposalRecord> lock(long proposalId) {
        return db.selectFrom(PROPOSAL).where(PROPOSAL.ID.eq(proposalId)).forUpdate().fetchOptional();
    }

    /**
     * Holds the proposal's state still until the transaction ends, without blocking what only refers to it (a new
     * comment or vote): the lock a state change itself takes.
     */
    public void lockState(long proposalId) {
        db.select(PROPOSAL.ID).from(PROPOSAL).where(PROPOSAL.ID.eq(proposalId)).forNoKeyUpdate().execute();
    }

    /** A proposal and where {@code memberId} stands in its group, in one query: every page and action starts here. */
    public record Standing(ProposalRecord proposal, String membershipStatus, String role, boolean author) {
    }

    public Optional<Standing> standing(long proposalId, long memberId) {
        return standing.fetch(db, Map.of("proposalId", proposalId, "memberId", memberId)).stream().findFirst()
                .map(r -> new Standing(r.into(PROPOSAL), r.get(GROUP_MEMBERSHIP.STATUS), r.get(GROUP_MEMBERSHIP.ROLE), r.get(AUTHOR)));
    }

    public Optional<ProposalRecord> find(long proposalId) {
        return db.selectFrom(PROPOSAL).where(PROPOSAL.ID.eq(proposalId)).fetchOptional();
    }

    public List<ProposalRecord> recordsInGroup(long groupId) {
        return db.selectFrom(PROPOSAL).where(PROPOSAL.GROUP_ID.eq(groupId))
                .orderBy(PROPOSAL.STATE_CHANGED_AT.desc()).fetch();
    }

    /** The proposals of a group that the member authors or co-authors. */
    public Set<Long> authoredInGroup(long groupId, long memberId) {
        return Set.copyOf(db.select(PROPOSAL_AUTHOR.PROPOSAL_ID).from(PROPOSAL_AUTHOR)
                .join(PROPOSAL).on(PROPOSAL.ID.eq(PROPOSAL_AUTHOR.PROPOSAL_ID))
                .where(PROPOSAL.GROUP_ID.eq(groupId)).and(PROPOSAL_AUTHOR.MEMBER_ID.eq(memberId))
                .fetch(PROPOSAL_AUTHOR.PROPOSAL_ID));
    }

    /** A closed ballot on a proposal's final text: the only thing that may decide the proposal. */
    public record ClosedFinalBallot(long proposalId, boolean passed, long closedBy, OffsetDateTime closedAt) {
    }

    /** Only the latest ballot on the final text counts: an earlier one (failed before a redraft) decides nothing now. */
    public Optional<ClosedFinalBallot> closedFinalBallot(long ballotId) {
        var latest = BALLOT.as("latest");
        return db.select(BALLOT.PROPOSAL_ID, BALLOT.PASSED, BALLOT.CLOSED_BY, BALLOT.CLOSED_AT).from(BALLOT)
                .where(BALLOT.ID.eq(ballotId)).and(BALLOT.PROPOSAL_ID.isNotNull()).and(BALLOT.AMENDMENT_ID.isNull()).and(BALLOT.CORRECTION_ID.isNull())
                .and(BALLOT.CLOSED_AT.isNotNull())
                .and(BALLOT.ID.eq(DSL.select(DSL.max(latest.ID)).from(latest)
                        .where(latest.PROPOSAL_ID.eq(BALLOT.PROPOSAL_ID)).and(latest.AMENDMENT_ID.isNull()).and(latest.CORRECTION_ID.isNull())))
                .fetchOptional(r -> new ClosedFinalBallot(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Moves the state only from the state the caller saw, so two convenors clicking at once cannot skip a step. */
    public boolean changeState(long proposalId, ProposalState from, ProposalState to, long by) {
        var update = db.update(PROPOSAL)
                .set(PROPOSAL.STATE, to.name())
                .set(PROPOSAL.STATE_CHANGED_AT, OffsetDateTime.now())
                .set(PROPOSAL.STATE_CHANGED_BY, by);
        if (to == ProposalState.DISCUSSION) {
            update = update.set(PROPOSAL.DISCUSSED_AT, OffsetDateTime.now());
        }
        return update.where(PROPOSAL.ID.eq(proposalId)).and(PROPOSAL.STATE.eq(from.name())).execute() == 1;
    }

    public boolean addAuthor(long proposalId, long memberId, long addedBy) {
        return db.insertInto(PROPOSAL_AUTHOR)
                .set(PROPOSAL_AUTHOR.PROPOSAL_ID, proposalId)
                .set(PROPOSAL_AUTHOR.MEMBER_ID, memberId)
                .set(PROPOSAL_AUTHOR.ADDED_BY, addedBy)
                .onConflictDoNothing().execute() == 1;
    }

    public List<Author> authors(long proposalId) {
        return db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, PARTY.CODE, PARTY.COLOUR)
                .from(PROPOSAL_AUTHOR)
                .join(MEMBER).on(MEMBER.ID.eq(PROPOSAL_AUTHOR.MEMBER_ID))
                .join(PARTY).on(PARTY.ID.eq(MEMBER.PARTY_ID))
                .where(PROPOSAL_AUTHOR.PROPOSAL_ID.eq(proposalId))
                .orderBy(PROPOSAL_AUTHOR.ADDED_AT)
                .fetch(r -> new Author(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<Revision> revision(long proposalId, int number) {
        return db.select(PROPOSAL_REVISION.NUMBER, PROPOSAL_REVISION.TITLE, PROPOSAL_REVISION.SUMMARY, PROPOSAL_REVISION.BODY,
                        PROPOSAL_REVISION.NOTE, MEMBER.DISPLAY_NAME, PROPOSAL_REVISION.CREATED_AT)
                .from(PROPOSAL_REVISION).join(MEMBER).on(MEMBER.ID.eq(PROPOSAL_REVISION.AUTHOR_ID))
                .where(PROPOSAL_REVISION.PROPOSAL_ID.eq(proposalId)).and(PROPOSAL_REVISION.NUMBER.eq(number))
                .fetchOptional(r -> new Revision(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** The history without bodies: a long history of a long text should not be loaded to be listed. */
    public List<Revision> history(long proposalId) {
        return db.select(PROPOSAL_REVISION.NUMBER, PROPOSAL_REVISION.TITLE, PROPOSAL_REVISION.NOTE, MEMBER.DISPLAY_NAME,
                        PROPOSAL_REVISION.CREATED_AT)
                .from(PROPOSAL_REVISION).join(MEMBER).on(MEMBER.ID.eq(PROPOSAL_REVISION.AUTHOR_ID))
                .where(PROPOSAL_REVISION.PROPOSAL_ID.eq(proposalId))
                .orderBy(PROPOSAL_REVISION.NUMBER.desc())
                .fetch(r -> new Revision(r.value1(), r.value2(), null, null, r.value3(), r.value4(), r.value5()));
    }

    public static ProposalSummary summaryOf(ProposalRecord r) {
        return new ProposalSummary(r.getId(), r.getGroupId(), r.getTitle(), r.getSummary(), ProposalState.valueOf(r.getState()),
                r.getCurrentRevision(), r.getStateChangedAt(), r.getLineWidth());
    }
}
