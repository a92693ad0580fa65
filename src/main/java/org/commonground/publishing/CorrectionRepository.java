package org.commonground.publishing;

import static org.commonground.jooq.Tables.CORRECTION;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.commonground.jooq.tables.records.CorrectionRecord;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Corrections of published documents that await, or had, the consent of the parties that agreed them (V19). */
@Repository
class CorrectionRepository {

    private final DSLContext db;

    CorrectionRepository(DSLContext db) {
        this.db = db;
    }

    long insert(Publication corrects, String body, String reason, long proposedBy) {
        return db.insertInto(CORRECTION).set(CORRECTION.PUBLICATION_ID, corrects.id()).set(CORRECTION.PROPOSAL_ID, corrects.proposalId())
                .set(CORRECTION.PACT_ID, corrects.pactId()).set(CORRECTION.BODY, body).set(CORRECTION.REASON, reason)
                .set(CORRECTION.PROPOSED_BY, proposedBy).returning(CORRECTION.ID).fetchOne(CORRECTION.ID);
    }

    Optional<CorrectionRecord> lock(long correctionId) {
        return db.selectFrom(CORRECTION).where(CORRECTION.ID.eq(correctionId)).forUpdate().fetchOptional();
    }

    /** The correction of a document still waiting for its parties' consent, if any. */
    Optional<CorrectionRecord> awaiting(Long proposalId, Long pactId) {
        return db.selectFrom(CORRECTION).where(proposalId != null ? CORRECTION.PROPOSAL_ID.eq(proposalId) : CORRECTION.PACT_ID.eq(pactId))
                .and(CORRECTION.STATE.eq("AWAITING_CONSENT")).fetchOptional();
    }

    void published(long correctionId, long publicationId, String outcome) {
        db.update(CORRECTION).set(CORRECTION.STATE, "PUBLISHED").set(CORRECTION.PUBLISHED_ID, publicationId).set(CORRECTION.OUTCOME, outcome)
                .set(CORRECTION.DECIDED_AT, OffsetDateTime.now()).where(CORRECTION.ID.eq(correctionId)).execute();
    }

    void refused(long correctionId, String outcome) {
        db.update(CORRECTION).set(CORRECTION.STATE, "REFUSED").set(CORRECTION.OUTCOME, outcome)
                .set(CORRECTION.DECIDED_AT, OffsetDateTime.now()).where(CORRECTION.ID.eq(correctionId)).execute();
    }
}
