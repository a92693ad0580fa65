package org.commonground.ballot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    private static PartyTally p(String party, int electorate, int f, int a, int abs) {
        return new PartyTally(party, electorate, f, a, abs);
    }

    @Test
    void aTieIsNotAMajority() {
        Outcome o = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 4, 4, 0)), 20, 20);
        assertThat(o.passed()).isFalse();
        assertThat(o.explanation()).contains("a tie (4 for, 4 against) is not a majority");
        assertThat(DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 5, 4, 0)), 20, 20).passed()).isTrue();
    }

    @Test
    void zeroVotesFailTheQuorumAndEveryRule() {
        for (DecisionRule rule : DecisionRule.values()) {
            Outcome o = DecisionRules.decide(rule, List.of(p("LAB", 10, 0, 0, 0), p("GRN", 5, 0, 0, 0)), 20, 20);
            assertThat(o.passed()).as(rule.name()).isFalse();
        }
        assertThat(DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 0, 0, 0)), 0, 0).passed())
                .as("even with no quorum, nothing for is not a majority").isFalse();
    }

    @Test
    void abstentionsCountForQuorumButNotForMajorities() {
        Outcome allAbstain = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 0, 0, 10)), 50, 20);
        assertThat(allAbstain.passed()).isFalse();
        assertThat(allAbstain.explanation()).contains("Turnout 100% \u2265 quorum 50%");
        assertThat(DecisionRules.decide(DecisionRule.SUPERMAJORITY, List.of(p("LAB", 10, 0, 0, 10)), 50, 20).explanation())
                .contains("nobody voted for or against");
        assertThat(DecisionRules.decide(DecisionRule.CONSENSUS, List.of(p("LAB", 10, 0, 0, 10)), 50, 20).passed()).isFalse();
        // Abstentions lift turnout over the quorum; the two FOR votes then carry it.
        assertThat(DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 2, 1, 4)), 50, 20).passed()).isTrue();
    }

    @Test
    void aSupermajorityNeedsTwoThirdsOfThoseTakingSides() {
        assertThat(DecisionRules.decide(DecisionRule.SUPERMAJORITY, List.of(p("LAB", 30, 20, 10, 0)), 20, 20).passed()).isTrue();
        assertThat(DecisionRules.decide(DecisionRule.SUPERMAJORITY, List.of(p("LAB", 30, 19, 10, 0)), 20, 20).passed()).isFalse();
    }

    @Test
    void consensusIsBlockedByASingleAgainst() {
        Outcome o = DecisionRules.decide(DecisionRule.CONSENSUS, List.of(p("LAB", 20, 15, 0, 0), p("GRN", 10, 8, 1, 0)), 20, 20);
        assertThat(o.passed()).isFalse();
        assertThat(o.blocking()).containsExactly("GRN");
        assertThat(o.explanation()).contains("1 member against, and any objection blocks");
    }

    @Test
    void concurrentMajorityNamesEachPartysVerdictAndWhoBlocked() {
        Outcome o = DecisionRules.decide(DecisionRule.CONCURRENT_MAJORITY,
                List.of(p("LAB", 18, 10, 2, 1), p("GRN", 14, 9, 3, 0), p("LD", 11, 3, 5, 1)), 20, 20);
        assertThat(o.passed()).isFalse();
        assertThat(o.verdicts()).contains("GRN: 9 for, 3 against, turnout 85% \u2265 quorum 20%: consents");
        assertThat(o.verdicts()).anySatisfy(v -> assertThat(v).startsWith("LD: 3 for, 5 against").endsWith("does not consent (no majority for)"));
        assertThat(o.blocking()).containsExactly("LD");
        assertThat(o.explanation()).endsWith("Failed: LD does not consent.");
    }

    @Test
    void aPartyBelowItsQuorumBlocksEvenIfItsVotersAgree() {
        Outcome o = DecisionRules.decide(DecisionRule.CONCURRENT_MAJORITY, List.of(p("LAB", 20, 15, 1, 0), p("GRN", 20, 3, 0, 0)), 20, 20);
        assertThat(o.passed()).isFalse();
        assertThat(o.verdicts()).anySatisfy(v -> assertThat(v).startsWith("GRN: 3 for, 0 against, turnout 15% < quorum 20%"));
        assertThat(o.blocking()).containsExactly("GRN");
    }

    @Test
    void aPartyWithNoMembersInTheElectorateDoesNotTakePart() {
        Outcome o = DecisionRules.decide(DecisionRule.CONCURRENT_MAJORITY, List.of(p("LAB", 10, 6, 1, 0), p("SNP", 0, 0, 0, 0)), 20, 20);
        assertThat(o.passed()).isTrue();
        assertThat(o.verdicts()).contains("SNP: no members in the electorate, so not taking part");
        assertThat(o.explanation()).endsWith("Passed: every participating party consents.");
        assertThat(DecisionRules.decide(DecisionRule.CONCURRENT_MAJORITY, List.of(p("SNP", 0, 0, 0, 0)), 20, 20).passed()).isFalse();
    }

    @Test
    void theOverallQuorumAppliesToEveryRule() {
        Outcome o = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 100, 10, 0, 0)), 20, 20);
        assertThat(o.passed()).isFalse();
        assertThat(o.explanation()).contains("Turnout 10% < quorum 20%").contains("Failed: the turnout is below the quorum");
    }

    @Test
    void impossibleTalliesAndQuorumsAreRefused() {
        assertThatThrownBy(() -> p("LAB", 2, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionRules.decide(DecisionRule.CONSENSUS, List.of(), 120, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
