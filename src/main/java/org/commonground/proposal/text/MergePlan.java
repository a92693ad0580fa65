package org.commonground.proposal.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Merging several amendments of one text in one step. Their passages that overlap passages of another chosen
 * amendment, directly or through a chain of overlaps, form a {@link Collision}; each collision is resolved by a
 * {@link Resolution} (keep the current wording, take one amendment's, or a combined text), and every other passage is
 * taken as proposed. {@link #apply} gives the new text, the edits that made it (to move the other open amendments
 * onto it) and what became of each amendment. Pure: no framework, no I/O.
 */
public final class MergePlan {

    /** A passage of amendment {@code amendment} (its number). */
    public record Passage(int amendment, TextEdit edit) {
    }

    /**
     * Overlapping passages of different amendments: {@code span} covers them all, on lines {@code fromLine}–{@code
     * toLine}; {@code current} is the span's wording now and {@code wordings} each amendment's wording of it, by number.
     * {@code combined} is a starting point for a combined text: the first amendment's wording with the others' changes
     * added where they touch different words.
     */
    public record Collision(int number, TextRange span, int fromLine, int toLine, String current,
                            SortedMap<Integer, String> wordings, String combined, List<Passage> passages) {

        /** "line 4" or "lines 4–5". */
        public String lines() {
            return Passages.citeLines(List.<int[]>of(new int[] {fromLine, toLine}));
        }

        public List<Integer> amendments() {
            return List.copyOf(wordings.keySet());
        }
    }

    /** How a collision is resolved. */
    public sealed interface Resolution permits Keep, Take, Combine {
    }

    /** The current wording stays. */
    public record Keep() implements Resolution {
    }

    /** Amendment {@code amendment}'s wording of the collision is taken. */
    public record Take(int amendment) implements Resolution {
    }

    /** A text the decider wrote replaces the collision's span. */
    public record Combine(String text) implements Resolution {
        public Combine {
            if (text == null) {
                throw new IllegalArgumentException("A combined text is needed");
            }
        }
    }

    public enum Outcome {
        /** Every passage as proposed. */
        TAKEN,
        /** Some passages taken or combined with another amendment, not all as proposed. */
        IN_PART,
        /** Nothing of it is in the new text. */
        NOT_TAKEN
    }

    /** What became of an amendment, with a sentence for each collision it was in. */
    public record Fate(int amendment, Outcome outcome, List<String> sentences) {
        public String explanation() {
            return String.join(" ", sentences);
        }
    }

    /**
     * The merge applied: the new {@code text}, the {@code edits} of the old text that made it (for {@link
     * Passages#rebaser}), each amendment's fate by number, and a note for the revision.
     */
    public record Result(String text, List<TextEdit> edits, SortedMap<Integer, Fate> fates, String note) {
    }

    private final String base;
    private final SortedMap<Integer, List<TextEdit>> amendments;
    private final List<Collision> collisions;
    private final List<Passage> apart;

    private MergePlan(String base, SortedMap<Integer, List<TextEdit>> amendments, List<Collision> collisions, List<Passage> apart) {
        this.base = base;
        this.amendments = amendments;
        this.collisions = collisions;
        this.apart = apart;
    }

    /**
     * The plan for merging {@code amendments} (number → its passages, edits of {@code base}) into {@code base}, whose
     * numbered lines are {@code lines}.
     */
    public static MergePlan of(String base, List<NumberedLine> lines, Map<Integer, List<TextEdit>> amendments) {
        SortedMap<Integer, List<TextEdit>> chosen = new TreeMap<>(amendments);
        List<Passage> all = new ArrayList<>();
        chosen.forEach((n, edits) -> {
            Passages.apply(base, edits); // refuses passages that overlap each other or lie beyond the text
            edits.forEach(e -> all.add(new Passage(n, e)));
        });
        all.sort(Comparator.comparingInt((Passage p) -> p.edit().range().start()).thenComparingInt(p -> p.edit().range().end())
                .thenComparingInt(Passage::amendment));
        // Connected components of "overlaps a passage of another amendment", by union-find over the passages.
        int[] parent = new int[all.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).amendment() != all.get(j).amendment() && all.get(i).edit().range().overlaps(all.get(j).edit().range())) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        Map<Integer, List<Passage>> groups = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(all.get(i));
        }
        List<Passage> apart = new ArrayList<>();
        List<List<Passage>> colliding = new ArrayList<>();
        for (List<Passage> group : groups.values()) {
            if (group.size() == 1) {
                apart.add(group.getFirst());
            } else {
                colliding.add(group);
            }
        }
        colliding.sort(Comparator.comparingInt(g -> g.getFirst().edit().range().start()));
        List<Collision> collisions = new ArrayList<>();
        for (List<Passage> group : colliding) {
            collisions.add(collision(base, lines, collisions.size() + 1, group));
        }
        return new MergePlan(base, Collections.unmodifiableSortedMap(chosen), List.copyOf(collisions), List.copyOf(apart));
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static Collision collision(String base, List<NumberedLine> lines, int number, List<Passage> group) {
        int start = group.stream().mapToInt(p -> p.edit().range().start()).min().orElseThrow();
        int end = group.stream().mapToInt(p -> p.edit().range().end()).max().orElseThrow();
        TextRange span = new TextRange(start, end);
        String current = base.substring(start, end);
        SortedMap<Integer, List<TextEdit>> inSpan = new TreeMap<>();
        for (Passage p : group) {
            TextRange r = p.edit().range();
            inSpan.computeIfAbsent(p.amendment(), n -> new ArrayList<>())
                    .add(new TextEdit(new TextRange(r.start() - start, r.end() - start), p.edit().replacement()));
        }
        SortedMap<Integer, String> wordings = new TreeMap<>();
        inSpan.forEach((n, edits) -> wordings.put(n, Passages.apply(current, edits)));
        int[] cited = LineNumbering.citedLines(lines, span);
        return new Collision(number, span, Math.max(cited[0], 1), Math.max(cited[1], 1), current,
                Collections.unmodifiableSortedMap(wordings), combine(current, inSpan), List.copyOf(group));
    }

    /** The first amendment's wording, then each later one's passages wherever its words are still there to change. */
    private static String combine(String current, SortedMap<Integer, List<TextEdit>> inSpan) {
        String combined = null;
        for (List<TextEdit> edits : inSpan.values()) {
            if (combined == null) {
                combined = Passages.apply(current, edits);
                continue;
            }
            List<WordDiff.Segment> diff = WordDiff.diff(current, combined);
            List<TextEdit> moved = new ArrayList<>();
            for (TextEdit e : edits) {
                Optional<TextRange> to = DiffRebase.rebase(diff, e.range());
                if (to.isEmpty()) {
                    moved = null;
                    break;
                }
                moved.add(new TextEdit(to.get(), e.replacement()));
            }
            if (moved != null) {
                try {
                    combined = Passages.apply(combined, moved);
                } catch (IllegalArgumentException touching) {
                    // Two of its passages landed together: leave this amendment for the decider to fold in.
                }
            }
        }
        return combined;
    }

    public List<Collision> collisions() {
        return collisions;
    }

    /** The passages that collide with nothing: they are taken as proposed. */
    public List<Passage> apart() {
        return apart;
    }

    public List<Integer> amendments() {
        return List.copyOf(amendments.keySet());
    }

    /**
     * Merges, resolving each collision by {@code resolutions} (collision number → resolution).
     *
     * @throws IllegalArgumentException if a collision has no resolution, or one takes an amendment not in it
     */
    public Result apply(Map<Integer, Resolution> resolutions) {
        List<TextEdit> edits = new ArrayList<>();
        apart.forEach(p -> edits.add(p.edit()));
        Map<Integer, List<String>> sentences = new TreeMap<>();
        Map<Integer, int[]> taken = new TreeMap<>(); // per amendment: passages taken as proposed, passages combined
        amendments.keySet().forEach(n -> taken.put(n, new int[2]));
        apart.forEach(p -> taken.get(p.amendment())[0]++);
        List<String> notes = new ArrayList<>();
        for (Collision c : collisions) {
            Resolution r = resolutions.get(c.number());
            if (r == null) {
                throw new IllegalArgumentException("Collision " + c.number() + " on " + c.lines() + " has no resolution");
            }
            String on = "On " + c.lines() + ", ";
            switch (r) {
                case Keep k -> c.amendments().forEach(n -> sentences.computeIfAbsent(n, x -> new ArrayList<>())
                        .add(on + "the current wording was kept."));
                case Take t -> {
                    if (!c.wordings().containsKey(t.amendment())) {
                        throw new IllegalArgumentException("A" + t.amendment() + " has no passage in collision " + c.number());
                    }
                    edits.add(new TextEdit(c.span(), c.wordings().get(t.amendment())));
                    taken.get(t.amendment())[0] += c.passages().stream().filter(p -> p.amendment() == t.amendment()).count();
                    String others = cite(c.amendments().stream().filter(n -> n != t.amendment()).toList());
                    for (int n : c.amendments()) {
                        sentences.computeIfAbsent(n, x -> new ArrayList<>()).add(n == t.amendment()
                                ? on + "its wording was taken over " + possessive(others) + "."
                                : on + "A" + t.amendment() + "'s wording was taken instead.");
                    }
                    notes.add("A" + t.amendment() + "'s wording on " + c.lines());
                }
                case Combine m -> {
                    edits.add(new TextEdit(c.span(), m.text()));
                    for (int n : c.amendments()) {
                        taken.get(n)[1]++;
                        List<Integer> others = c.amendments().stream().filter(x -> x != n).toList();
                        sentences.computeIfAbsent(n, x -> new ArrayList<>()).add(on + "it was combined with " + cite(others) + ".");
                    }
                    notes.add("A" + c.amendments().getFirst() + " combined with " + cite(c.amendments().subList(1, c.amendments().size()))
                            + " on " + c.lines());
                }
            }
        }
        SortedMap<Integer, Fate> fates = new TreeMap<>();
        amendments.forEach((n, passages) -> {
            int[] t = taken.get(n);
            Outcome outcome = t[0] == passages.size() ? Outcome.TAKEN : t[0] + t[1] == 0 ? Outcome.NOT_TAKEN : Outcome.IN_PART;
            List<String> said = new ArrayList<>(sentences.getOrDefault(n, List.of()));
            if (outcome == Outcome.IN_PART && apart.stream().anyMatch(p -> p.amendment() == n)) {
                said.add("Its other passages were taken as proposed.");
            }
            fates.put(n, new Fate(n, outcome, List.copyOf(said)));
        });
        List<Integer> merged = fates.values().stream().filter(f -> f.outcome() != Outcome.NOT_TAKEN).map(Fate::amendment).toList();
        String note = merged.isEmpty() ? "Kept the current wording against " + cite(amendments())
                : "Merged " + cite(merged) + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
        return new Result(Passages.apply(base, edits), List.copyOf(edits), Collections.unmodifiableSortedMap(fates), note);
    }

    /** "A1", "A1 and A3", "A1, A3 and A4". */
    public static String cite(List<Integer> numbers) {
        List<String> names = numbers.stream().map(n -> "A" + n).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** "A1's", "A1 and A3's" would misread, so several become "those of A1 and A3". */
    private static String possessive(String cited) {
        return cited.contains(" ") ? "those of " + cited : cited + "'s";
    }
}
