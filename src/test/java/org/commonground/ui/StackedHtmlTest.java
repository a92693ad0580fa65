package org.commonground.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The wide tables are raw HTML: every name a member typed (a candidate, a constituency) must arrive as text. */
class StackedHtmlTest {

    private static final String ATTACK = "\"><img src=x onerror=alert(1)><script>alert(2)</script>";

    @Test
    void textLinksAndMarkersCannotCarryMarkup() {
        String html = StackedHtml.table("Who stands where", "Constituency", List.of(StackedHtml.text("Alliance candidate"),
                        StackedHtml.partyMarker("LAB", "#E4003B\" onmouseover=\"alert(3)")),
                List.of(new StackedHtml.Row(StackedHtml.link("constituencies/E14000001\" onclick=\"alert(4)", ATTACK),
                        List.of(StackedHtml.text(ATTACK), StackedHtml.text("stands down"))))).getElement().getProperty("innerHTML");
        assertThat(html).doesNotContain("<img", "<script", "\" onmouseover", "\" onclick")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "Who stands where", "stands down");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> StackedHtml.table(null, "Constituency", List.of("A", "B"), List.of(new StackedHtml.Row("x", List.of("1")))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
