package org.commonground.proposal;

import java.util.List;

import org.commonground.proposal.text.Passages;
import org.commonground.proposal.text.TextRange;
import org.commonground.proposal.text.WordDiff;

/**
 * One changed passage of an amendment: {@code range} of its revision, covering lines {@code fromLine}–{@code toLine},
 * where {@code original} becomes {@code replacement}. {@code before} and {@code after} are the rest of those lines,
 * so that the change can be read in its sentence.
 */
public record AmendmentPassage(int position, TextRange range, String original, String replacement, int fromLine, int toLine,
                               String before, String after) {

    /** "line 4" or "lines 12–14". */
    public String lines() {
        return Passages.citeLines(List.<int[]>of(new int[] {fromLine, toLine}));
    }

    /** The word diff of the passage's lines, as they are and as amended. */
    public List<WordDiff.Segment> diff() {
        return WordDiff.diff(before + original + after, before + replacement + after);
    }
}
