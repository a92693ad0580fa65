package org.commonground.proposal.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An amendment as one or more passages: non-overlapping edits of the same text, in order. A member's edit of the
 * whole text becomes passages here (the word diff's changes, joined where they fall on the same or neighbouring
 * numbered lines, so "lines 12–14 and 20" are two passages); applying, re-basing and collisions work on all of them
 * at once. Pure: no framework, no I/O.
 */
public final class Passages {

    /** A blank line: whitespace that holds one separates blocks, so changing it changes the text's structure. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\r?\\n");

    private Passages() {
    }

    /**
     * The passages that turn {@code before} into {@code after}, grouped by the lines of {@code before} numbered at
     * {@code width}. Changes of spacing that numbering and rendering ignore (a line break or a double space inside a
     * paragraph) are not passages; where a change of spacing changes the structure (a paragraph split, code
     * re-indented), it is.
     */
    public static List<TextEdit> between(String before, String after, int width) {
        List<NumberedLine> lines = LineNumbering.number(before, width);
        List<TextEdit> significant = between(before, after, lines, true);
        String applied = apply(before, significant);
        // Numbering both texts again is needed only when some spacing was left out.
        if (applied.equals(after) || shape(LineNumbering.number(applied, width)).equals(shape(LineNumbering.number(after, width)))) {
            return significant;
        }
        return between(before, after, lines, false);
    }

    private static List<List<Object>> shape(List<NumberedLine> lines) {
        return lines.stream().map(l -> List.<Object>of(l.kind(), l.level(), l.marker(), l.text())).toList();
    }

    private static List<TextEdit> between(String before, String after, List<NumberedLine> lines, boolean skipSpacing) {
        List<Hunk> hunks = new ArrayList<>();
        int oldPos = 0;
        int newPos = 0;
        Hunk open = null;
        for (WordDiff.Segment s : WordDiff.diff(before, after)) {
            int length = s.text().length();
            if (s.kind() == WordDiff.Kind.SAME) {
                if (open != null) {
                    hunks.add(open);
                    open = null;
                }
                oldPos += length;
                newPos += length;
                continue;
            }
            if (open == null) {
                open = new Hunk(oldPos, oldPos, newPos, newPos);
            }
            if (s.kind() == WordDiff.Kind.DELETED) {
                oldPos += length;
                open.oldEnd = oldPos;
            } else {
                newPos += length;
                open.newEnd = newPos;
            }
        }
        if (open != null) {
            hunks.add(open);
        }
        List<TextEdit> passages = new ArrayList<>();
        Hunk joined = null;
        int joinedLastLine = 0;
        for (Hunk h : hunks) {
            String removed = before.substring(h.oldStart, h.oldEnd);
            String added = after.substring(h.newStart, h.newEnd);
            if (skipSpacing && removed.isBlank() && added.isBlank() && !BLANK_LINE.matcher(removed).find() && !BLANK_LINE.matcher(added).find()) {
                continue;
            }
            int[] span = LineNumbering.citedLines(lines, new TextRange(h.oldStart, h.oldEnd));
            if (joined != null && span[0] <= joinedLastLine + 1) {
                joined.oldEnd = h.oldEnd;
                joined.newEnd = h.newEnd;
            } else {
                if (joined != null) {
                    passages.add(joined.edit(after));
                }
                joined = h;
            }
            joinedLastLine = Math.max(joinedLastLine, span[1]);
        }
        if (joined != null) {
            passages.add(joined.edit(after));
        }
        return List.copyOf(passages);
    }

