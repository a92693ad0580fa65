package org.commonground.proposal.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The numbered text with every open amendment inline, as tracked changes: the words a passage replaces struck
 * through ({@code <del>}), its new words underlined ({@code <ins>}), each change headed by a visible "A3" label, and
 * "deleted:" / "inserted:" in text for screen readers, so nothing depends on colour. Line numbers are those of the
 * revision ({@link LineNumbering}); a passage may span lines, or be empty (a pure insertion).
 * <p>
 * Collisions: passages are shown inline in amendment order; a passage overlapping one already shown (a
 * <em>collision</em>) is not inlined, since two rewrites of the same words cannot both be struck through and
 * read. It is shown as a note right after the words it collides over ("A5 collides with A3: … → …"), with its
 * whole proposed change, and every line where passages collide is marked. So no amendment is ever hidden.
 * Pure: no framework, no I/O.
 */
public final class TrackedChanges {

    /** An open amendment as shown here: its number and its passages, edits of the text shown. */
    public record Proposed(int number, List<TextEdit> passages) {
    }

    /** A passage of amendment {@code number} that overlaps passages of amendments {@code with}, on lines from–to. */
    public record Collision(int number, List<Integer> with, int fromLine, int toLine) {

        /** "A5 collides with A3 and A4 on line 14". */
        public String describe() {
            return "A" + number + " collides with " + joined(with) + " on " + Passages.citeLines(List.<int[]>of(new int[] {fromLine, toLine}));
        }
    }

    public record Rendered(String html, List<Collision> collisions) {
    }

    private static final Pattern BLANK_LINE = Pattern.compile("\\s*\\n[ \\t]*\\r?\\n\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int QUOTED = 120;

    private TrackedChanges() {
    }

    /** {@code lines} are {@code body} numbered; the passages are edits of {@code body}. */
    public static Rendered render(String body, List<NumberedLine> lines, List<Proposed> amendments) {
        List<Change> all = new ArrayList<>();
        for (Proposed a : amendments.stream().sorted(Comparator.comparingInt(Proposed::number)).toList()) {
            for (TextEdit e : a.passages()) {
                if (e.range().end() > body.length()) {
                    throw new IllegalArgumentException("A" + a.number() + "'s passage " + e.range() + " lies beyond the text");
                }
                all.add(new Change(a.number(), e));
            }
        }
        List<Change> inline = new ArrayList<>();
        List<Collision> collisions = new ArrayList<>();
        Set<Integer> collidingLines = new HashSet<>();
        for (Change c : all) {
            for (Change other : all) {
                if (other.number != c.number && other.edit.range().overlaps(c.edit.range())) {
                    c.with.add(other.number);
                }
            }
            c.inline = inline.stream().noneMatch(shown -> shown.edit.range().overlaps(c.edit.range()));
            if (c.inline) {
                inline.add(c);
            }
            if (!c.with.isEmpty()) {
                int[] span = LineNumbering.citedLines(lines, c.edit.range());
                for (int n = span[0]; n <= span[1] && n > 0; n++) {
                    collidingLines.add(n);
                }
                if (!c.inline) {
                    collisions.add(new Collision(c.number, List.copyOf(c.with), Math.max(1, span[0]), Math.max(1, span[1])));
                }
            }
        }
        inline.sort(Comparator.comparingInt((Change c) -> c.edit.range().start()).thenComparingInt(c -> c.edit.range().end()));

        List<int[]> pieces = new ArrayList<>();
        List<List<int[]>> piecesByLine = new ArrayList<>(lines.size());
        for (NumberedLine line : lines) {
            List<int[]> own = pieces(body, line);
            piecesByLine.add(own);
            pieces.addAll(own);
        }
        List<List<Change>> itemsByLine = new ArrayList<>(lines.size() + 1);
        for (int i = 0; i <= lines.size(); i++) {
            itemsByLine.add(new ArrayList<>());
        }
        for (Change c : all) {
            anchor(pieces, c);
        }
        for (Change c : all) {
            if (!c.inline) {
                // A note follows the shown changes it collides with, so that it never splits their words.
                for (Change shown : inline) {
                    if (shown.edit.range().overlaps(c.edit.range())) {
                        c.anchor = Math.max(c.anchor, shown.anchor);
                    }
                }
            }
        }
        for (Change c : all) {
            place(body, lines, c, itemsByLine);
        }

        StringBuilder html = new StringBuilder(body.length() * 2 + 200).append("<div class=\"cg-numbered cg-tracked\">");
        int block = -1;
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            NumberedLine line = lines.get(i);
            // Inline changes are apart and in order, so their ends are too: those ending before this line are done.
            while (next < inline.size() && inline.get(next).edit.range().end() <= line.start()) {
                next++;
            }
            List<Change> deleting = new ArrayList<>();
            for (int k = next; k < inline.size() && inline.get(k).edit.range().start() < line.end(); k++) {
                if (!inline.get(k).edit.range().isEmpty()) {
                    deleting.add(inline.get(k));
                }
            }
            openLine(html, line, line.block() != block, collidingLines.contains(line.number()) ? "cg-tc-collides" : "");
            block = line.block();
            new LineWriter(html, body, deleting).write(piecesByLine.get(i), itemsByLine.get(i));
            html.append("</span></div>");
        }
        if (!itemsByLine.get(lines.size()).isEmpty()) {
            // A text with no lines yet: what amendments would add still shows, on a line of its own.
            html.append("<div class=\"cg-line\"><span class=\"cg-lineno\" aria-hidden=\"true\"></span><span class=\"cg-linetext\">");
            new LineWriter(html, body, List.of()).write(List.of(), itemsByLine.get(lines.size()));
            html.append("</span></div>");
        }
        return new Rendered(html.append("</div>").toString(), List.copyOf(collisions));
    }

