package org.commonground.proposal.text;

import java.util.List;
import java.util.Optional;

/**
 * Moves a range of an old text onto a new text, given the word diff between them: the range keeps its words if
 * no change falls inside it, and moves by the length of the changes before it. Used when authors save an
 * ordinary revision while amendments are open. Pure.
 */
public final class DiffRebase {

    private DiffRebase() {
    }

    public static Optional<TextRange> rebase(List<WordDiff.Segment> diff, TextRange range) {
        int oldPos = 0;
        int shift = 0;
        for (WordDiff.Segment s : diff) {
            int length = s.text().length();
            switch (s.kind()) {
                case SAME -> oldPos += length;
                case DELETED -> {
                    if (new TextRange(oldPos, oldPos + length).overlaps(range)) {
                        return Optional.empty();
                    }
                    if (oldPos + length <= range.start()) {
                        shift -= length;
                    }
                    oldPos += length;
                }
                case INSERTED -> {
                    // Words inserted inside the range change its wording; at its start they push it along.
                    if (oldPos > range.start() && oldPos < range.end()) {
                        return Optional.empty();
                    }
                    if (oldPos <= range.start()) {
                        shift += length;
                    }
                }
            }
        }
        return Optional.of(new TextRange(range.start() + shift, range.end() + shift));
    }
}
