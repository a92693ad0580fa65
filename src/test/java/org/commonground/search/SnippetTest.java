package org.commonground.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.commonground.search.Snippet.Part;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void aHeadlineBecomesTextPartsWithTheMatchesHighlighted() {
        Snippet s = Snippet.fromHeadline("Fair \u0002votes\u0003 at <b>16</b> & \u0002voting\u0003");
        assertThat(s.parts()).containsExactly(new Part("Fair ", false), new Part("votes", true),
                new Part(" at <b>16</b> & ", false), new Part("voting", true));
        assertThat(s.highlights()).containsExactly("votes", "voting");
        assertThat(s.text()).isEqualTo("Fair votes at <b>16</b> & voting");
    }

    @Test
    void strayOrNestedMarkersAreDroppedAndNothingIsEmpty() {
        assertThat(Snippet.fromHeadline("\u0003a\u0002\u0002b\u0003\u0003c\u0002").parts())
                .containsExactly(new Part("a", false), new Part("b", true), new Part("c", false));
        assertThat(Snippet.fromHeadline("").parts()).isEmpty();
        assertThat(Snippet.fromHeadline(null).parts()).isEmpty();
    }
}
