package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commonground.proposal.text.WordDiff.Kind;
import org.commonground.proposal.text.WordDiff.Segment;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    private static String rebuild(List<Segment> segments, Kind skip) {
        StringBuilder b = new StringBuilder();
        segments.stream().filter(s -> s.kind() != skip).forEach(s -> b.append(s.text()));
        return b.toString();
    }

    @Test
    void marksWholeWordsInsertedAndDeleted() {
        List<Segment> diff = WordDiff.diff("We will build homes for rent.", "We will build social homes for rent now.");
        assertThat(diff).contains(new Segment(Kind.INSERTED, "social "), new Segment(Kind.SAME, "homes for "));
        assertThat(diff).extracting(Segment::kind).contains(Kind.DELETED, Kind.INSERTED);
    }

    @Test
    void bothTextsCanBeRebuiltFromTheSegments() {
        String before = "Dŵr glân i bawb.\n\nWater for all, everywhere.";
        String after = "Dŵr glân i bawb, ym mhob cwm.\n\nClean water for all.";
        List<Segment> diff = WordDiff.diff(before, after);
        assertThat(rebuild(diff, Kind.INSERTED)).isEqualTo(before);
        assertThat(rebuild(diff, Kind.DELETED)).isEqualTo(after);
    }

    @Test
    void identicalTextsAreUnchanged() {
        assertThat(WordDiff.isUnchanged(WordDiff.diff("same words", "same words"))).isTrue();
        assertThat(WordDiff.isUnchanged(WordDiff.diff("same words", "same word"))).isFalse();
        assertThat(WordDiff.diff("", "")).isEmpty();
    }
}
