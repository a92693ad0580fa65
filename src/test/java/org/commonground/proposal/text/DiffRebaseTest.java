package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DiffRebaseTest {

    private static Optional<String> follow(String before, String after, String part) {
        int at = before.indexOf(part);
        return DiffRebase.rebase(WordDiff.diff(before, after), new TextRange(at, at + part.length()))
                .map(r -> after.substring(r.start(), r.end()));
    }

    @Test
    void aRangeUntouchedByTheEditKeepsItsWordsWhereverTheyMove() {
        String before = "We want fair votes. We want clean rivers.";
        assertThat(follow(before, "Above all, we want fair votes. We want clean rivers.", "clean rivers")).contains("clean rivers");
        assertThat(follow(before, "We want fair votes.", "fair votes")).contains("fair votes");
        assertThat(follow(before, "We want votes. We want clean rivers.", "clean rivers")).contains("clean rivers");
    }

    @Test
    void aRangeWhoseWordsChangedNoLongerApplies() {
        String before = "We want fair votes. We want clean rivers.";
        assertThat(follow(before, "We want fair votes. We want clean, wild rivers.", "clean rivers")).isEmpty();
        assertThat(follow(before, "We want fair votes.", "clean rivers")).isEmpty();
        assertThat(follow(before, "We want proportional votes. We want clean rivers.", "fair votes")).isEmpty();
    }

    @Test
    void anUnchangedTextKeepsEveryRange() {
        String text = "Dŵr glân i bawb.";
        assertThat(follow(text, text, "glân i")).contains("glân i");
    }
}
