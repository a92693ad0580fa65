package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random Markdown, wholesale, through the text model: control characters, very long lines, deep nesting, mixed
 * scripts and right-to-left text. Whatever members paste, numbering never throws and loses nothing, and an
 * amendment carried over an author's edit lands where merging both would put it.
 */
class TextPropertiesTest {

    /** Markdown's structure, which numbered lines leave out of their ranges: heading, list and quote markers, fences, table delimiter rows. */
    private static final String MARKUP = "#>-*+.)`~0123456789|:";

    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("abc ŵŷ\u05d0\u05d1\u0627\u0644\u202e\u200f\t\r\u0000\u0007").ofMaxLength(30),
                Arbitraries.strings().withChars("ab").ofMinLength(200).ofMaxLength(3_000),
                Arbitraries.of("# ", "###### ", "- ", "* ", "1. ", "  - ", "        - ", "> ", "> > > > ", "```", "~~~", "**", "\n", "\n\n", " ",
                        "| a | b |\n|---|:--|\n", "|", " | ", "\n|--|--|", "[link](https://x.example)", "![img](http://y.example/i.png)"));
        return words.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void numberingNeverThrowsAndKeepsEveryCharacterOfTheSourceInExactlyOneLine(@ForAll("markdown") String source,
                                                                                @ForAll @IntRange(min = 20, max = 120) int width) {
        List<NumberedLine> lines = LineNumbering.number(source, width);

        int[] covering = new int[source.length()];
        int previousEnd = 0;
        for (int i = 0; i < lines.size(); i++) {
            NumberedLine line = lines.get(i);
            assertThat(line.number()).isEqualTo(i + 1);
            assertThat(line.start()).isBetween(previousEnd, line.end());
            assertThat(line.end()).isLessThanOrEqualTo(source.length());
            if (line.kind() != BlockKind.TABLE) {
                // A table row is one line however wide: a cited line is always a whole row.
                assertThat(line.text().codePointCount(0, line.text().length())).isLessThanOrEqualTo(width);
            }
            for (int k = line.start(); k < line.end(); k++) {
                covering[k]++;
            }
            previousEnd = line.end();
        }
        boolean onFenceLine = false;
        for (int k = 0; k < source.length(); k++) {
            char c = source.charAt(k);
            if (k == 0 || source.charAt(k - 1) == '\n') {
                // A fence line, info string and all, is markup: the page does not show it.
                String line = source.substring(k, source.indexOf('\n', k) < 0 ? source.length() : source.indexOf('\n', k)).strip();
                onFenceLine = line.startsWith("```") || line.startsWith("~~~");
            }
            assertThat(covering[k]).as("character %d (U+%04X) is in at most one line", k, (int) c).isLessThanOrEqualTo(1);
            if (covering[k] == 0 && !Character.isWhitespace(c) && !onFenceLine) {
                assertThat(MARKUP).as("character %d (U+%04X) is in a line or is markup", k, (int) c).contains(String.valueOf(c));
            }
        }
    }

    @Property(tries = 300)
    void renderingKeepsEveryNumberedLineAndEveryBlockItsLineCount(@ForAll("markdown") String source,
                                                                   @ForAll @IntRange(min = 20, max = 120) int width) {
        List<NumberedLine> lines = LineNumbering.number(source, width);
        String html = TextHtml.numbered(lines);
        for (NumberedLine line : lines) {
            assertThat(html).contains("id=\"line-" + line.number() + "\"");
        }
        assertThat(html).doesNotContain("<img", "<script");
        List<List<NumberedLine>> blocks = LineNumbering.blocks(lines);
        assertThat(blocks.stream().mapToInt(List::size).sum()).isEqualTo(lines.size());
        for (List<NumberedLine> block : blocks) {
            assertThat(block).extracting(NumberedLine::block).containsOnly(block.getFirst().block());
            assertThat(InlineMarkdown.block(block, TextHtml::escape)).hasSize(block.size());
        }
    }

    @Property(tries = 300)
    void aWordDiffKeepsBothTextsWhole(@ForAll("markdown") String before, @ForAll("markdown") String after) {
        StringBuilder old = new StringBuilder();
        StringBuilder now = new StringBuilder();
        for (WordDiff.Segment s : WordDiff.diff(before, after)) {
            if (s.kind() != WordDiff.Kind.INSERTED) {
                old.append(s.text());
            }
            if (s.kind() != WordDiff.Kind.DELETED) {
                now.append(s.text());
            }
        }
        assertThat(old.toString()).isEqualTo(before);
        assertThat(now.toString()).isEqualTo(after);
    }

    /**
     * A text of distinct words (any characters, each made unique by a numbered ending), an author's edit replacing
     * some of its words, and an amendment to other words at least one word away from the edit.
     */
    record Case(List<String> words, int editFrom, int editTo, List<String> editWords, int amendFrom, int amendTo, String replacement) {

        String text() {
            return String.join(" ", words);
        }

        /** Source offsets of words [from, to). */
        TextRange range(int from, int to) {
            int start = 0;
            for (int i = 0; i < from; i++) {
                start += words.get(i).length() + 1;
            }
            int end = start;
            for (int i = from; i < to; i++) {
                end += words.get(i).length() + (i + 1 < to ? 1 : 0);
            }
            return new TextRange(start, end);
        }
    }

    @Provide
    Arbitrary<Case> editAndAmendment() {
        Arbitrary<String> word = Arbitraries.strings().all().ofMaxLength(8).map(w -> w.replaceAll("\\s", ""));
        return Combinators.combine(word.list().ofMinSize(6).ofMaxSize(40), word.list().ofMaxSize(5),
                        Arbitraries.integers().between(0, 1_000), Arbitraries.integers().between(0, 1_000),
                        Arbitraries.strings().all().ofMaxLength(40), Arbitraries.of(true, false))
                .as((raw, rawEdit, a, b, replacement, editFirst) -> {
                    List<String> words = new ArrayList<>();
                    for (int i = 0; i < raw.size(); i++) {
                        words.add(raw.get(i) + "#" + i);
                    }
                    List<String> editWords = new ArrayList<>();
                    for (int i = 0; i < rawEdit.size(); i++) {
                        editWords.add(rawEdit.get(i) + "#e" + i);
                    }
                    int n = words.size();
                    // Split the words into: [0, x) edit, one untouched word, [x+1, n) amendment — or the other way round.
                    int x = 1 + a % (n - 2);
                    int firstEnd = x;
                    int secondStart = x + 1;
                    int lowFrom = b % firstEnd;
                    int highTo = secondStart + 1 + b % (n - secondStart);
                    return editFirst
                            ? new Case(words, lowFrom, firstEnd, editWords, secondStart, highTo, replacement)
                            : new Case(words, secondStart, highTo, editWords, lowFrom, firstEnd, replacement);
                });
    }

    @Property(tries = 400)
    void anAmendmentCarriedOverAnEditGivesTheTextThatMergingBothWould(@ForAll("editAndAmendment") Case c) {
        String old = c.text();
        TextEdit authorsEdit = new TextEdit(c.range(c.editFrom(), c.editTo()), String.join(" ", c.editWords()));
        TextRange amended = c.range(c.amendFrom(), c.amendTo());
        String edited = authorsEdit.apply(old);

        Optional<TextRange> carried = DiffRebase.rebase(WordDiff.diff(old, edited), amended);

        assertThat(carried).as("the amendment's words survive an edit a word away").isPresent();
        assertThat(edited.substring(carried.get().start(), carried.get().end())).isEqualTo(old.substring(amended.start(), amended.end()));
        String amendedThenMerged = authorsEdit.rebase(amended).map(r -> new TextEdit(r, c.replacement()).apply(edited)).orElseThrow();
        String mergedThenAmended = new TextEdit(amended, c.replacement()).rebase(authorsEdit.range())
                .map(r -> new TextEdit(r, authorsEdit.replacement()).apply(new TextEdit(amended, c.replacement()).apply(old))).orElseThrow();
        assertThat(new TextEdit(carried.get(), c.replacement()).apply(edited)).isEqualTo(amendedThenMerged).isEqualTo(mergedThenAmended);
    }

    @Property(tries = 300)
    void aRebaseOnAnyEditEitherFindsTheSameWordsOrSaysTheyAreGone(@ForAll("markdown") String old, @ForAll("markdown") String edited,
                                                                 @ForAll @IntRange(max = 10_000) int from, @ForAll @IntRange(max = 200) int length) {
        int start = old.isEmpty() ? 0 : from % old.length();
        TextRange range = new TextRange(start, Math.min(old.length(), start + length));

        Optional<TextRange> carried = DiffRebase.rebase(WordDiff.diff(old, edited), range);

        carried.ifPresent(r -> assertThat(edited.substring(r.start(), r.end())).isEqualTo(old.substring(range.start(), range.end())));
    }
}
