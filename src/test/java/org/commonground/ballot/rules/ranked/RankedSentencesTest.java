package org.commonground.ballot.rules.ranked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.ADA;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.FLO;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.GRACE;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.MARY;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.add;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The count as the ballot page and the pact's terms show it, party names and all. */
class RankedSentencesTest {

    private static final Function<String, String> PARTY = code -> switch (code) {
        case "LAB" -> "Labour";
        case "GRN" -> "Green";
        case "LD" -> "Liberal Democrats";
        case "NONE" -> "Non-party";
        default -> code;
    };

    @Test
    void aCountReadsRoundByRoundWithTheVotersPartiesBesideEachTotal() {
        Contest c = new Contest(List.of(ADA, MARY, GRACE, FLO), Set.of(), TieBreakRule.BACKWARDS, 9L);
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 20, "LAB", "ada");
        add(ballots, 18, "NONE", "grace");
        add(ballots, 9, "GRN", "mary");
        add(ballots, 5, "LAB", "mary");
        add(ballots, 3, "LAB", "mary", "ada");
        add(ballots, 1, "LD", "flo", "ada");
        add(ballots, 3, "LD", "flo");

        RankedCount count = RankedChoiceRules.count(c, ballots);

        assertThat(count.sentences(PARTY)).containsExactly(
                "Ada Lovelace is elected in round 3 with 24 of 42 continuing votes.",
                "59 ballots counted.",
                "Round 1: Ada Lovelace 20 (Labour 20), Grace Hopper 18 (Non-party 18), Mary Seacole 17 (Green 9, Labour 8), "
                        + "Florence Nightingale 4 (Liberal Democrats 4). Florence Nightingale is excluded: fewest votes.",
                "Round 2: Ada Lovelace 21 (Labour 20, Liberal Democrats 1), Grace Hopper 18 (Non-party 18), Mary Seacole 17 (Green 9, Labour 8); "
                        + "3 ballots exhausted. Mary Seacole is excluded: fewest votes.",
                "Round 3: Ada Lovelace 24 (Labour 23, Liberal Democrats 1), Grace Hopper 18 (Non-party 18); 17 ballots exhausted. "
                        + "Ada Lovelace is elected with 24 of 42 continuing votes, more than half.");
        // Without names the codes are shown as given.
        assertThat(count.sentences().get(2)).startsWith("Round 1: Ada Lovelace 20 (LAB 20), Grace Hopper 18 (NONE 18)");
    }

    @Test
    void oneExhaustedBallotIsSingular() {
        Contest c = new Contest(List.of(ADA, MARY, GRACE), Set.of(), TieBreakRule.BACKWARDS, 9L);
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 3, "LAB", "ada");
        add(ballots, 2, "GRN", "mary");
        add(ballots, 1, "NONE", "grace");
        assertThat(RankedChoiceRules.count(c, ballots).sentences().getLast())
                .isEqualTo("Round 2: Ada Lovelace 3 (LAB 3), Mary Seacole 2 (GRN 2); 1 ballot exhausted. Ada Lovelace is elected with 3 of 5 continuing votes, more than half.");
    }

    @Test
    void theRulesAreStatedBeforeTheVoteWithTheChosenTieBreak() {
        assertThat(TieBreakRule.BACKWARDS.sentence()).isEqualTo("If candidates tie for the fewest votes, or the last two tie for the win, the one "
                + "with fewer votes in the most recent earlier round in which their votes differed loses; if they were level in every round, "
                + "a lot drawn from a number fixed when the ballot opened decides.");
        assertThat(TieBreakRule.LOT.sentence()).isEqualTo("If candidates tie for the fewest votes, or the last two tie for the win, a lot drawn "
                + "from a number fixed when the ballot opened decides which of them loses.");
        assertThat(TieBreakRule.BACKWARDS.label()).isEqualTo("Earlier rounds, then a lot");
        assertThat(TieBreakRule.LOT.label()).isEqualTo("A lot");
        for (TieBreakRule rule : TieBreakRule.values()) {
            assertThat(RankedSentences.rankedRules(rule)).startsWith("Rank the candidates in order of preference, as many or as few as you like.")
                    .contains("more than half of the votes still in the count").endsWith(rule.sentence());
        }
        assertThat(RankedSentences.approvalRules()).startsWith("Approve every candidate you would accept.").contains("a lot drawn");
    }
}
