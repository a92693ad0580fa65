package org.commonground.comment;

import java.time.OffsetDateTime;

/**
 * A comment as its reader sees it. A deleted comment with replies keeps its place with an empty body.
 *
 * @param line  for a comment on a passage or paragraph: the line it starts at, in revision {@code revision}
 */
public record Comment(long id, Long parentId, Long amendmentId, long authorId, String authorName, String partyCode,
                      String partyColour, Visibility visibility, Integer revision, Integer block, Integer line, String quote,
                      String body, OffsetDateTime createdAt, OffsetDateTime editedAt, boolean deleted) {
}
