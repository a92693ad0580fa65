package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.proposal.text.TrackedChanges.Collision;
import org.commonground.proposal.text.TrackedChanges.Proposed;
import org.junit.jupiter.api.Test;

class TrackedChangesTest {

    private static final int WIDTH = 40;
    /** Lines at 40 characters: 1 "# Rivers", 2–4 the paragraph, 5–6 the list. */
    private static final String BODY = """
            # Rivers

            We will clean every river in Wales and England by 2030, and fund local groups that watch the water closely.

            - Cymru: dŵr glân i bawb
            - England: clean bathing water""";

    private static final List<NumberedLine> LINES = LineNumbering.number(BODY, WIDTH);

    private static Proposed amendment(int number, String amended) {
        return new Proposed(number, Passages.between(BODY, amended, WIDTH));
    }

    private static TrackedChanges.Rendered render(Proposed... amendments) {
        return TrackedChanges.render(BODY, LINES, List.of(amendments));
    }

    /** The HTML of numbered line {@code n}, to its closing tag. */
    private static String line(String html, int n) {
        Matcher m = Pattern.compile("data-line=\"" + n + "\">(.*?)</span></div>").matcher(html);
        assertThat(m.find()).as("line %d in %s", n, html).isTrue();
        return m.group(1);
    }

