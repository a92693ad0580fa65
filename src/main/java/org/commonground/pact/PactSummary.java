package org.commonground.pact;

import java.time.OffsetDateTime;

public record PactSummary(long id, long groupId, String groupName, String title, PactState state, int currentRevision, OffsetDateTime createdAt) {
}
