package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commonground.proposal.text.TrackedChanges.Collision;
import org.commonground.proposal.text.TrackedChanges.Proposed;
import org.junit.jupiter.api.Test;

class AmendedPreviewTest {

    private static final int WIDTH = 40;
    private static final String BODY = """
            # Rivers

            We will clean every river in Wales and England by 2030, and fund local groups that watch the water closely.

            - Cymru: dŵr glân i bawb
            - England: clean bathing water""";
    private static final List<NumberedLine> LINES = LineNumbering.number(BODY, WIDTH);

    private static Proposed amendment(int number, String amended) {
        return new Proposed(number, Passages.between(BODY, amended, WIDTH));
    }

    @Test
    void appliesEveryChosenAmendmentThatCollidesWithNoOther() {
        Proposed a1 = amendment(1, BODY.replace("every river", "all rivers").replace("clean bathing", "safe bathing"));
        Proposed a2 = amendment(2, BODY.replace("# Rivers", "# Rivers and seas"));
        AmendedPreview preview = AmendedPreview.of(BODY, WIDTH, List.of(a2, a1));
        assertThat(preview.text()).isEqualTo(BODY.replace("every river", "all rivers").replace("clean bathing", "safe bathing")
                .replace("# Rivers", "# Rivers and seas"));
        assertThat(preview.applied()).containsExactly(1, 2);
        assertThat(preview.notApplied()).isEmpty();
        // Numbered anew: the preview's lines are those of the amended text.
        assertThat(preview.html()).contains("data-line=\"1\"", "Rivers and seas").doesNotContain("cg-tc-collides");
        assertThat(preview.html()).containsPattern("cg-pv-changed\" data-line=\"1\">.*?changed by </span><span class=\"cg-tc-label\">A2</span>");
        assertThat(preview.html()).containsPattern("cg-pv-changed\" data-line=\"2\">.*?<span class=\"cg-tc-label\">A1</span>");
        assertThat(preview.html()).doesNotContainPattern("data-line=\"3\">[^\\n]*?cg-pv-marks[^\\n]*?data-line=\"4\"");
    }

    @Test
    void collidingChosenAmendmentsAreNotAppliedButListedWithTheLinesWhereTheyCollide() {
        Proposed a1 = amendment(1, BODY.replace("every river", "all rivers"));
        Proposed a3 = amendment(3, BODY.replace("clean every river", "restore each river"));
        Proposed a4 = amendment(4, BODY.replace("dŵr glân i bawb", "dŵr glân i bawb, a mwy"));
        AmendedPreview preview = AmendedPreview.of(BODY, WIDTH, List.of(a1, a3, a4));
        assertThat(preview.text()).isEqualTo(BODY.replace("dŵr glân i bawb", "dŵr glân i bawb, a mwy"));
        assertThat(preview.applied()).containsExactly(4);
        assertThat(preview.notApplied()).containsExactly(new Collision(1, List.of(3), 2, 2), new Collision(3, List.of(1), 2, 2));
        assertThat(preview.html()).contains("cg-tc-collides\" data-line=\"2\"", "A1 and A3 collide here, not applied");
        assertThat(preview.html()).contains("dŵr glân i bawb, a mwy");
    }

    @Test
    void aCollisionIsCitedByThePreviewsLinesAfterEarlierChangesMovedThem() {
        // A2 adds a whole paragraph before the colliding pair, so their words move down the preview.
        Proposed a2 = amendment(2, BODY.replace("# Rivers\n", "# Rivers\n\nA new opening paragraph that takes a whole numbered line or two.\n"));
        Proposed a5 = amendment(5, BODY.replace("bathing water", "swimming water"));
        Proposed a6 = amendment(6, BODY.replace("clean bathing", "safe swimming"));
        AmendedPreview preview = AmendedPreview.of(BODY, WIDTH, List.of(a2, a5, a6));
        assertThat(preview.applied()).containsExactly(2);
        List<NumberedLine> result = LineNumbering.number(preview.text(), WIDTH);
        int last = result.getLast().number();
        assertThat(preview.notApplied()).extracting(Collision::fromLine).containsOnly(last);
        assertThat(preview.html()).contains("cg-tc-collides\" data-line=\"" + last + "\"");
    }

    @Test
    void choosingNothingPreviewsTheTextAsItIs() {
        AmendedPreview preview = AmendedPreview.of(BODY, WIDTH, List.of());
        assertThat(preview.text()).isEqualTo(BODY);
        assertThat(preview.html()).doesNotContain("cg-pv-changed", "cg-tc-collides");
    }
}
