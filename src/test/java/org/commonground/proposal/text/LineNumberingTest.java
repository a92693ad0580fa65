package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LineNumberingTest {

    private static List<String> texts(List<NumberedLine> lines) {
        return lines.stream().map(NumberedLine::text).toList();
    }

    /** Every line's source range holds exactly its words (and, inside a quote, the next lines' quote markers). */
    private static void assertRangesMatch(String source, List<NumberedLine> lines) {
        for (NumberedLine line : lines) {
            assertThat(source.substring(line.start(), line.end()).replaceAll("\n\\s*>", " ").replaceAll("\\s+", " ")).as("line " + line.number())
                    .isEqualTo(line.text());
        }
    }

    @Test
    void reflowsAParagraphToTheWidthAndNumbersContinuously() {
        String text = "We will give every nation and region of the UK a fair say, by electing the Commons\nproportionally and the Lords not at all.";
        List<NumberedLine> lines = LineNumbering.number(text, 40);
        assertThat(texts(lines)).containsExactly(
                "We will give every nation and region of",
                "the UK a fair say, by electing the",
                "Commons proportionally and the Lords not",
                "at all.");
        assertThat(lines).extracting(NumberedLine::number).containsExactly(1, 2, 3, 4);
        assertThat(lines).allSatisfy(l -> assertThat(l.text().length()).isLessThanOrEqualTo(40));
        assertRangesMatch(text, lines);
    }

    @Test
    void headingsListsAndParagraphsKeepTheirStructureAndBlankLinesAreNotNumbered() {
        String text = """
                # Fair votes

                Our shared aims:

                - proportional representation for the Commons
                - votes at 16
                  in every election
                1. first numbered point

                > A quoted pledge
                > across two lines
                """;
        List<NumberedLine> lines = LineNumbering.number(text, 80);
        assertThat(lines).extracting(NumberedLine::kind).containsExactly(BlockKind.HEADING, BlockKind.PARAGRAPH,
                BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.QUOTE);
        assertThat(lines.getFirst().level()).isEqualTo(1);
        assertThat(texts(lines)).containsExactly("Fair votes", "Our shared aims:", "proportional representation for the Commons",
                "votes at 16 in every election", "first numbered point", "A quoted pledge across two lines");
        assertThat(lines).extracting(NumberedLine::marker).containsExactly("", "", "-", "-", "1.", "");
        assertThat(lines).extracting(NumberedLine::block).containsExactly(0, 1, 2, 3, 4, 5);
        assertRangesMatch(text, lines);
    }

    @Test
    void aWordLongerThanTheLineIsBrokenNotLost() {
        String word = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch";
        List<NumberedLine> lines = LineNumbering.number("Visit " + word + " soon", 20);
        assertThat(String.join("", texts(lines)).replace(" ", "")).isEqualTo("Visit" + word + "soon");
        assertThat(lines).allSatisfy(l -> assertThat(l.text().codePointCount(0, l.text().length())).isLessThanOrEqualTo(20));
        assertThat(texts(lines).getFirst()).isEqualTo("Visit");
    }

    @Test
    void countsWelshAndOtherNonAsciiLettersAsOneCharacterEach() {
        String text = "ŵ ŷ ŵŷŵŷ — ëïö ąęł ğş ñ 🌍 Dŵr glân i bawb, ym mhob cwm a thref";
        List<NumberedLine> lines = LineNumbering.number(text, 20);
        assertThat(lines).allSatisfy(l -> assertThat(l.text().codePointCount(0, l.text().length())).isLessThanOrEqualTo(20));
        assertThat(String.join(" ", texts(lines))).isEqualTo(text);
        assertRangesMatch(text, lines);
    }

    @Test
    void codeKeepsItsLinesAndEmptyHeadingsStillCount() {
        String text = "```\nkeep   these  spaces\n\nx\n```\n#\n";
        List<NumberedLine> lines = LineNumbering.number(text, 80);
        assertThat(texts(lines)).containsExactly("keep   these  spaces", "", "x", "");
        assertThat(lines.getLast().kind()).isEqualTo(BlockKind.HEADING);
    }

    @Test
    void emptyTextHasNoLines() {
        assertThat(LineNumbering.number("", 80)).isEmpty();
        assertThat(LineNumbering.number("\n\n  \n", 80)).isEmpty();
        assertThat(LineNumbering.number(null, 80)).isEmpty();
    }

    @Test
    void windowsLineEndingsAreHandled() {
        String text = "First line\r\nstill first paragraph\r\n\r\nSecond";
        List<NumberedLine> lines = LineNumbering.number(text, 80);
        assertThat(texts(lines)).containsExactly("First line still first paragraph", "Second");
        assertRangesMatch(text, lines);
    }

    @Test
    void mapsLineRangesToSourceAndBack() {
        String text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        List<NumberedLine> lines = LineNumbering.number(text, 20);
        TextRange range = LineNumbering.range(lines, 2, 3);
        assertThat(text.substring(range.start(), range.end())).isEqualTo(lines.get(1).text() + " " + lines.get(2).text());
        assertThat(LineNumbering.linesOf(lines, range)).containsExactly(2, 3);
        assertThatThrownBy(() -> LineNumbering.range(lines, 3, lines.size() + 1)).hasMessageContaining("do not exist");
    }

    @Test
    void eachTableRowIsOneLineCitableByItsSourceRangeAndTheDelimiterRowIsNot() {
        String text = "Our costs:\n\n| Item | Cost |\n|:-----|-----:|\n| Buses | £2m |\n  | Trains and " + "very ".repeat(30)
                + "long trams | £9m |\nA row without pipes\n\nAfter.";
        List<NumberedLine> lines = LineNumbering.number(text, 40);

        assertThat(lines).extracting(NumberedLine::kind).containsExactly(BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.TABLE,
                BlockKind.TABLE, BlockKind.TABLE, BlockKind.PARAGRAPH);
        assertThat(texts(lines)).containsExactly("Our costs:", "| Item | Cost |", "| Buses | £2m |",
                "| Trains and " + "very ".repeat(30) + "long trams | £9m |", "A row without pipes", "After.");
        // A row wider than the line is still one line: a cited line is always a whole row.
        assertThat(lines.get(3).text().length()).isGreaterThan(40);
        assertThat(lines.subList(1, 5)).extracting(NumberedLine::block).containsOnly(1);
        for (NumberedLine line : lines) {
            assertThat(text.substring(line.start(), line.end())).isEqualTo(line.text());
        }
        assertThat(LineNumbering.linesOf(lines, new TextRange(text.indexOf("£2m"), text.indexOf("£2m") + 3))).containsExactly(3, 3);
    }

    @Test
    void aTableInterruptsAParagraphButPipesAloneOrAMismatchedDelimiterDoNotMakeOne() {
        assertThat(LineNumbering.number("Text before\n| a | b |\n|---|---|\n| 1 | 2 |", 80)).extracting(NumberedLine::kind)
                .containsExactly(BlockKind.PARAGRAPH, BlockKind.TABLE, BlockKind.TABLE);
        assertThat(LineNumbering.number("a | b\n|---|---|---|\nc | d", 80)).extracting(NumberedLine::kind).containsOnly(BlockKind.PARAGRAPH);
        assertThat(LineNumbering.number("either | or\nnothing else", 80)).extracting(NumberedLine::kind).containsOnly(BlockKind.PARAGRAPH);
        assertThat(LineNumbering.number("Heading | not a table\n---", 80)).extracting(NumberedLine::kind).containsOnly(BlockKind.PARAGRAPH);
    }

    @Test
    void tableCellsSplitOnUnescapedPipes() {
        assertThat(TableRow.cells("| a | b \\| c |   |")).containsExactly("a", "b \\| c", "");
        assertThat(TableRow.cells("a|b")).containsExactly("a", "b");
    }

    @Test
    void aLinkOrImageIsKeptWholeOnALineWhenItFitsAndBrokenLikeWordsWhenItDoesNot() {
        String text = "Read the plan at [our fair votes plan](https://example.org/plan), then ![the ward map](https://m.example/w.png).";
        List<NumberedLine> lines = LineNumbering.number(text, 50);
        assertThat(texts(lines)).containsExactly("Read the plan at", "[our fair votes plan](https://example.org/plan),",
                "then ![the ward map](https://m.example/w.png).");
        assertRangesMatch(text, lines);

        List<NumberedLine> narrow = LineNumbering.number("See [a link whose text is longer than the line](https://example.org/x) now", 30);
        assertThat(texts(narrow)).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(30));
        assertThat(String.join(" ", texts(narrow))).isEqualTo("See [a link whose text is longer than the line](https://example.org/x) now");
    }

    @Test
    void refusesAWidthTooNarrowToRead() {
        assertThatThrownBy(() -> LineNumbering.number("x", 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
