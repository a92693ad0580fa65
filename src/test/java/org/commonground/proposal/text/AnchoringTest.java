package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AnchoringTest {

    private static final String TEXT = "Clean rivers.\n\nFair votes for all.\n\nHomes people can afford.\n";

    private static Optional<Anchoring.Placed> afterEdit(String before, TextRange range, String after, int width) {
        var diff = WordDiff.diff(before, after);
        return Anchoring.follow(range, r -> DiffRebase.rebase(diff, r), LineNumbering.number(after, width));
    }

    private static TextRange of(String text, String words) {
        int at = text.indexOf(words);
        return new TextRange(at, at + words.length());
    }

    @Test
    void aParagraphIsEveryCharacterOfItsLinesWhicheverOfThemIsCited() {
        String text = "Short.\n\nA paragraph long enough to be broken over three lines here.\n";
        List<NumberedLine> lines = LineNumbering.number(text, 24);
        assertThat(lines).hasSizeGreaterThan(3);
        TextRange paragraph = of(text, "A paragraph long enough to be broken over three lines here.");
        assertThat(Anchoring.paragraph(lines, 2)).isEqualTo(paragraph);
        assertThat(Anchoring.paragraph(lines, lines.size())).isEqualTo(paragraph);
    }

    @Test
    void aPassageKeepsItsWordsAndGetsTheLinesTheyAreOnNow() {
        String after = "A new first paragraph.\n\nAnd a second.\n\n" + TEXT;
        Anchoring.Placed placed = afterEdit(TEXT, LineNumbering.range(LineNumbering.number(TEXT, 80), 2, 3), after, 80).orElseThrow();
        assertThat(after.substring(placed.range().start(), placed.range().end())).isEqualTo("Fair votes for all.\n\nHomes people can afford.");
        assertThat(placed.line()).isEqualTo(4);
        assertThat(placed.lastLine()).isEqualTo(5);
        assertThat(placed.block()).isEqualTo(3);
    }

    @Test
    void wordsReflowedOntoOtherLinesByAnEditBeforeThemInTheParagraphAreCitedWhereTheyAre() {
        String before = "Rivers and lakes will be clean and safe to swim in.\n";
        String after = "Rivers, canals, streams and lakes will be clean and safe to swim in.\n";
        Anchoring.Placed placed = afterEdit(before, of(before, "swim in."), after, 20).orElseThrow();
        assertThat(after.substring(placed.range().start(), placed.range().end())).isEqualTo("swim in.");
        List<NumberedLine> lines = LineNumbering.number(after, 20);
        assertThat(lines).hasSizeGreaterThan(LineNumbering.number(before, 20).size());
        assertThat(placed.line()).as("the last line, one further down than before").isEqualTo(lines.size()).isEqualTo(placed.lastLine());
        assertThat(lines.get(placed.line() - 1).text()).contains("swim in.");
    }

    @Test
    void aMergedChangeMovesItOrWhereItTouchesItsWordsLosesIt() {
        List<NumberedLine> lines = LineNumbering.number(TEXT, 80);
        TextRange votes = LineNumbering.range(lines, 2, 2);
        TextEdit addedAbove = new TextEdit(new TextRange(0, 0), "Good jobs.\n\n");
        String merged = Passages.apply(TEXT, List.of(addedAbove));
        assertThat(Anchoring.follow(votes, Passages.rebaser(List.of(addedAbove)), LineNumbering.number(merged, 80)))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(3));

        TextEdit reworded = new TextEdit(of(TEXT, "for all"), "for everyone");
        assertThat(Anchoring.follow(votes, Passages.rebaser(List.of(reworded)), LineNumbering.number(Passages.apply(TEXT, List.of(reworded)), 80)))
                .isEmpty();
    }

    @Test
    void wordsRewrittenOrDeletedLeaveNoPlace() {
        TextRange votes = of(TEXT, "Fair votes for all.");
        assertThat(afterEdit(TEXT, votes, TEXT.replace("Fair votes", "Proportional votes"), 80)).isEmpty();
        assertThat(afterEdit(TEXT, votes, TEXT.replace("Fair votes for all.\n\n", ""), 80)).isEmpty();
    }
}
