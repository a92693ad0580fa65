package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextHtmlTest {

    @Test
    void numbersEveryLineAndEscapesTheText() {
        String html = TextHtml.numbered(LineNumbering.number("# Title\n\n- <b>bold</b> & more", 80));
        assertThat(html).contains("id=\"line-1\"", "cg-heading cg-level-1", "id=\"line-2\"", "cg-list-item",
                "&lt;b&gt;bold&lt;/b&gt; &amp; more", "<span class=\"cg-marker\">•</span>");
        assertThat(html).doesNotContain("<b>");
    }

    @Test
    void marksInsertionsAndDeletionsWithElementsNotColourAlone() {
        String html = TextHtml.diff(WordDiff.diff("build <homes>", "build social <homes>"));
        assertThat(html).isEqualTo("<div class=\"cg-diff\">build <ins>social </ins>&lt;homes&gt;</div>");
        assertThat(TextHtml.diff(WordDiff.diff("old word", "new word"))).contains("<del>old</del>", "<ins>new</ins>");
    }
}
