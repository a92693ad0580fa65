package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class InlineMarkdownTest {

    private static List<String> render(String... lines) {
        return InlineMarkdown.lines(List.of(lines), TextHtml::escape);
    }

    @Test
    void emphasisCodeAndLinksAreRenderedAndEachLineKeepsItsWords() {
        assertThat(render("We want **fair** votes, `PR` and", "[a fair say](https://example.org/say) for ~~some~~ all."))
                .containsExactly("We want <strong>fair</strong> votes, <code>PR</code> and",
                        "<a href=\"https://example.org/say\" rel=\"nofollow noopener noreferrer\">a fair say</a> for <del>some</del> all.");
    }

    @Test
    void markupThatSpansALineBreakIsClosedAndReopenedSoNoWordMovesLine() {
        assertThat(render("a **bold", "claim** and [a long", "link](https://x.example) and `code", "span` end"))
                .containsExactly("a <strong>bold</strong>",
                        "<strong>claim</strong> and <a href=\"https://x.example\" rel=\"nofollow noopener noreferrer\">a long</a>",
                        "<a href=\"https://x.example\" rel=\"nofollow noopener noreferrer\">link</a> and <code>code</code>",
                        "<code>span</code> end");
    }

    @Test
    void aCodeSpanWhoseSourceLinesTheParserCountsDifferentlyFallsBackToPlainTextInsteadOfFailing() {
        // The parser breaks lines at a lone carriage return too; once, that put a code span's source past the lines.
        List<String> html = InlineMarkdown.lines(List.of("`a\rb", "c`"), TextHtml::escape);
        assertThat(html).hasSize(2);
    }

    @Test
    void onlyHttpHttpsAndMailtoLinksAreLinksAndTheirTextStays() {
        assertThat(render("[one](javascript:alert(1)) [two](mailto:a@b.example) [three](ftp://x) [four](/relative)"))
                .containsExactly("one <a href=\"mailto:a@b.example\" rel=\"nofollow noopener noreferrer\">two</a> three four");
    }

    @Test
    void imagesAreMarkedLinksNeverFetched() {
        assertThat(render("See ![the map](https://maps.example/m.png) and ![bad](data:image/png;base64,AAA)"))
                .containsExactly("See <a href=\"https://maps.example/m.png\" rel=\"nofollow noopener noreferrer\" class=\"cg-image\">Image: the map</a>"
                        + " and <span class=\"cg-image\">Image: bad</span>");
    }

    @Test
    void rawHtmlBlockMarkersAndLinkDefinitionsStayWords() {
        assertThat(render("<b onclick=\"x()\">hi</b> &amp; 1 < 2", "# not a heading", "- not a list", "> not a quote"))
                .containsExactly("&lt;b onclick=&quot;x()&quot;&gt;hi&lt;/b&gt; &amp; 1 &lt; 2", "# not a heading", "- not a list", "&gt; not a quote");
        assertThat(render("[x]: https://example.org \"t\"")).containsExactly("[x]: https://example.org &quot;t&quot;");
        assertThat(render("ends with a backslash\\", "next")).containsExactly("ends with a backslash\\", "next");
    }
}
