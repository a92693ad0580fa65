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

    @Test
    void rendersInlineMarkdownLineByLineAndATableAsATableWithALineNumberPerRow() {
        String text = "Some **bold** text with [a link](https://example.org).\n\n| Item | Cost |\n|---|---|\n| <i>Buses</i> | `£2m` | extra |";
        String html = TextHtml.numbered(LineNumbering.number(text, 80), java.util.Map.of(3, java.util.List.of("On line 3", "On lines 2\u20133")));
        assertThat(html).contains("<strong>bold</strong>", "<a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">a link</a>",
                "<table class=\"cg-table\" data-block=\"1\"><thead><tr class=\"cg-line cg-table-row cg-block-start\" id=\"line-2\" data-block=\"1\">"
                        + "<td class=\"cg-lineno\" aria-hidden=\"true\">2</td><th scope=\"col\">Item</th><th scope=\"col\">Cost</th></tr></thead>",
                "<tbody><tr class=\"cg-line cg-table-row\" id=\"line-3\" data-block=\"1\"><td class=\"cg-lineno\" aria-hidden=\"true\">3</td>"
                        + "<td>&lt;i&gt;Buses&lt;/i&gt;</td><td><code>£2m</code></td><td>extra</td></tr></tbody></table>",
                "<div class=\"cg-table-comments\"><span class=\"cg-comment-count\" title=\"On line 3\nOn lines 2\u20133\">2 comments"
                        + "<span class=\"cg-comment-cites\"> (On line 3; On lines 2\u20133)</span></span></div>")
                .doesNotContain("<i>", "**", "|---|");
    }
}