    /**
     * Where a change's new words (or, for a collision, its note) go: right after the last word it deletes, or, for a
     * change that deletes no shown word, where it starts.
     */
    private static void anchor(List<int[]> pieces, Change c) {
        TextRange r = c.edit.range();
        int lastEnd = -1;
        for (int k = firstPieceEndingAfter(pieces, r.start()); k < pieces.size() && pieces.get(k)[0] < r.end(); k++) {
            lastEnd = Math.min(pieces.get(k)[1], r.end());
        }
        c.hiddenDeletion = lastEnd < 0 && !r.isEmpty();
        c.anchor = lastEnd >= 0 ? lastEnd : r.start();
    }

    /**
     * The line a change's new words go on: the one its anchor falls in; between lines, the end of the line before,
     * or, for a change removing Markdown such as a list marker, the start of the line after.
     */
    private static void place(String body, List<NumberedLine> lines, Change c, List<List<Change>> itemsByLine) {
        if (lines.isEmpty()) {
            itemsByLine.get(0).add(c);
            return;
        }
        int owner = lastLineStartingAtOrBefore(lines, c.anchor);
        TextRange r = c.edit.range();
        boolean removesMarkup = c.hiddenDeletion && !body.substring(r.start(), r.end()).isBlank();
        if (owner < 0 || removesMarkup && c.anchor > lines.get(owner).end() && owner + 1 < lines.size()) {
            owner++;
        }
        itemsByLine.get(owner).add(c);
    }

