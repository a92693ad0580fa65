package org.commonground.proposal;

import java.time.OffsetDateTime;

/** One saved version of a proposal. Immutable, in the database too. */
public record Revision(int number, String title, String summary, String body, String note, String authorName,
                       OffsetDateTime createdAt) {
}
