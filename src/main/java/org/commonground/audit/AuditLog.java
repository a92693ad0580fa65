package org.commonground.audit;

import static org.commonground.jooq.Tables.AUDIT_EVENT;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Append-only record of state changes: who, what, when. Written in the caller's transaction. */
@Repository
public class AuditLog {

    private final DSLContext db;

    public AuditLog(DSLContext db) {
        this.db = db;
    }

    public void record(Long actorId, String action, String subjectType, Long subjectId, String detail) {
        db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR_ID, actorId)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.SUBJECT_TYPE, subjectType)
                .set(AUDIT_EVENT.SUBJECT_ID, subjectId)
                .set(AUDIT_EVENT.DETAIL, detail == null ? "" : detail)
                .execute();
    }
}
