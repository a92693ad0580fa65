package org.commonground.proposal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.commonground.proposal.text.MergePlan.Combine;
import org.commonground.proposal.text.MergePlan.Keep;
import org.commonground.proposal.text.MergePlan.Outcome;
import org.commonground.proposal.text.MergePlan.Resolution;
import org.commonground.proposal.text.MergePlan.Take;
import org.junit.jupiter.api.Test;

class MergePlanTest {

    /** One paragraph per line at width 80: line 1 to line 5. */
    private static final String TEXT = """
            We will end sewage discharges into rivers by 2030.

            Water companies will be run for the public good.

            Fines will go to river restoration.

            Bathing water status for every river town.

            Farms will be paid to plant buffer strips.
            """;
    private static final List<NumberedLine> LINES = LineNumbering.number(TEXT, 80);

    private static TextEdit edit(String words, String replacement) {
        int at = TEXT.indexOf(words);
        assertThat(at).as(words).isNotNegative();
        return new TextEdit(new TextRange(at, at + words.length()), replacement);
    }

    private static TextEdit insert(String before, String inserted) {
        int at = TEXT.indexOf(before);
        return new TextEdit(new TextRange(at, at), inserted);
    }

    private static MergePlan plan(Map<Integer, List<TextEdit>> amendments) {
        return MergePlan.of(TEXT, LINES, amendments);
    }

    @Test
    void amendmentsThatTouchDifferentWordsMergeWithoutCollisions() {
        MergePlan plan = plan(Map.of(
                1, List.of(edit("2030", "2028"), edit("river town", "river and beach")),
                2, List.of(edit("run for the public good", "publicly owned"))));
        assertThat(plan.collisions()).isEmpty();
        assertThat(plan.apart()).hasSize(3);
        MergePlan.Result merged = plan.apply(Map.of());
        assertThat(merged.text()).contains("by 2028.", "will be publicly owned.", "for every river and beach.");
        assertThat(merged.edits()).hasSize(3);
        assertThat(merged.fates().values()).extracting(MergePlan.Fate::outcome).containsOnly(Outcome.TAKEN);
        assertThat(merged.note()).isEqualTo("Merged A1 and A2");
    }

