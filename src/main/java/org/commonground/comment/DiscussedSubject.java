package org.commonground.comment;

import org.commonground.security.SignedInMember;

/**
 * What comments need to know of a thing discussed (a proposal, a pact), told by the feature that owns it: so the
 * comment feature depends on neither, and both use it.
 */
public interface DiscussedSubject {

    /** "proposal" or "pact": which of a comment's columns names it, and the audit trail's subject type. */
    String type();

    /** Throws {@code InvalidInputException} ("there is no such …") unless the reader may read it. */
    void requireReadable(long id, SignedInMember me);

    /** Throws {@code AccessDeniedException}, saying why, unless the reader may comment on it now; implies readable. */
    void requireOpen(long id, SignedInMember me);

    boolean hasAmendment(long id, long amendmentId);

    /** Where a comment that cites lines sits in the text; subjects without numbered lines cite none. */
    default Anchor anchor(long id, NewComment comment) {
        return Anchor.NONE;
    }

    /**
     * The revision, paragraph, first and last line a comment cites, the passage it quotes, if any, and the characters
     * of that revision it is on ({@code start}–{@code end}), which later revisions move with their words.
     */
    record Anchor(Integer revision, Integer block, Integer line, Integer lastLine, String quote, Integer start, Integer end) {
        public static final Anchor NONE = new Anchor(null, null, null, null, null, null, null);
    }
}