    /** The text with every passage applied; the passages must be of this text and must not overlap. */
    public static String apply(String text, List<TextEdit> passages) {
        List<TextEdit> ordered = ordered(passages);
        requireApart(ordered);
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (TextEdit p : ordered) {
            if (p.range().end() > text.length()) {
                throw new IllegalArgumentException("The range " + p.range() + " lies beyond the text (" + text.length() + " characters)");
            }
            out.append(text, at, p.range().start()).append(p.replacement());
            at = p.range().end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /**
     * Where a range of the text before {@code passages} lies after them: moved by the changes before it, or empty
     * when any of them touches it, as {@link TextEdit#rebase} does for one.
     */
    public static Function<TextRange, Optional<TextRange>> rebaser(List<TextEdit> passages) {
        List<TextEdit> ordered = ordered(passages);
        return range -> {
            int shift = 0;
            for (TextEdit p : ordered) {
                if (p.range().overlaps(range)) {
                    return Optional.empty();
                }
                if (range.end() > p.range().start()) {
                    shift += p.replacement().length() - (p.range().end() - p.range().start());
                }
            }
            return Optional.of(new TextRange(range.start() + shift, range.end() + shift));
        };
    }

    /** All ranges moved by {@code rebase}, or empty if any of them can no longer be found. */
    public static Optional<List<TextRange>> rebaseAll(List<TextRange> ranges, Function<TextRange, Optional<TextRange>> rebase) {
        List<TextRange> moved = new ArrayList<>(ranges.size());
        for (TextRange r : ranges) {
            Optional<TextRange> m = rebase.apply(r);
            if (m.isEmpty()) {
                return Optional.empty();
            }
            moved.add(m.get());
        }
        return Optional.of(moved);
    }

    /**
     * A member's edit of {@code base} carried over to {@code current}, a later revision of the same text: each of its
     * passages moved with its words, as open amendments are. Empty if the words of any passage changed in between.
     */
    public static Optional<String> carryOver(String base, String edited, String current, int width) {
        List<WordDiff.Segment> since = WordDiff.diff(base, current);
        List<TextEdit> moved = new ArrayList<>();
        for (TextEdit passage : between(base, edited, width)) {
            Optional<TextRange> range = DiffRebase.rebase(since, passage.range());
            if (range.isEmpty()) {
                return Optional.empty();
            }
            moved.add(new TextEdit(range.get(), passage.replacement()));
        }
        try {
            return Optional.of(apply(current, moved));
        } catch (IllegalArgumentException movedTogether) {
            return Optional.empty();
        }
    }

    /** Whether any range of one overlaps any range of the other. */
    public static boolean collide(List<TextRange> a, List<TextRange> b) {
        for (TextRange x : a) {
            for (TextRange y : b) {
                if (x.overlaps(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "line 4", "lines 12–14 and 20", "lines 3, 7–8 and 12": how an amendment's passages are cited. */
    public static String citeLines(List<int[]> spans) {
        if (spans.isEmpty()) {
            return "no lines";
        }
        List<String> parts = new ArrayList<>();
        for (int[] s : spans) {
            parts.add(s[0] == s[1] ? String.valueOf(s[0]) : s[0] + "\u2013" + s[1]);
        }
        boolean single = spans.size() == 1 && spans.getFirst()[0] == spans.getFirst()[1];
        String joined = parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        return (single ? "line " : "lines ") + joined;
    }

    private static List<TextEdit> ordered(List<TextEdit> passages) {
        return passages.stream().sorted(Comparator.comparingInt((TextEdit p) -> p.range().start()).thenComparingInt(p -> p.range().end())).toList();
    }

    private static void requireApart(List<TextEdit> ordered) {
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i - 1).range().overlaps(ordered.get(i).range()) || ordered.get(i - 1).range().end() > ordered.get(i).range().start()) {
                throw new IllegalArgumentException("Passages overlap: " + ordered.get(i - 1).range() + " and " + ordered.get(i).range());
            }
        }
    }

    private static final class Hunk {
        final int oldStart;
        int oldEnd;
        final int newStart;
        int newEnd;

        Hunk(int oldStart, int oldEnd, int newStart, int newEnd) {
            this.oldStart = oldStart;
            this.oldEnd = oldEnd;
            this.newStart = newStart;
            this.newEnd = newEnd;
        }

        TextEdit edit(String after) {
            return new TextEdit(new TextRange(oldStart, oldEnd), after.substring(newStart, newEnd));
        }
    }
}
