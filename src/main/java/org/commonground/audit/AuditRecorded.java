package org.commonground.audit;

/**
 * An audited change, told to listeners in the transaction that made it (so what they write commits with it).
 * {@code auditId} is its row in the audit trail.
 */
public record AuditRecorded(Long actorId, AuditAction action, String subjectType, Long subjectId, String detail, long auditId) {
}
