package org.commonground.comment;

/**
 * A comment as typed. Anchor it to nothing (the whole proposal or amendment), to the paragraph containing
 * {@code fromLine} (with {@code toLine} null and {@code passage} false), or to the passage of lines
 * {@code fromLine}–{@code toLine} of revision {@code revision} ({@code passage} true).
 *
 * @param quote for a passage, the words the member selected in those lines; null quotes the lines whole
 */
public record NewComment(Long amendmentId, Long parentId, Visibility visibility, Integer revision, Integer fromLine,
                         Integer toLine, boolean passage, String body, String quote) {

    public NewComment(Long amendmentId, Long parentId, Visibility visibility, Integer revision, Integer fromLine,
                      Integer toLine, boolean passage, String body) {
        this(amendmentId, parentId, visibility, revision, fromLine, toLine, passage, body, null);
    }

    public static NewComment onProposal(Visibility visibility, String body) {
        return new NewComment(null, null, visibility, null, null, null, false, body);
    }

    /** A comment on lines {@code fromLine}–{@code toLine} of {@code revision}, quoting the words selected there. */
    public static NewComment onPassage(Visibility visibility, int revision, int fromLine, int toLine, String quote, String body) {
        return new NewComment(null, null, visibility, revision, fromLine, toLine, true, body, quote);
    }
}
