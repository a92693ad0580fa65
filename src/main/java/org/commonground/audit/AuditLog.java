package org.commonground.audit;

import static org.commonground.jooq.Tables.AUDIT_EVENT;
import static org.commonground.jooq.Tables.MEMBER;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.commonground.database.RenderedQuery;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Repository;

/**
 * Append-only record of state changes: who, what, when. Written in the caller's transaction, and told at once to
 * whoever listens for {@link AuditRecorded}, in the same transaction (notifications record there that the change
 * awaits fan-out after its commit).
 */
@Repository
public class AuditLog {

    private final DSLContext db;
    private final ApplicationEventPublisher events;

    /** Every comment, vote and change writes one: rendered once (see RenderedQuery). */
    private final RenderedQuery insert;

    public AuditLog(DSLContext db, ApplicationEventPublisher events) {
        this.db = db;
        this.events = events;
        this.insert = new RenderedQuery(db, db.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTOR_ID, DSL.param("actorId", Long.class))
                .set(AUDIT_EVENT.ACTION, DSL.param("action", String.class))
                .set(AUDIT_EVENT.SUBJECT_TYPE, DSL.param("subjectType", String.class))
                .set(AUDIT_EVENT.SUBJECT_ID, DSL.param("subjectId", Long.class))
                .set(AUDIT_EVENT.DETAIL, DSL.param("detail", String.class))
                .returning(AUDIT_EVENT.ID));
    }

    /** The events about one subject whose action is one of {@code actions}, oldest first. */
    public List<AuditEntry> entries(String subjectType, long subjectId, Collection<AuditAction> actions) {
        return db.select(AUDIT_EVENT.OCCURRED_AT, MEMBER.DISPLAY_NAME, AUDIT_EVENT.ACTION, AUDIT_EVENT.DETAIL)
                .from(AUDIT_EVENT).leftJoin(MEMBER).on(MEMBER.ID.eq(AUDIT_EVENT.ACTOR_ID))
                .where(AUDIT_EVENT.SUBJECT_TYPE.eq(subjectType)).and(AUDIT_EVENT.SUBJECT_ID.eq(subjectId))
                .and(AUDIT_EVENT.ACTION.in(actions.stream().map(AuditAction::code).toList()))
                .orderBy(AUDIT_EVENT.ID)
                .fetch(r -> new AuditEntry(r.value1(), r.value2(), AuditAction.fromCode(r.value3()), r.value4()));
    }

    public void record(Long actorId, AuditAction action, String subjectType, Long subjectId, String detail) {
        Map<String, Object> values = new HashMap<>();
        values.put("actorId", actorId);
        values.put("action", action.code());
        values.put("subjectType", subjectType);
        values.put("subjectId", subjectId);
        values.put("detail", detail == null ? "" : detail);
        long id = insert.fetch(db, values).getFirst().get(AUDIT_EVENT.ID);
        events.publishEvent(new AuditRecorded(actorId, action, subjectType, subjectId, detail == null ? "" : detail, id));
    }
}
