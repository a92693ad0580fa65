package org.commonground.proposal.text;

/** A half-open range [start, end) of offsets into a text. */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a range: " + start + "–" + end);
        }
    }

    public boolean isEmpty() {
        return start == end;
    }

    public boolean overlaps(TextRange other) {
        return start < other.end && other.start < end || start == other.start && (isEmpty() || other.isEmpty());
    }
}
