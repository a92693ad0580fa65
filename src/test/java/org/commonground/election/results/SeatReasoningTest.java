package org.commonground.election.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The public seat page's reasoning in words, and the search's forgiving names: hand-made cases. */
class SeatReasoningTest {

    private static ConstituencyResult result(String winner, int otherWinnerVotes, Object... partyVotes) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        int valid = otherWinnerVotes;
        for (int i = 0; i < partyVotes.length; i += 2) {
            votes.put((String) partyVotes[i], (Integer) partyVotes[i + 1]);
            valid += (Integer) partyVotes[i + 1];
        }
        return new ConstituencyResult("E14000001", "Testing", "South West", "England", 70000, valid, 0, 0, winner, "", "", "", votes, otherWinnerVotes);
    }

    private static String words(ConstituencyResult r) {
        return SeatReasoning.inWords(r, SeatAnalysis.analyse(r, Alliance.parse("LAB,LD,GRN")));
    }

    @Test
    void aTargetSaysWhereTheBestPlacedPartyCameAndWhatTheAllianceHadTogether() {
        assertThat(words(result("CON", 0, "CON", 19347, "LAB", 14212, "LD", 8000, "RUK", 5000, "GRN", 4718)))
                .isEqualTo("Labour came second with 14,212 votes; the alliance parties together had 26,930 against the winner's 19,347."
                        + " Together they out-polled the winner, so Labour is the candidate best placed to win it.");
    }

    @Test
    void aSeatTheAllianceCannotWinTogetherSaysSo() {
        // Reform 20,000; Conservatives 12,000 ahead of the Lib Dems' 9,000: third place, 15,000 together.
        assertThat(words(result("RUK", 0, "CON", 12000, "LAB", 4000, "LD", 9000, "RUK", 20000, "GRN", 2000)))
                .startsWith("Liberal Democrat came third with 9,000 votes; the alliance parties together had 15,000 against the winner's 20,000.")
                .contains("Even together they polled fewer votes than the winner");
    }

    @Test
    void anIndependentWinnerWithoutAColumnStillCountsAheadOfTheBestPlacedParty() {
        assertThat(words(result("IND", 24120, "CON", 3000, "LAB", 16873, "LD", 1000, "GRN", 2000, ConstituencyResult.OTHER, 24500)))
                .startsWith("Labour came second with 16,873 votes; the alliance parties together had 19,873 against the winner's 24,120.");
    }

    @Test
    void aSeatTheAllianceHoldsTheSpeakersSeatAndASeatWithoutAllianceCandidates() {
        assertThat(words(result("LAB", 0, "CON", 7000, "LAB", 27000, "LD", 3000, "GRN", 7000)))
                .isEqualTo("Labour won with 27,000 votes; the alliance parties together had 37,000.");
        assertThat(words(result("LD", 0, "CON", 7000, "LAB", 2000, "LD", 27000, "GRN", 1000)))
                .isEqualTo("Liberal Democrat won with 27,000 votes; the alliance parties together had 30,000.");
        assertThat(words(result("SPK", 25200, "GRN", 4700, ConstituencyResult.OTHER, 29300))).startsWith("This is the Speaker's seat");
        assertThat(words(result("DUP", 0, "DUP", 20000, "SF", 15000, "APNI", 5000))).startsWith("No alliance party stood here");
    }

    @Test
    void namesAreComparedWithoutCaseAccentsAmpersandsPunctuationOrExtraSpaces() {
        assertThat(ConstituencyNames.key("  Ynys  Môn ")).isEqualTo(ConstituencyNames.key("ynys mon"));
        assertThat(ConstituencyNames.key("Hove & Portslade")).isEqualTo(ConstituencyNames.key("hove and portslade"));
        assertThat(ConstituencyNames.key("Weston-super-Mare")).isEqualTo("weston super mare");
        assertThat(ConstituencyNames.key("St. Helens")).isEqualTo("st helens");
        assertThat(ConstituencyNames.key("Bishop’s Stortford")).isEqualTo(ConstituencyNames.key("bishops stortford"));
        for (String search : List.of("bristol central", "BRISTOL", "central", "bris cent")) {
            assertThat(ConstituencyNames.matches(ConstituencyNames.key("Bristol Central"), ConstituencyNames.key(search))).as(search).isTrue();
        }
        for (String search : List.of("central bristol", "ristol", "bristol west", "")) {
            assertThat(ConstituencyNames.matches(ConstituencyNames.key("Bristol Central"), ConstituencyNames.key(search))).as(search).isFalse();
        }
        assertThat(ConstituencyNames.onsCode(" e14001131 ")).isEqualTo("E14001131");
        assertThat(ConstituencyNames.onsCode("E1400113")).isNull();
    }
}
