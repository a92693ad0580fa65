package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeMarkdownTest {

    @Test
    void rendersOrdinaryMarkdown() {
        assertThat(SafeMarkdown.toHtml("# Aim\n\nWe want **fair** votes, ~~not~~ [read more](https://example.org).\n\n- one\n- two"))
                .contains("<h1>Aim</h1>", "<strong>fair</strong>", "<del>not</del>", "<li>one</li>",
                        "<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">read more</a>");
    }

    @Test
    void rawHtmlScriptsAndFramesAreInert() {
        String html = SafeMarkdown.toHtml("<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n"
                + "<b onmouseover=\"alert(1)\">x</b>");
        assertThat(html).doesNotContain("<script", "<iframe", "<b ").contains("&lt;script&gt;", "&lt;b onmouseover");
    }

    @Test
    void javascriptAndDataLinksNeverSurvive() {
        String html = SafeMarkdown.toHtml("[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) "
                + "[c](JaVaScRiPt:alert(1)) <javascript:alert(1)>");
        assertThat(html.toLowerCase()).doesNotContain("href=\"javascript:", "href=\"data:").contains("<a rel=");
    }

    @Test
    void imagesAreNeverFetchedButShownAsAMarkedLinkAsInTheNumberedText() {
        String html = SafeMarkdown.toHtml("![map of *the* ward](https://maps.example/w.png) ![x](javascript:alert(1)) ![y](http://localhost:8080/admin)");
        assertThat(html).doesNotContain("<img", "javascript:", "src=").contains("<span class=\"cg-image\">Image: x</span>");
        // Compared as elements: the order of attributes is the renderer's business.
        var links = org.jsoup.Jsoup.parse(html).select("a.cg-image");
        assertThat(links).extracting(a -> a.attr("href"), a -> a.attr("rel"), org.jsoup.nodes.Element::html).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://maps.example/w.png", "nofollow noopener noreferrer", "Image: map of <em>the</em> ward"),
                org.assertj.core.groups.Tuple.tuple("http://localhost:8080/admin", "nofollow noopener noreferrer", "Image: y"));
    }

    @Test
    void pipeTablesAreTablesWithEscapedCells() {
        String html = SafeMarkdown.toHtml("| Item | Cost |\n|---|--:|\n| <b>Buses</b> | **£2m** |");
        assertThat(html).contains("<table>", "<thead>", "<th>Item</th>", "<td>&lt;b&gt;Buses&lt;/b&gt;</td>", "<td align=\"right\"><strong>£2m</strong></td>")
                .doesNotContain("<b>");
    }
}