    @Test
    void overlappingPassagesCollideAndEachResolutionGivesItsText() {
        Map<Integer, List<TextEdit>> amendments = Map.of(
                1, List.of(edit("run for the public good", "brought into public ownership"), edit("2030", "2028")),
                2, List.of(edit("the public good", "people, not profit")));
        MergePlan plan = plan(amendments);
        assertThat(plan.collisions()).singleElement().satisfies(c -> {
            assertThat(c.lines()).isEqualTo("line 2");
            assertThat(c.current()).isEqualTo("run for the public good");
            assertThat(c.wordings()).containsEntry(1, "brought into public ownership").containsEntry(2, "run for people, not profit");
        });
        assertThat(plan.apart()).singleElement().extracting(MergePlan.Passage::amendment).isEqualTo(1);

        MergePlan.Result kept = plan.apply(Map.of(1, new Keep()));
        assertThat(kept.text()).contains("run for the public good", "by 2028");
        assertThat(kept.fates().get(1).outcome()).isEqualTo(Outcome.IN_PART);
        assertThat(kept.fates().get(1).sentences()).containsExactly("On line 2, the current wording was kept.", "Its other passages were taken as proposed.");
        assertThat(kept.fates().get(2).outcome()).isEqualTo(Outcome.NOT_TAKEN);
        assertThat(kept.fates().get(2).explanation()).isEqualTo("On line 2, the current wording was kept.");

        MergePlan.Result first = plan.apply(Map.of(1, new Take(1)));
        assertThat(first.text()).contains("will be brought into public ownership.", "by 2028");
        assertThat(first.fates().get(1).outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(first.fates().get(1).explanation()).isEqualTo("On line 2, its wording was taken over A2's.");
        assertThat(first.fates().get(2).outcome()).isEqualTo(Outcome.NOT_TAKEN);
        assertThat(first.fates().get(2).explanation()).isEqualTo("On line 2, A1's wording was taken instead.");

        MergePlan.Result second = plan.apply(Map.of(1, new Take(2)));
        assertThat(second.text()).contains("will be run for people, not profit.", "by 2028");
        assertThat(second.fates().get(1).outcome()).isEqualTo(Outcome.IN_PART);
        assertThat(second.fates().get(2).outcome()).isEqualTo(Outcome.TAKEN);

        MergePlan.Result combined = plan.apply(Map.of(1, new Combine("brought into public ownership for people, not profit")));
        assertThat(combined.text()).contains("will be brought into public ownership for people, not profit.", "by 2028");
        assertThat(combined.fates().get(1).outcome()).isEqualTo(Outcome.IN_PART);
        assertThat(combined.fates().get(2).outcome()).isEqualTo(Outcome.IN_PART);
        assertThat(combined.fates().get(2).explanation()).isEqualTo("On line 2, it was combined with A1.");
        assertThat(combined.note()).isEqualTo("Merged A1 and A2 (A1 combined with A2 on line 2)");
    }

    @Test
    void aChainOfOverlapsIsOneCollisionSpanningAllOfIt() {
        // A1 overlaps A2, A2 overlaps A3, A1 and A3 do not touch: one collision over lines 2–3, A2 bridging them.
        MergePlan plan = plan(Map.of(
                1, List.of(edit("public good", "common good")),
                2, List.of(edit("good.\n\nFines", "good, and fines")),
                3, List.of(edit("Fines will go", "Penalties go"), edit("Farms", "Landowners"))));
        assertThat(plan.collisions()).singleElement().satisfies(c -> {
            assertThat(c.lines()).isEqualTo("lines 2\u20133");
            assertThat(c.amendments()).containsExactly(1, 2, 3);
            assertThat(c.current()).isEqualTo("public good.\n\nFines will go");
            assertThat(c.passages()).hasSize(3);
        });
        MergePlan.Result result = plan.apply(Map.of(1, new Take(3)));
        assertThat(result.text()).contains("run for the public good.\n\nPenalties go to river", "Landowners will be paid");
        assertThat(result.fates().get(3).outcome()).isEqualTo(Outcome.TAKEN);
        assertThat(result.fates().get(3).explanation()).isEqualTo("On lines 2\u20133, its wording was taken over those of A1 and A2.");
        assertThat(result.note()).isEqualTo("Merged A3 (A3's wording on lines 2\u20133)");
    }

    @Test
    void aMultiPassageAmendmentCanCollideInTwoPlacesWithTwoOthers() {
        MergePlan plan = plan(Map.of(
                1, List.of(edit("by 2030", "by 2028"), edit("river town", "river and beach")),
                2, List.of(edit("2030", "2035")),
                3, List.of(edit("every river town", "all inland waters"))));
        assertThat(plan.collisions()).extracting(MergePlan.Collision::lines).containsExactly("line 1", "line 4");
        MergePlan.Result result = plan.apply(Map.of(1, new Take(1), 2, new Take(3)));
        assertThat(result.text()).contains("rivers by 2028.", "status for all inland waters.");
        assertThat(result.fates().get(1).outcome()).isEqualTo(Outcome.IN_PART);
        assertThat(result.fates().get(1).sentences()).containsExactly(
                "On line 1, its wording was taken over A2's.", "On line 4, A3's wording was taken instead.");
        assertThat(result.fates().get(2).outcome()).isEqualTo(Outcome.NOT_TAKEN);
        assertThat(result.fates().get(3).outcome()).isEqualTo(Outcome.TAKEN);
    }

    @Test
    void insertionsAtTheSamePointCollideAndCombinedTheyKeepBoth() {
        MergePlan plan = plan(Map.of(
                1, List.of(insert("Fines", "Water bosses lose their bonuses. ")),
                2, List.of(insert("Fines", "Regulators get new powers. "))));
        MergePlan.Collision c = plan.collisions().getFirst();
        assertThat(c.current()).isEmpty();
        assertThat(c.lines()).isEqualTo("line 3");
        assertThat(c.combined()).as("both, first amendment's first").isEqualTo("Water bosses lose their bonuses. Regulators get new powers. ");
        String text = plan.apply(Map.of(1, new Combine(c.combined()))).text();
        assertThat(text).contains("Water bosses lose their bonuses. Regulators get new powers. Fines will go");
    }

    @Test
    void theCombinedStartingPointAddsTheOthersChangesWhereTheirWordsAreStillThere() {
        // A1's passage covers the whole sentence but only changes its first words; A2 changes its last one.
        MergePlan plan = plan(Map.of(
                1, List.of(edit("Fines will go to river restoration", "All fines will go to river restoration")),
                2, List.of(edit("restoration", "clean-up"))));
        assertThat(plan.collisions().getFirst().combined()).isEqualTo("All fines will go to river clean-up");
    }

    @Test
    void anInsertionAtTheEndOfAReplacedRangeDoesNotCollide() {
        MergePlan plan = plan(Map.of(
                1, List.of(edit("river restoration", "restoring rivers")),
                2, List.of(insert(".\n\nBathing", " and wetlands"))));
        assertThat(plan.collisions()).isEmpty();
        assertThat(plan.apply(Map.of()).text()).contains("Fines will go to restoring rivers and wetlands.");
    }

    @Test
    void theResultDoesNotDependOnTheOrderAmendmentsOrResolutionsCameIn() {
        List<Integer> numbers = new ArrayList<>(List.of(1, 2, 3, 4));
        Map<Integer, List<TextEdit>> passages = Map.of(
                1, List.of(edit("2030", "2028"), edit("public good", "common good")),
                2, List.of(edit("the public good", "people")),
                3, List.of(edit("Fines will go", "Penalties go"), insert("Farms", "Small ")),
                4, List.of(edit("go to river restoration", "go to rivers"), edit("Farms will", "Farmers will")));
        Map<Integer, Resolution> resolutions = Map.of(1, new Take(2), 2, new Combine("Penalties go to rivers"), 3, new Keep());
        String expected = null;
        Random random = new Random(18);
        for (int round = 0; round < 12; round++) {
            Collections.shuffle(numbers, random);
            Map<Integer, List<TextEdit>> shuffled = new LinkedHashMap<>();
            for (int n : numbers) {
                List<TextEdit> edits = new ArrayList<>(passages.get(n));
                Collections.shuffle(edits, random);
                shuffled.put(n, edits);
            }
            MergePlan plan = plan(shuffled);
            assertThat(plan.collisions()).hasSize(3);
            List<Integer> order = new ArrayList<>(resolutions.keySet());
            Collections.shuffle(order, random);
            Map<Integer, Resolution> inOrder = new LinkedHashMap<>();
            order.forEach(k -> inOrder.put(k, resolutions.get(k)));
            String text = plan.apply(inOrder).text();
            if (expected == null) {
                expected = text;
            }
            assertThat(text).isEqualTo(expected);
        }
        assertThat(expected).contains("run for people.", "Penalties go to rivers.", "Farms will be paid", "by 2028.");
    }

    @Test
    void theEditsMoveOtherAmendmentsOntoTheNewTextOrFindThemTouched() {
        MergePlan.Result result = plan(Map.of(
                1, List.of(edit("public good", "common good")),
                2, List.of(edit("the public good", "people")))).apply(Map.of(1, new Take(2)));
        var rebase = Passages.rebaser(result.edits());
        TextRange later = edit("buffer strips", "").range();
        Optional<TextRange> moved = rebase.apply(later);
        assertThat(moved).isPresent();
        assertThat(result.text().substring(moved.get().start(), moved.get().end())).isEqualTo("buffer strips");
        assertThat(rebase.apply(edit("public", "").range())).as("its words are gone").isEmpty();
    }

    @Test
    void everyCollisionNeedsAResolutionThatBelongsToIt() {
        MergePlan plan = plan(Map.of(1, List.of(edit("2030", "2028")), 2, List.of(edit("2030", "2035")), 3, List.of(edit("Farms", "Farmers"))));
        assertThatThrownBy(() -> plan.apply(Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no resolution");
        assertThatThrownBy(() -> plan.apply(Map.of(1, new Take(3)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A3");
    }
}