    /** What a sighted reader sees of a line: its words, struck and added ones alike, without tags or screen-reader text. */
    private static String seen(String lineHtml) {
        return lineHtml.replaceAll("<span class=\"cg-(sr|lineno)\"[^>]*>[^<]*</span>", "").replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    @Test
    void theLinesAndTheirNumbersStayThoseOfTheRevision() {
        assertThat(LINES).hasSize(6);
        String html = render(amendment(1, BODY.replace("every river", "all rivers"))).html();
        assertThat(Pattern.compile("class=\"cg-line ").matcher(html).results().count()).isEqualTo(6);
        for (NumberedLine l : LINES) {
            assertThat(html).contains("data-line=\"" + l.number() + "\"><span class=\"cg-lineno\" aria-hidden=\"true\">" + l.number() + "</span>");
        }
        assertThat(seen(line(html, 1))).isEqualTo("Rivers");
    }

    @Test
    void anAmendmentOfTwoPassagesIsMarkedWithItsNumberAtEach() {
        Proposed a3 = amendment(3, BODY.replace("every river", "all rivers").replace("clean bathing water", "safe bathing water"));
        assertThat(a3.passages()).hasSize(2);
        String html = render(a3).html();
        String second = line(html, 2);
        assertThat(second).contains("<span class=\"cg-tc-label\">A3</span><del data-amendment=\"3\"><span class=\"cg-sr\">deleted: </span>every river</del>"
                + " <ins data-amendment=\"3\"><span class=\"cg-sr\">inserted: </span>all rivers</ins>");
        assertThat(seen(second)).isEqualTo("We will clean A3every river all rivers in Wales and");
        String sixth = line(html, 6);
        assertThat(sixth).contains("A3</span><del data-amendment=\"3\"><span class=\"cg-sr\">deleted: </span>clean</del> <ins data-amendment=\"3\">"
                + "<span class=\"cg-sr\">inserted: </span>safe</ins> bathing water");
        assertThat(line(html, 3)).doesNotContain("A3", "<del", "<ins");
        assertThat(render(a3).collisions()).isEmpty();
    }

    @Test
    void aPureInsertionSitsBetweenTheWordsItGoesBetween() {
        Proposed a1 = amendment(1, BODY.replace("local groups", "local community groups"));
        assertThat(a1.passages()).singleElement().satisfies(p -> assertThat(p.range().isEmpty()).isTrue());
        String html = render(a1).html();
        int n = LineNumbering.citedLines(LINES, a1.passages().getFirst().range())[0];
        assertThat(line(html, n)).doesNotContain("<del").contains("A1</span><ins data-amendment=\"1\"><span class=\"cg-sr\">inserted: </span>community</ins>");
        assertThat(seen(line(html, n))).contains("local A1community groups");
    }

    @Test
    void aDeletionAtTheEndOfALineStaysOnThatLine() {
        // Line 2 is "We will clean every river in Wales and".
        Proposed a2 = amendment(2, BODY.replace("Wales and England", "Wales England"));
        String html = render(a2).html();
        assertThat(seen(line(html, 2))).isEqualTo("We will clean every river in Wales A2and");
        assertThat(line(html, 2)).endsWith("<del data-amendment=\"2\"><span class=\"cg-sr\">deleted: </span>and</del>");
        assertThat(line(html, 3)).doesNotContain("A2");
    }

    @Test
    void aPassageSpanningLinesIsStruckOnEachAndItsNewWordsFollowTheLastStruckWord() {
        // "in Wales and England" runs from line 2 onto line 3.
        Proposed a4 = amendment(4, BODY.replace("every river in Wales and England by 2030", "every river by 2028"));
        assertThat(a4.passages()).hasSize(1);
        String html = render(a4).html();
        int[] span = LineNumbering.citedLines(LINES, a4.passages().getFirst().range());
        assertThat(span[1]).isGreaterThan(span[0]);
        assertThat(line(html, span[0])).contains("A4</span><del").doesNotContain("<ins");
        String lastLine = line(html, span[1]);
        assertThat(lastLine).contains("A4</span><del", "<ins data-amendment=\"4\"><span class=\"cg-sr\">inserted: </span>by 2028,</ins>");
        assertThat(lastLine.indexOf("</del>")).isLessThan(lastLine.indexOf("<ins"));
    }

    @Test
    void collidingPassagesShowTheFirstInlineAndTheOtherAsAMarkedNoteNeverHidden() {
        Proposed a1 = amendment(1, BODY.replace("every river", "all rivers"));
        Proposed a5 = amendment(5, BODY.replace("clean every river", "restore each river"));
        TrackedChanges.Rendered rendered = render(a5, a1);
        String second = line(rendered.html(), 2);
        assertThat(seen(second)).isEqualTo("We will clean A1every river all rivers A5 collides with A1: clean every \u2192 restore each in Wales and");
        assertThat(second).contains("<span class=\"cg-tc-collision\" role=\"note\"><span class=\"cg-tc-label\">A5</span> collides with A1: "
                + "<del data-amendment=\"5\"><span class=\"cg-sr\">deleted: </span>clean every</del> \u2192 "
                + "<ins data-amendment=\"5\"><span class=\"cg-sr\">inserted: </span>restore each</ins></span>");
        assertThat(rendered.html()).contains("cg-tc-collides\" data-line=\"2\"");
        assertThat(rendered.html()).doesNotContain("cg-tc-collides\" data-line=\"3\"");
        assertThat(rendered.collisions()).containsExactly(new Collision(5, List.of(1), 2, 2));
        assertThat(rendered.collisions().getFirst().describe()).isEqualTo("A5 collides with A1 on line 2");
    }

    @Test
    void onlyTheCollidingPassageOfAMultiPassageAmendmentIsANote() {
        Proposed a1 = amendment(1, BODY.replace("every river", "all rivers"));
        Proposed a2 = amendment(2, BODY.replace("every river", "each river").replace("clean bathing", "safe bathing"));
        assertThat(a2.passages()).hasSize(2);
        TrackedChanges.Rendered rendered = render(a1, a2);
        assertThat(line(rendered.html(), 6)).contains("A2</span><del data-amendment=\"2\"><span class=\"cg-sr\">deleted: </span>clean</del>");
        assertThat(line(rendered.html(), 2)).contains("A2</span> collides with A1");
        assertThat(rendered.collisions()).extracting(Collision::number).containsExactly(2);
    }

    @Test
    void welshWordsAndWhatMembersWroteAreKeptAndEscaped() {
        Proposed a6 = amendment(6, BODY.replace("dŵr glân i bawb", "dŵr glân i bawb <script>alert(1)</script> & ŷd"));
        String html = render(a6).html();
        String fifth = line(html, 5);
        assertThat(fifth).contains("dŵr glân", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ŷd").doesNotContain("<script>");
    }

    @Test
    void removingAListMarkerOrAParagraphBreakStillShows() {
        Proposed a7 = amendment(7, BODY.replace("- England: clean", "England: clean"));
        String html = render(a7).html();
        assertThat(html).contains("A7</span><del data-amendment=\"7\"><span class=\"cg-sr\">deleted: </span>-</del>");

        Proposed a8 = amendment(8, BODY.replace("the water closely.\n\n- Cymru", "the water closely. Cymru"));
        assertThat(render(a8).html()).contains("A8</span><del data-amendment=\"8\">");
        String joined = TrackedChanges.render(BODY, LINES, List.of(new Proposed(9, List.of(new TextEdit(new TextRange(
                BODY.indexOf("\n\n- Cymru"), BODY.indexOf("- Cymru")), " "))))).html();
        assertThat(joined).contains("A9</span><del data-amendment=\"9\"><span class=\"cg-sr\">deleted: </span>\u00b6</del>");
    }

    @Test
    void anEmptyTextShowsWhatAmendmentsWouldAdd() {
        String html = TrackedChanges.render("", List.of(), List.of(new Proposed(1, List.of(new TextEdit(new TextRange(0, 0), "A new start\n\nWith two paragraphs"))))).html();
        assertThat(html).contains("A1</span><ins data-amendment=\"1\"><span class=\"cg-sr\">inserted: </span>A new start \u00b6 With two paragraphs</ins>");
    }
}
