package org.commonground.proposal;

import java.time.OffsetDateTime;

public record ProposalSummary(long id, long groupId, String title, String summary, ProposalState state,
                              int currentRevision, OffsetDateTime stateChangedAt, int lineWidth) {
}
