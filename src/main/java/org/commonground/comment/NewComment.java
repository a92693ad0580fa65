package org.commonground.comment;

/**
 * A comment as typed. Anchor it to nothing (the whole proposal or amendment), to the paragraph containing
 * {@code fromLine} (with {@code toLine} null and {@code passage} false), or to the passage of lines
 * {@code fromLine}–{@code toLine} of revision {@code revision} ({@code passage} true).
 */
public record NewComment(Long amendmentId, Long parentId, Visibility visibility, Integer revision, Integer fromLine,
                         Integer toLine, boolean passage, String body) {

    public static NewComment onProposal(Visibility visibility, String body) {
        return new NewComment(null, null, visibility, null, null, null, false, body);
    }
}
