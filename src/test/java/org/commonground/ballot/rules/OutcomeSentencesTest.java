package org.commonground.ballot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each rule's outcome as a type and in sentences, made from the numbers, not from the recorded explanation. */
class OutcomeSentencesTest {

    private static PartyTally p(String party, int electorate, int f, int a, int abs) {
        return new PartyTally(party, electorate, f, a, abs);
    }

    @Test
    void aSimpleMajorityPassesFailsOrTies() {
        Outcome passed = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 5, 3, 1), p("GRN", 5, 2, 1, 0)), 20, 20);
        assertThat(passed.decision()).isEqualTo(Decision.PASSED);
        assertThat(passed.sentences()).containsExactly(
                "The ballot passed.",
                "15 members could vote and 12 did (80%), which meets the quorum of 20%.",
                "7 voted for, 4 against and 1 abstained. Abstentions count towards the quorum but not towards the majority.",
                "A simple majority needs more votes for than against: there were 7 for to 4 against.");
        assertThat(passed.parties()).extracting(PartyVerdict::standing).containsOnly(PartyVerdict.Standing.COUNTED_TOGETHER);

        Outcome failed = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 2, 6, 0)), 0, 0);
        assertThat(failed.decision()).isEqualTo(Decision.FAILED);
        assertThat(failed.sentences()).containsExactly("The ballot failed.", "10 members could vote and 8 did (80%); no quorum was set.",
                "2 voted for, 6 against and 0 abstained.", "A simple majority needs more votes for than against: there were only 2 for to 6 against.");

        Outcome tied = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 4, 4, 0)), 20, 20);
        assertThat(tied.decision()).isEqualTo(Decision.TIED);
        assertThat(tied.sentences()).first().isEqualTo("The ballot was tied, and a tie is not a majority, so it did not pass.");
        assertThat(tied.sentences()).last().isEqualTo("A simple majority needs more votes for than against: there were 4 each.");
    }

    @Test
    void aSupermajorityCountsTwoThirdsOfThoseTakingSides() {
        Outcome o = DecisionRules.decide(DecisionRule.SUPERMAJORITY, List.of(p("LAB", 30, 19, 10, 0)), 20, 20);
        assertThat(o.decision()).isEqualTo(Decision.FAILED);
        assertThat(o.sentences()).last().isEqualTo("A two-thirds majority needs at least two thirds of those voting for or against to vote for: 19 of 29 did (65%).");
        assertThat(DecisionRules.decide(DecisionRule.SUPERMAJORITY, List.of(p("LAB", 30, 20, 10, 0)), 20, 20).decision()).isEqualTo(Decision.PASSED);
    }

    @Test
    void consensusIsBlockedByAnObjectionAndNamesTheParty() {
        Outcome o = DecisionRules.decide(DecisionRule.CONSENSUS, List.of(p("LAB", 20, 15, 0, 0), p("GRN", 10, 8, 1, 0)), 20, 20);
        assertThat(o.decision()).isEqualTo(Decision.BLOCKED);
        assertThat(o.sentences()).first().isEqualTo("The ballot was blocked.");
        assertThat(o.sentences()).last().isEqualTo("Consensus needs at least one vote for and none against: 1 member of GRN objected, and any objection blocks.");
        assertThat(o.parties()).extracting(PartyVerdict::standing).containsExactly(PartyVerdict.Standing.NO_OBJECTION, PartyVerdict.Standing.OBJECTED);
        assertThat(DecisionRules.decide(DecisionRule.CONSENSUS, List.of(p("LAB", 20, 15, 0, 0)), 20, 20).sentences()).last()
                .isEqualTo("Consensus needs at least one vote for and none against: nobody objected.");
    }

    @Test
    void aConcurrentMajorityJudgesEachPartyAndSaysWhichDidNotConsent() {
        Outcome o = DecisionRules.decide(DecisionRule.CONCURRENT_MAJORITY,
                List.of(p("LAB", 10, 6, 2, 0), p("GRN", 10, 3, 3, 0), p("LD", 10, 1, 0, 0), p("SNP", 0, 0, 0, 0)), 20, 30);
        assertThat(o.decision()).isEqualTo(Decision.BLOCKED);
        assertThat(o.parties()).extracting(PartyVerdict::standing).containsExactly(PartyVerdict.Standing.CONSENTS, PartyVerdict.Standing.TIED,
                PartyVerdict.Standing.BELOW_QUORUM, PartyVerdict.Standing.NOT_TAKING_PART);
        assertThat(o.parties()).extracting(PartyVerdict::turnoutPercent).containsExactly(80L, 60L, 10L, 0L);
        assertThat(o.sentences()).last().isEqualTo("A concurrent majority needs more votes for than against in every party taking part, each with a "
                + "turnout of at least 30%: GRN (a tie) and LD (too few of its members voted) did not consent; LAB did. "
                + "SNP had no members in the electorate and took no part.");

        Outcome passed = DecisionRules.decide(DecisionRule.CONCURRENT_MAJORITY, List.of(p("LAB", 10, 6, 2, 0), p("GRN", 10, 4, 3, 0)), 20, 30);
        assertThat(passed.decision()).isEqualTo(Decision.PASSED);
        assertThat(passed.sentences().getLast()).endsWith("every party taking part consented (LAB and GRN).");
    }

    @Test
    void tooFewVotersOrNobodyToVoteSayWhyNotTheVotes() {
        Outcome o = DecisionRules.decide(DecisionRule.SIMPLE_MAJORITY, List.of(p("LAB", 10, 2, 0, 0)), 50, 20);
        assertThat(o.decision()).isEqualTo(Decision.NO_QUORUM);
        assertThat(o.sentences()).startsWith("Too few members voted, so the ballot did not pass.",
                "10 members could vote and 2 did (20%), below the quorum of 50%, so the ballot fails whatever the votes say.");

        Outcome nobody = DecisionRules.decide(DecisionRule.CONSENSUS, List.of(p("LAB", 0, 0, 0, 0)), 20, 20);
        assertThat(nobody.decision()).isEqualTo(Decision.NO_ELECTORATE);
        assertThat(nobody.sentences()).containsExactly("Nobody could vote, so the ballot did not pass.",
                "Nobody was in the electorate when the ballot opened, so there was nothing to count.");
    }

    @Test
    void theRecordedExplanationIsUnchanged() {
        // Stored explanations are read again (the last line, each party's verdict): their wording stays as it was.
        Outcome o = DecisionRules.decide(DecisionRule.CONCURRENT_MAJORITY, List.of(p("LAB", 10, 6, 2, 0), p("GRN", 10, 3, 3, 0)), 20, 30);
        assertThat(o.explanation()).isEqualTo("""
                Concurrent majority (every party). 20 members could vote; 14 voted: 9 for, 5 against, 0 abstaining.
                Turnout 70% \u2265 quorum 20%.
                LAB: 6 for, 2 against, turnout 80% \u2265 quorum 30%: consents
                GRN: 3 for, 3 against, turnout 60% \u2265 quorum 30%: does not consent (a tie)
                Failed: GRN does not consent.""");
    }
}
