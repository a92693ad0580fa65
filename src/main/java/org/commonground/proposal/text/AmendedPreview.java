package org.commonground.proposal.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.commonground.proposal.text.TrackedChanges.Collision;
import org.commonground.proposal.text.TrackedChanges.Proposed;

/**
 * A text as it would read with a chosen set of amendments applied ({@link Passages#apply}), numbered anew. Chosen
 * amendments that collide with each other cannot be combined: which wording wins is for a merge to decide, not a
 * preview, so none of them is applied. They are listed, and the lines where they collide are marked in the
 * preview; the lines that applied amendments changed carry those amendments' labels. Pure.
 *
 * @param text       the amended text
 * @param applied    numbers of the amendments applied, in order
 * @param notApplied one entry per passage of a chosen amendment left out because it collides, cited by the
 *                   preview's own line numbers
 */
public record AmendedPreview(String text, List<Integer> applied, List<Collision> notApplied, String html) {

    public static AmendedPreview of(String body, int width, List<Proposed> chosen) {
        Set<Integer> colliding = new TreeSet<>();
        for (Proposed a : chosen) {
            for (Proposed b : chosen) {
                if (a.number() != b.number() && Passages.collide(ranges(a), ranges(b))) {
                    colliding.add(a.number());
                }
            }
        }
        List<Integer> applied = new ArrayList<>();
        List<TextEdit> edits = new ArrayList<>();
        for (Proposed a : chosen.stream().sorted(Comparator.comparingInt(Proposed::number)).toList()) {
            if (!colliding.contains(a.number())) {
                applied.add(a.number());
                edits.addAll(a.passages());
            }
        }
        String text = Passages.apply(body, edits);
        List<NumberedLine> lines = LineNumbering.number(text, width);

        // What each line of the result shows: the labels of the amendments that changed it, the collisions on it.
        Map<Integer, Set<Integer>> changedBy = new HashMap<>();
        for (Proposed a : chosen) {
            if (applied.contains(a.number())) {
                for (TextEdit e : a.passages()) {
                    int start = shiftedStart(e, edits);
                    mark(changedBy, LineNumbering.citedLines(lines, new TextRange(start, start + e.replacement().length())), a.number());
                }
            }
        }
        // Applied passages never touch a colliding one (else it would collide too), so every colliding passage is found.
        var moved = Passages.rebaser(edits);
        List<Collision> notApplied = new ArrayList<>();
        Map<Integer, Set<Integer>> collidesOn = new HashMap<>();
        for (Proposed a : chosen) {
            if (!colliding.contains(a.number())) {
                continue;
            }
            for (TextEdit e : a.passages()) {
                List<Integer> with = chosen.stream().filter(b -> b.number() != a.number()
                        && Passages.collide(List.of(e.range()), ranges(b))).map(Proposed::number).sorted().toList();
                if (with.isEmpty()) {
                    continue;
                }
                int[] span = LineNumbering.citedLines(lines, moved.apply(e.range()).orElse(e.range()));
                notApplied.add(new Collision(a.number(), with, Math.max(1, span[0]), Math.max(1, span[1])));
                mark(collidesOn, span, a.number());
            }
        }
        notApplied.sort(Comparator.comparingInt(Collision::number).thenComparingInt(Collision::fromLine));
        return new AmendedPreview(text, List.copyOf(applied), List.copyOf(notApplied), html(lines, changedBy, collidesOn));
    }

    /** Where a passage's replacement starts in the text with all of {@code edits} (of which it is one) applied. */
    private static int shiftedStart(TextEdit passage, List<TextEdit> edits) {
        int shift = 0;
        for (TextEdit other : edits) {
            if (other != passage && other.range().end() <= passage.range().start()) {
                shift += other.replacement().length() - (other.range().end() - other.range().start());
            }
        }
        return passage.range().start() + shift;
    }

    private static void mark(Map<Integer, Set<Integer>> marks, int[] span, int number) {
        for (int n = span[0]; n <= span[1] && n > 0; n++) {
            marks.computeIfAbsent(n, k -> new TreeSet<>()).add(number);
        }
    }

    private static List<TextRange> ranges(Proposed a) {
        return a.passages().stream().map(TextEdit::range).toList();
    }

    private static String html(List<NumberedLine> lines, Map<Integer, Set<Integer>> changedBy, Map<Integer, Set<Integer>> collidesOn) {
        StringBuilder html = new StringBuilder(lines.size() * 120).append("<div class=\"cg-numbered cg-amended-preview\">");
        int block = -1;
        for (NumberedLine line : lines) {
            Set<Integer> changed = changedBy.getOrDefault(line.number(), Set.of());
            Set<Integer> collides = collidesOn.getOrDefault(line.number(), Set.of());
            String classes = (changed.isEmpty() ? "" : "cg-pv-changed") + (collides.isEmpty() ? "" : (changed.isEmpty() ? "" : " ") + "cg-tc-collides");
            TrackedChanges.openLine(html, line, line.block() != block, classes);
            block = line.block();
            html.append(TextHtml.escape(line.text())).append("</span>");
            if (!changed.isEmpty() || !collides.isEmpty()) {
                html.append("<span class=\"cg-pv-marks\">");
                if (!changed.isEmpty()) {
                    html.append("<span class=\"cg-sr\">changed by </span>");
                    changed.forEach(n -> html.append(TrackedChanges.label(n)));
                }
                if (!collides.isEmpty()) {
                    html.append("<span class=\"cg-tc-collision\">").append(TrackedChanges.joined(List.copyOf(collides)))
                            .append(" collide here, not applied</span>");
                }
                html.append("</span>");
            }
            html.append("</div>");
        }
        return html.append("</div>").toString();
    }
}
