package org.commonground.proposal.text;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a comment on a paragraph or a passage sits in the text, and where it sits in the next revision: its
 * characters are moved by the same re-basing open amendments get ({@link DiffRebase} for an author's edit,
 * {@link Passages#rebaser} for a merge), so it keeps its words and gets their new line numbers. Pure.
 */
public final class Anchoring {

    private Anchoring() {
    }

    /** An anchor in one revision: its characters, the paragraph of its first line, and its first and last lines. */
    public record Placed(TextRange range, int block, int line, int lastLine) {
    }

    /** The characters of the paragraph (heading, list item, table…) that holds line {@code line}. */
    public static TextRange paragraph(List<NumberedLine> lines, int line) {
        int block = lines.get(line - 1).block();
        List<NumberedLine> in = lines.stream().filter(l -> l.block() == block).toList();
        return new TextRange(in.getFirst().start(), in.getLast().end());
    }

    /**
     * Where {@code range}, of the text before a change, lies in {@code after} (the text after it, numbered): empty
     * when the change touched its words, or left it on no line at all.
     */
    public static Optional<Placed> follow(TextRange range, Function<TextRange, Optional<TextRange>> rebase, List<NumberedLine> after) {
        return rebase.apply(range).flatMap(moved -> {
            int[] span = LineNumbering.linesOf(after, moved);
            return span[0] == 0 ? Optional.empty()
                    : Optional.of(new Placed(moved, after.get(span[0] - 1).block(), span[0], span[1]));
        });
    }
}
