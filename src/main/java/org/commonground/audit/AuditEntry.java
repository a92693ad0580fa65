package org.commonground.audit;

import java.time.OffsetDateTime;

public record AuditEntry(OffsetDateTime at, String actorName, AuditAction action, String detail) {
}
