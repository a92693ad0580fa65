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
    void refusesAWidthTooNarrowToRead() {
        assertThatThrownBy(() -> LineNumbering.number("x", 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
