package org.commonground.ballot.rules.ranked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.ADA;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.FLO;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.GRACE;
import static org.commonground.ballot.rules.ranked.RankedChoiceRulesTest.MARY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApprovalRulesTest {

    private static Contest contest(Set<String> withdrawn, long seed) {
        return new Contest(List.of(ADA, MARY, GRACE, FLO), withdrawn, TieBreakRule.BACKWARDS, seed);
    }

    private static void add(List<ApprovalBallot> ballots, int times, String party, String... approved) {
        for (int i = 0; i < times; i++) {
            ballots.add(ApprovalBallot.of(party, approved));
        }
    }

    @Test
    void aBallotMustApproveSomeoneStillStandingAndKnown() {
        Contest c = contest(Set.of("flo"), 1);
        assertThat(ApprovalRules.check(c, ApprovalBallot.of("LAB", "ada", "grace"))).isEmpty();
        BallotProblem empty = ApprovalRules.check(c, ApprovalBallot.of("LAB")).orElseThrow();
        assertThat(empty.kind()).isEqualTo(BallotProblem.Kind.EMPTY);
        assertThat(empty.message()).isEqualTo("The ballot approves nobody: approve at least one candidate you would accept.");
        BallotProblem unknown = ApprovalRules.check(c, ApprovalBallot.of("LAB", "ada", "boris")).orElseThrow();
        assertThat(unknown.kind()).isEqualTo(BallotProblem.Kind.UNKNOWN_CANDIDATE);
        assertThat(unknown.message()).isEqualTo("\u201cboris\u201d is not a candidate in this ballot: approve only the candidates listed.");
        assertThat(ApprovalRules.check(c, new ApprovalBallot("LAB", new HashSet<>(Arrays.asList("ada", null)))).orElseThrow().message())
                .isEqualTo("One approval is not a candidate in this ballot: approve only the candidates listed.");
        BallotProblem withdrawn = ApprovalRules.check(c, ApprovalBallot.of("LD", "flo", "ada")).orElseThrow();
        assertThat(withdrawn.kind()).isEqualTo(BallotProblem.Kind.WITHDRAWN);
        assertThat(withdrawn.candidateId()).isEqualTo("flo");
        assertThat(withdrawn.message()).isEqualTo("Florence Nightingale has withdrawn and cannot be approved: approve only the candidates still standing.");
    }

    @Test
    void mostApprovalsWinsAndEachCandidatesApprovalsAreShownByParty() {
        List<ApprovalBallot> ballots = new ArrayList<>();
        add(ballots, 6, "LAB", "ada", "mary");
        add(ballots, 5, "GRN", "mary");
        add(ballots, 2, "GRN", "ada", "grace");
        add(ballots, 3, "LD", "flo", "grace");
        ApprovalCount count = ApprovalRules.count(contest(Set.of("flo"), 1), ballots);
        assertThat(count.ballots()).isEqualTo(16);
        assertThat(count.standings()).extracting(s -> s.candidate().id(), Standing::votes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mary", 11), org.assertj.core.groups.Tuple.tuple("ada", 8),
                        org.assertj.core.groups.Tuple.tuple("grace", 5));
        assertThat(count.standings().getFirst().byParty()).containsExactly(Map.entry("LAB", 6), Map.entry("GRN", 5));
        // Florence withdrew: the approvals of her are ignored, the rest of those ballots stand.
        assertThat(count.standings().getLast().byParty()).containsExactly(Map.entry("LD", 3), Map.entry("GRN", 2));
        assertThat(count.elected()).contains(MARY);
        assertThat(count.tie()).isEmpty();
        assertThat(count.sentences(p -> switch (p) {
            case "LAB" -> "Labour";
            case "GRN" -> "Green";
            case "LD" -> "Liberal Democrats";
            default -> p;
        })).containsExactly(
                "Mary Seacole is elected with 11 approvals on 16 ballots.",
                "Florence Nightingale has withdrawn: ballots approving them count for the others they approve.",
                "Approvals: Mary Seacole 11 (Labour 6, Green 5), Ada Lovelace 8 (Labour 6, Green 2), Grace Hopper 5 (Liberal Democrats 3, Green 2).");
    }

    @Test
    void aTieForTheMostApprovalsIsSettledByALotFromTheSeed() {
        List<ApprovalBallot> ballots = new ArrayList<>();
        add(ballots, 5, "LAB", "ada");
        add(ballots, 4, "GRN", "mary", "grace");
        add(ballots, 1, "NONE", "grace");
        Set<String> winners = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            ApprovalCount count = ApprovalRules.count(new Contest(List.of(ADA, MARY, GRACE), Set.of(), TieBreakRule.LOT, seed), ballots);
            TieResolution tie = count.tie().orElseThrow();
            assertThat(tie.tied()).containsExactly(ADA, GRACE);
            assertThat(tie.votes()).isEqualTo(5);
            assertThat(tie.by()).isEqualTo(TieResolution.By.LOT);
            assertThat(count.elected()).contains(tie.picked());
            assertThat(ApprovalRules.count(new Contest(List.of(ADA, MARY, GRACE), Set.of(), TieBreakRule.LOT, seed), ballots)).isEqualTo(count);
            assertThat(count.sentences()).last()
                    .isEqualTo("Ada Lovelace and Grace Hopper are tied on 5 approvals; a lot was drawn, and it fell to " + tie.picked().name() + ".");
            winners.add(tie.picked().id());
        }
        assertThat(winners).containsExactlyInAnyOrder("ada", "grace");

        // Under the backwards rule there is no earlier round in an approval count, and the sentence says so.
        ApprovalCount backwards = ApprovalRules.count(new Contest(List.of(ADA, MARY, GRACE), Set.of(), TieBreakRule.BACKWARDS, 3), ballots);
        assertThat(backwards.tie().orElseThrow().by()).isEqualTo(TieResolution.By.LOT_AFTER_LEVEL_ROUNDS);
        assertThat(backwards.sentences().getLast()).contains("are tied on 5 approvals; with no earlier round to look back to, a lot was drawn");
    }

    @Test
    void noApprovalsOfAStandingCandidateElectNobody() {
        Contest c = contest(Set.of("flo"), 1);
        ApprovalCount count = ApprovalRules.count(c, List.of(ApprovalBallot.of("LD", "flo")));
        assertThat(count.elected()).isEmpty();
        assertThat(count.standings()).extracting(Standing::votes).containsOnly(0);
        assertThat(count.sentences().getFirst()).isEqualTo("No ballot approves a candidate still standing, so nobody is elected.");
        assertThat(ApprovalRules.count(c, List.of()).sentences().getFirst()).isEqualTo("No ballots were cast, so nobody is elected.");
        assertThatThrownBy(() -> ApprovalRules.count(c, List.of(ApprovalBallot.of("LD", "boris"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boris");
    }
}
