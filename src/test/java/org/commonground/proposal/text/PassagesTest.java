package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** An edit of the whole text as passages: found, cited, applied, re-based and compared for collisions. */
class PassagesTest {

    static final String TEXT = """
            # Clean rivers

            We will end sewage discharges into rivers by 2030, and water companies will be run for the public good.

            Fines will go to river restoration.

            Bathing water status for every river town.

            ```
            code  keeps  its  spaces
            ```
            """;

    private static List<int[]> cited(String before, List<TextEdit> passages) {
        List<NumberedLine> lines = LineNumbering.number(before, 40);
        return passages.stream().map(p -> LineNumbering.citedLines(lines, p.range())).toList();
    }

    @Test
    void changesOnSeparateLinesArePassagesAndNeighbouringOnesJoin() {
        String edited = TEXT.replace("by 2030", "by 2028").replace("public good", "public").replace("river town", "town on a river");
        List<TextEdit> passages = Passages.between(TEXT, edited, 40);

        assertThat(passages).hasSize(2);
        assertThat(Passages.citeLines(cited(TEXT, passages))).as("2030 and public good fall on neighbouring lines at width 40; river town on two more")
                .isEqualTo("lines 3\u20134 and 6\u20137");
        assertThat(Passages.apply(TEXT, passages)).isEqualTo(edited);
    }

    @Test
    void spacingInsideAParagraphIsNoPassageButInCodeOrAcrossBlocksItIs() {
        assertThat(Passages.between(TEXT, TEXT.replace("the public good", "the public\ngood"), 40)).isEmpty();
        assertThat(Passages.between(TEXT, TEXT.replace("code  keeps", "code keeps"), 40)).hasSize(1);
        assertThat(Passages.between(TEXT, TEXT.replace("restoration.\n\nBathing", "restoration.\nBathing"), 40))
                .as("two paragraphs become one").hasSize(1);
        String heading = TEXT.replace("rivers by 2030, and", "rivers by 2030,\n# and");
        List<TextEdit> split = Passages.between(TEXT, heading, 40);
        assertThat(split).as("a line break that starts a heading changes the structure").isNotEmpty();
        assertThat(Passages.apply(TEXT, split)).isEqualTo(heading);
    }

    @Test
    void citationsReadAsMembersWriteThem() {
        assertThat(Passages.citeLines(List.of(new int[] {4, 4}))).isEqualTo("line 4");
        assertThat(Passages.citeLines(List.of(new int[] {12, 14}, new int[] {20, 20}))).isEqualTo("lines 12\u201314 and 20");
        assertThat(Passages.citeLines(List.of(new int[] {3, 3}, new int[] {7, 8}, new int[] {12, 12}))).isEqualTo("lines 3, 7\u20138 and 12");
    }

    @Test
    void overlappingPassagesCannotBeApplied() {
        assertThatThrownBy(() -> Passages.apply("abcdef", List.of(new TextEdit(new TextRange(0, 3), "x"), new TextEdit(new TextRange(2, 4), "y"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherAmendmentFollowsAMultiPassageMergeUnlessAnyPassageTouchesIt() {
        String text = "one two three four five six";
        List<TextEdit> merged = List.of(new TextEdit(new TextRange(4, 7), "2"), new TextEdit(new TextRange(19, 23), "FIVE!"));
        var rebase = Passages.rebaser(merged);
        String after = Passages.apply(text, merged);

        TextRange four = new TextRange(14, 18);
        assertThat(rebase.apply(four)).hasValueSatisfying(r -> assertThat(after.substring(r.start(), r.end())).isEqualTo("four"));
        assertThat(rebase.apply(new TextRange(0, 3))).as("before every passage").hasValue(new TextRange(0, 3));
        assertThat(rebase.apply(new TextRange(24, 27))).hasValueSatisfying(r -> assertThat(after.substring(r.start(), r.end())).isEqualTo("six"));
        assertThat(rebase.apply(new TextRange(18, 21))).as("overlaps the second passage").isEmpty();
        assertThat(Passages.rebaseAll(List.of(four, new TextRange(5, 6)), rebase)).as("one passage lost: the whole amendment is").isEmpty();
        assertThat(Passages.collide(List.of(new TextRange(0, 3), four), List.of(new TextRange(17, 20)))).isTrue();
        assertThat(Passages.collide(List.of(new TextRange(0, 3)), List.of(four))).isFalse();
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.strings().withChars("abcŵŷ").ofMinLength(1).ofMaxLength(6).list().ofMinSize(3).ofMaxSize(80);
    }

    /** Paragraphs of the words, a blank line after every {@code every}th. */
    private static String text(List<String> words, int every) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            s.append(words.get(i)).append(i % every == every - 1 ? "\n\n" : " ");
        }
        return s.toString();
    }

    @Property(tries = 300)
    void applyingTheFoundPassagesGivesTheEditedTextAsNumbered(@ForAll("words") List<String> words, @ForAll("words") List<String> other,
                                                              @ForAll @IntRange(min = 1, max = 9) int every, @ForAll @IntRange(max = 1000) int seed) {
        String before = text(words, every);
        List<String> changed = new ArrayList<>(words);
        // Replace, insert and delete a few words at places chosen by the seed.
        changed.set(seed % changed.size(), other.getFirst());
        changed.add((seed * 7) % changed.size(), other.getLast());
        changed.remove((seed * 13) % changed.size());
        String after = text(changed, every + seed % 2);

        List<TextEdit> passages = Passages.between(before, after, 30);
        String applied = Passages.apply(before, passages);

        assertThat(LineNumbering.number(applied, 30)).extracting(NumberedLine::text, NumberedLine::kind)
                .isEqualTo(LineNumbering.number(after, 30).stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.text(), l.kind())).toList());
        for (int i = 1; i < passages.size(); i++) {
            int[] previous = LineNumbering.citedLines(LineNumbering.number(before, 30), passages.get(i - 1).range());
            int[] next = LineNumbering.citedLines(LineNumbering.number(before, 30), passages.get(i).range());
            assertThat(next[0]).as("passages are apart by at least one unchanged line").isGreaterThan(previous[1] + 1);
        }
    }

    @Property(tries = 300)
    void rebasingThroughPassagesFindsTheSameWordsOrSaysTheyAreGone(@ForAll("words") List<String> words, @ForAll("words") List<String> other,
                                                                   @ForAll @IntRange(max = 1000) int seed, @ForAll @IntRange(max = 40) int length) {
        String before = text(words, 4);
        List<String> changed = new ArrayList<>(words);
        changed.set(seed % changed.size(), other.getFirst());
        changed.set((seed * 11) % changed.size(), other.getLast());
        String after = text(changed, 4);
        List<TextEdit> passages = Passages.between(before, after, 30);
        int start = (seed * 31) % before.length();
        TextRange range = new TextRange(start, Math.min(before.length(), start + length));

        Optional<TextRange> moved = Passages.rebaser(passages).apply(range);

        String applied = Passages.apply(before, passages);
        moved.ifPresent(r -> assertThat(applied.substring(r.start(), r.end())).isEqualTo(before.substring(range.start(), range.end())));
        assertThat(moved.isEmpty()).isEqualTo(passages.stream().anyMatch(p -> p.range().overlaps(range)));
    }
}
