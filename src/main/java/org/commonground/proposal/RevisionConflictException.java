package org.commonground.proposal;

/**
 * Someone saved the proposal after the caller started editing. Nothing was written; the caller keeps what they
 * typed and is shown {@link #current()} to merge with.
 */
public class RevisionConflictException extends RuntimeException {

    private final int base;
    private final Revision current;

    public RevisionConflictException(int base, Revision current) {
        super(current.authorName() + " saved revision " + current.number() + " while you were editing revision " + base + ".");
        this.base = base;
        this.current = current;
    }

    public int base() {
        return base;
    }

    public Revision current() {
        return current;
    }
}
