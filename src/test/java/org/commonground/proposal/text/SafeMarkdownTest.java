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
    void imagesCannotMakeTheBrowserOrRendererFetchAnything() {
        String html = SafeMarkdown.toHtml("![map](http://169.254.169.254/latest/meta-data) ![x](http://localhost:8080/admin)");
        assertThat(html).doesNotContain("<img", "169.254.169.254", "localhost");
    }
}
