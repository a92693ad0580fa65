package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextEditTest {

    private static final String TEXT = "We want fair votes. We want clean rivers. We want homes.";

    private static TextRange of(String part) {
        int at = TEXT.indexOf(part);
        return new TextRange(at, at + part.length());
    }

    @Test
    void appliesAReplacement() {
        assertThat(new TextEdit(of("clean rivers"), "clean rivers and seas").apply(TEXT))
                .isEqualTo("We want fair votes. We want clean rivers and seas. We want homes.");
    }

    @Test
    void rebasesRangesBeforeAndAfterTheMergedChange() {
        TextEdit merged = new TextEdit(of("clean rivers"), "clean rivers and seas");
        String after = merged.apply(TEXT);
        TextRange before = of("fair votes");
        TextRange later = of("homes");
        assertThat(merged.rebase(before)).contains(before);
        TextRange moved = merged.rebase(later).orElseThrow();
        assertThat(after.substring(moved.start(), moved.end())).isEqualTo("homes");
    }

    @Test
    void anOverlappingRangeNoLongerApplies() {
        TextEdit merged = new TextEdit(of("clean rivers"), "rivers");
        assertThat(merged.rebase(of("want clean"))).isEmpty();
        assertThat(merged.rebase(of("rivers. We"))).isEmpty();
        assertThat(merged.rebase(of("We want clean rivers. We want homes."))).isEmpty();
    }

    @Test
    void adjacentRangesStillApply() {
        TextEdit merged = new TextEdit(of("clean rivers"), "rivers");
        assertThat(merged.rebase(of("We want "))).isPresent();
        assertThat(merged.rebase(of(". We want homes."))).isPresent();
    }

    @Test
    void overlapIsSymmetric() {
        assertThat(of("fair votes").overlaps(of("votes. We"))).isTrue();
        assertThat(of("votes. We").overlaps(of("fair votes"))).isTrue();
        assertThat(of("fair votes").overlaps(of("homes"))).isFalse();
    }
}
