package org.commonground.comment;

import java.time.OffsetDateTime;

/**
 * A comment as its reader sees it. A deleted comment with replies keeps its place with an empty body.
 *
 * @param line     for a comment on a passage or paragraph: the line it starts at, in revision {@code revision}
 * @param lastLine for a comment on a passage: the line it ends at (null for older comments, which cite one line)
 */
public record Comment(long id, Long parentId, Long amendmentId, long authorId, String authorName, String partyCode,
                      String partyColour, Visibility visibility, Integer revision, Integer block, Integer line, Integer lastLine, String quote,
                      String body, OffsetDateTime createdAt, OffsetDateTime editedAt, boolean deleted) {

    /** "line 6" or "lines 6–7": the lines a passage comment cites. */
    public String lines() {
        return lastLine == null || lastLine.equals(line) ? "line " + line : "lines " + line + "\u2013" + lastLine;
    }
}