    private static int firstPieceEndingAfter(List<int[]> pieces, int offset) {
        int lo = 0;
        int hi = pieces.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pieces.get(mid)[1] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the last line starting at or before {@code offset}, or -1. */
    private static int lastLineStartingAtOrBefore(List<NumberedLine> lines, int offset) {
        int lo = 0;
        int hi = lines.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lines.get(mid).start() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /**
     * The source ranges of a line's words, in order. A line's text is its block's words re-flowed with single
     * spaces, so each is found in the source from where the previous one ended; code keeps its spacing and is one.
     */
    static List<int[]> pieces(String body, NumberedLine line) {
        List<int[]> pieces = new ArrayList<>();
        if (line.kind() == BlockKind.CODE || line.text().isEmpty()) {
            if (line.end() > line.start()) {
                pieces.add(new int[] {line.start(), line.end()});
            }
            return pieces;
        }
        int cursor = line.start();
        for (String word : line.text().split(" ")) {
            int at = body.indexOf(word, cursor);
            if (at < 0 || at + word.length() > line.end()) {
                break;
            }
            pieces.add(new int[] {at, at + word.length()});
            cursor = at + word.length();
        }
        return pieces;
    }

    /** The start of a numbered line as {@link TextHtml#numbered} draws it, so both views look alike. */
    static void openLine(StringBuilder html, NumberedLine line, boolean firstOfBlock, String extraClass) {
        html.append("<div class=\"cg-line cg-").append(line.kind().name().toLowerCase().replace('_', '-'));
        if (line.level() > 0) {
            html.append(" cg-level-").append(Math.min(line.level(), 6));
        }
        if (firstOfBlock) {
            html.append(" cg-block-start");
        }
        if (!extraClass.isEmpty()) {
            html.append(' ').append(extraClass);
        }
        html.append("\" data-line=\"").append(line.number()).append("\">")
                .append("<span class=\"cg-lineno\" aria-hidden=\"true\">").append(line.number()).append("</span>")
                .append("<span class=\"cg-linetext\">");
        if (!line.marker().isEmpty()) {
            html.append("<span class=\"cg-marker\">").append(TextHtml.escape(line.marker().matches("[-*+]") ? "•" : line.marker())).append("</span> ");
        }
    }

    /** Words as read in a line: a blank line (a new paragraph) is a pilcrow, any other run of spaces one space. */
    static String readable(String text) {
        return SPACE.matcher(BLANK_LINE.matcher(text).replaceAll(" \u00b6 ")).replaceAll(" ").strip();
    }

    static String label(int number) {
        return "<span class=\"cg-tc-label\">A" + number + "</span>";
    }

    /** "A3", "A3 and A5", "A1, A3 and A5". */
    public static String joined(List<Integer> numbers) {
        List<String> names = numbers.stream().map(n -> "A" + n).toList();
        return names.size() == 1 ? names.getFirst() : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    private static final class Change {
        final int number;
        final TextEdit edit;
        final Set<Integer> with = new TreeSet<>();
        boolean inline;
        boolean hiddenDeletion;
        int anchor;

        Change(int number, TextEdit edit) {
            this.number = number;
            this.edit = edit;
        }
    }

    /** Writes one line: its words, the inline deletions among them, and the insertions and notes placed on it. */
    private static final class LineWriter {
        private final StringBuilder html;
        private final String body;
        private final List<Change> deleting;
        private final Set<Integer> labelled = new HashSet<>();
        private Change open;
        private boolean wroteAny;

        LineWriter(StringBuilder html, String body, List<Change> deleting) {
            this.html = html;
            this.body = body;
            this.deleting = deleting;
        }

        void write(List<int[]> pieces, List<Change> items) {
            List<Change> queue = new ArrayList<>(items);
            queue.sort(Comparator.comparingInt((Change c) -> c.anchor).thenComparing(c -> !c.inline).thenComparingInt(c -> c.number));
            int nextItem = 0;
            for (int[] piece : pieces) {
                boolean firstOfPiece = true;
                int at = piece[0];
                while (at < piece[1]) {
                    int end = piece[1];
                    Change deleter = null;
                    for (Change d : deleting) {
                        TextRange r = d.edit.range();
                        if (r.start() <= at && at < r.end()) {
                            deleter = d;
                            end = Math.min(end, r.end());
                        } else if (r.start() > at && r.start() < end) {
                            end = r.start();
                        }
                    }
                    while (nextItem < queue.size() && queue.get(nextItem).anchor <= at) {
                        item(queue.get(nextItem++));
                    }
                    fragment(at, end, deleter, firstOfPiece);
                    firstOfPiece = false;
                    at = end;
                }
            }
            while (nextItem < queue.size()) {
                item(queue.get(nextItem++));
            }
            closeDeletion();
        }

        private void fragment(int from, int to, Change deleter, boolean spaced) {
            if (deleter != open) {
                closeDeletion();
                space(spaced);
                if (deleter != null) {
                    labelOnce(deleter.number);
                    html.append("<del data-amendment=\"").append(deleter.number).append("\"><span class=\"cg-sr\">deleted: </span>");
                    open = deleter;
                }
            } else {
                space(spaced);
            }
            html.append(TextHtml.escape(body.substring(from, to)));
            wroteAny = true;
        }

        private void item(Change c) {
            closeDeletion();
            String original = readable(body.substring(c.edit.range().start(), c.edit.range().end()));
            String replacement = readable(c.edit.replacement());
            if (c.inline) {
                if (!c.hiddenDeletion && replacement.isEmpty()) {
                    return;
                }
                space(true);
                labelOnce(c.number);
                if (c.hiddenDeletion) {
                    deletion(c.number, original.isEmpty() ? "\u00b6" : original);
                }
                if (!replacement.isEmpty()) {
                    insertion(c.number, replacement);
                }
            } else {
                space(true);
                html.append("<span class=\"cg-tc-collision\" role=\"note\">").append(label(c.number)).append(" collides with ")
                        .append(joined(List.copyOf(c.with))).append(": ");
                if (!original.isEmpty()) {
                    deletion(c.number, original.length() > QUOTED ? original.substring(0, QUOTED - 1) + "\u2026" : original);
                }
                if (!replacement.isEmpty()) {
                    html.append(original.isEmpty() ? "" : " \u2192 ");
                    insertion(c.number, replacement);
                }
                html.append("</span>");
            }
            wroteAny = true;
        }

        private void deletion(int number, String text) {
            html.append("<del data-amendment=\"").append(number).append("\"><span class=\"cg-sr\">deleted: </span>")
                    .append(TextHtml.escape(text)).append("</del>");
        }

        private void insertion(int number, String text) {
            html.append("<ins data-amendment=\"").append(number).append("\"><span class=\"cg-sr\">inserted: </span>")
                    .append(TextHtml.escape(text)).append("</ins>");
        }

        private void labelOnce(int number) {
            if (labelled.add(number)) {
                html.append(label(number));
            }
        }

        private void space(boolean wanted) {
            if (wanted && wroteAny) {
                html.append(' ');
            }
        }

        private void closeDeletion() {
            if (open != null) {
                html.append("</del>");
                open = null;
            }
        }
    }
}
