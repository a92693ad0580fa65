package org.commonground.audit;

/** An audited change, told to listeners in the transaction that made it (so what they write commits with it). */
public record AuditRecorded(Long actorId, AuditAction action, String subjectType, Long subjectId, String detail) {
}
