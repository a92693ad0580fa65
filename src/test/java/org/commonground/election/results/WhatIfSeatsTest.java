package org.commonground.election.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.election.results.TransferRates.Pair;
import org.junit.jupiter.api.Test;

/** Hand-computed cases: the arithmetic is written out beside each. */
class WhatIfSeatsTest {

    private static final Alliance ALLIANCE = Alliance.standard();
    private static final TransferRates NONE = TransferRates.uniform(ALLIANCE, 0);
    private static final TransferRates ALL = TransferRates.uniform(ALLIANCE, 100);

    @Test
    void transferredVotesMoveToTheBestPlacedAndTheRestStay() {
        ConstituencyResult r = seat("E14000001", "England", "CON", "CON", 20000, "LAB", 15000, "LD", 8000, "RUK", 6000, "GRN", 2000);
        TransferRates rates = NONE.with(new Pair("LD", "LAB"), 60).with(new Pair("GRN", "LAB"), 50);

        // LD gives 8,000 × 60% = 4,800 and keeps 3,200; GRN gives 2,000 × 50% = 1,000 and keeps 1,000;
        // LAB has 15,000 + 4,800 + 1,000 = 20,800 > CON's 20,000. CON and RUK are untouched.
        assertThat(WhatIfSeats.votesWithTransfers(r, ALLIANCE, rates))
                .containsExactly(Map.entry("CON", 20000), Map.entry("LAB", 20800), Map.entry("LD", 3200), Map.entry("RUK", 6000), Map.entry("GRN", 1000));
        assertThat(WhatIfSeats.winnerWithTransfers(r, ALLIANCE, rates)).isEqualTo("LAB");
    }

    @Test
    void ratesOfZeroChangeNothingAndOfAHundredMoveEveryVote() {
        ConstituencyResult r = seat("E14000001", "England", "CON", "CON", 20000, "LAB", 15000, "LD", 8000, "GRN", 2000);

        assertThat(WhatIfSeats.votesWithTransfers(r, ALLIANCE, NONE)).containsExactly(Map.entry("CON", 20000), Map.entry("LAB", 15000),
                Map.entry("LD", 8000), Map.entry("GRN", 2000));
        assertThat(WhatIfSeats.winnerWithTransfers(r, ALLIANCE, NONE)).isEqualTo("CON");
        // 15,000 + 8,000 + 2,000 = 25,000 for LAB; LD and GRN keep nothing.
        assertThat(WhatIfSeats.votesWithTransfers(r, ALLIANCE, ALL)).containsExactly(Map.entry("CON", 20000), Map.entry("LAB", 25000),
                Map.entry("LD", 0), Map.entry("GRN", 0));
        assertThat(WhatIfSeats.winnerWithTransfers(r, ALLIANCE, ALL)).isEqualTo("LAB");
    }

    @Test
    void aTieKeepsTheWinnerAsCastAndOneVoteMoreTakesTheSeat() {
        ConstituencyResult r = seat("E14000001", "England", "CON", "CON", 20000, "LAB", 15000, "LD", 8000, "GRN", 2000);

        // 8,000 × 50% + 2,000 × 50% = 5,000: LAB 20,000 draws level with CON's 20,000, and CON keeps the seat.
        assertThat(WhatIfSeats.winnerWithTransfers(r, ALLIANCE, TransferRates.uniform(ALLIANCE, 50))).isEqualTo("CON");
        ConstituencyResult oneMore = seat("E14000001", "England", "CON", "CON", 20000, "LAB", 15001, "LD", 8000, "GRN", 2000);
        // 15,001 + 5,000 = 20,001.
        assertThat(WhatIfSeats.winnerWithTransfers(oneMore, ALLIANCE, TransferRates.uniform(ALLIANCE, 50))).isEqualTo("LAB");
    }

    @Test
    void partVotesAreRoundedDown() {
        ConstituencyResult r = seat("E14000001", "England", "CON", "CON", 10000, "LAB", 6000, "LD", 3333);
        // 3,333 × 33% = 1,099.89: 1,099 move, 2,234 stay.
        assertThat(WhatIfSeats.votesWithTransfers(r, ALLIANCE, NONE.with(new Pair("LD", "LAB"), 33)))
                .containsEntry("LAB", 7099).containsEntry("LD", 2234);
    }

    @Test
    void anAllianceWinnerIsTheBestPlacedAndOnlyGains() {
        ConstituencyResult r = seat("E14000001", "England", "LD", "CON", 20000, "LAB", 15000, "LD", 21000);
        TransferRates rates = NONE.with(new Pair("LAB", "LD"), 10).with(new Pair("LD", "LAB"), 100);

        // LD, the winner, is best placed: it gives nothing (LD → LAB does not apply) and gets 15,000 × 10% = 1,500.
        assertThat(WhatIfSeats.votesWithTransfers(r, ALLIANCE, rates)).containsExactly(Map.entry("CON", 20000), Map.entry("LAB", 13500),
                Map.entry("LD", 22500));
        assertThat(WhatIfSeats.winnerWithTransfers(r, ALLIANCE, rates)).isEqualTo("LD");
    }

    @Test
    void theEarlierColumnIsBestPlacedOnATieBetweenAllianceParties() {
        ConstituencyResult labFirst = seat("E14000001", "England", "CON", "CON", 25000, "LAB", 10000, "LD", 10000);
        ConstituencyResult ldFirst = seat("E14000001", "England", "CON", "CON", 25000, "LD", 10000, "LAB", 10000);

        // 10,000 + 10,000 = 20,000 < 25,000 either way; what moves shows who was best placed.
        assertThat(WhatIfSeats.votesWithTransfers(labFirst, ALLIANCE, ALL)).containsEntry("LAB", 20000).containsEntry("LD", 0);
        assertThat(WhatIfSeats.votesWithTransfers(ldFirst, ALLIANCE, ALL)).containsEntry("LD", 20000).containsEntry("LAB", 0);
    }

    @Test
    void theSpeakersSeatIsLeftAsCast() {
        // The Speaker's 20,000 are "of which other winner"; GRN 12,000 + LD 9,000 = 21,000 would overtake if transfers applied.
        ConstituencyResult chorley = new ConstituencyResult("E14000003", "Speakerton", "North West", "England", 70000, 41000, 0, 8000,
                "SPK", "GRN", "Spk hold", "", ordered("GRN", 12000, "LD", 9000, "OTHER", 20000), 20000);

        assertThat(WhatIfSeats.votesWithTransfers(chorley, ALLIANCE, ALL)).containsExactly(Map.entry("GRN", 12000), Map.entry("LD", 9000),
                Map.entry("SPK", 20000));
        assertThat(WhatIfSeats.winnerWithTransfers(chorley, ALLIANCE, ALL)).isEqualTo("SPK");
    }

    @Test
    void anIndependentWithoutAColumnCompetesWithTheirOwnVotesNotAllOthers() {
        // IND's 20,000 are "of which other winner" among OTHER's 21,000.
        ConstituencyResult r = new ConstituencyResult("E14000002", "Eastgate", "London", "England", 72000, 43000, 0, 3000, "IND", "LAB", "",
                "", ordered("LAB", 17000, "GRN", 5000, "OTHER", 21000), 20000);

        // 5,000 × 60% = 3,000: LAB 20,000 ties with IND and IND keeps it; at 61%, 3,050 make 20,050 > 20,000.
        assertThat(WhatIfSeats.winnerWithTransfers(r, ALLIANCE, NONE.with(new Pair("GRN", "LAB"), 60))).isEqualTo("IND");
        assertThat(WhatIfSeats.winnerWithTransfers(r, ALLIANCE, NONE.with(new Pair("GRN", "LAB"), 61))).isEqualTo("LAB");
        assertThat(WhatIfSeats.votesWithTransfers(r, ALLIANCE, NONE)).doesNotContainKey("OTHER").containsEntry("IND", 20000);
    }

    @Test
    void plaidAndTheSnpTransferOnlyInTheirOwnCountries() {
        TransferRates rates = NONE.with(new Pair("PC", "LAB"), 100).with(new Pair("SNP", "LAB"), 100);

        // Wales: PC is pooled, LAB 12,000 + 9,000 = 21,000 > 20,000. England: PC is not, so nothing moves.
        assertThat(WhatIfSeats.winnerWithTransfers(seat("W07000001", "Wales", "CON", "CON", 20000, "LAB", 12000, "PC", 9000), ALLIANCE, rates))
                .isEqualTo("LAB");
        assertThat(WhatIfSeats.winnerWithTransfers(seat("E14000001", "England", "CON", "CON", 20000, "LAB", 12000, "PC", 9000), ALLIANCE, rates))
                .isEqualTo("CON");
        assertThat(WhatIfSeats.winnerWithTransfers(seat("S14000001", "Scotland", "CON", "CON", 20000, "LAB", 12000, "SNP", 9000), ALLIANCE, rates))
                .isEqualTo("LAB");
        assertThat(WhatIfSeats.winnerWithTransfers(seat("W07000002", "Wales", "CON", "CON", 20000, "LAB", 12000, "SNP", 9000), ALLIANCE, rates))
                .isEqualTo("CON");
        // Plaid and the SNP never meet: no rate between them is asked for.
        List<Pair> pairs = TransferRates.pairs(ALLIANCE);
        assertThat(pairs).hasSize(18).contains(new Pair("PC", "LAB"), new Pair("LAB", "SNP"))
                .doesNotContain(new Pair("PC", "SNP"), new Pair("SNP", "PC"));
    }

    @Test
    void totalsCountTheSeatsAsCastEverywhereAndOnlyInThePactsSeats() {
        List<ConstituencyResult> results = List.of(
                // A: LAB 15,000 + LD 8,000 × 75% (6,000) = 21,000 > CON 20,000: flips.
                seat("E14000001", "England", "CON", "CON", 20000, "LAB", 15000, "LD", 8000),
                // B: LD 14,000 + LAB 4,000 × 75% (3,000) = 17,000 > CON 16,000: flips.
                seat("E14000002", "England", "CON", "CON", 16000, "LD", 14000, "LAB", 4000),
                // C: CON 30,000 against LAB 10,000 + 5,000 × 75% = 13,750: stays.
                seat("E14000003", "England", "CON", "CON", 30000, "LAB", 10000, "GRN", 5000),
                // D: LAB holds.
                seat("E14000004", "England", "LAB", "LAB", 25000, "CON", 10000),
                // E: the SNP holds, and counts for the alliance in Scotland.
                seat("S14000001", "Scotland", "SNP", "SNP", 18000, "CON", 9000));
        WhatIfSeats.Totals totals = WhatIfSeats.totals(results, ALLIANCE, TransferRates.uniform(ALLIANCE, 75), Set.of("E14000002", "E99999999"));

        assertThat(totals.asCast()).containsExactly(Map.entry("CON", 3), Map.entry("LAB", 1), Map.entry("SNP", 1));
        assertThat(totals.transfersEverywhere()).containsExactly(Map.entry("LAB", 2), Map.entry("CON", 1), Map.entry("LD", 1), Map.entry("SNP", 1));
        // Only B is a pact's seat: A stays Conservative there.
        assertThat(totals.transfersInPactSeats()).containsExactly(Map.entry("CON", 2), Map.entry("LAB", 1), Map.entry("LD", 1), Map.entry("SNP", 1));
        assertThat(totals.allianceAsCast()).isEqualTo(2);
        assertThat(totals.allianceEverywhere()).isEqualTo(4);
        assertThat(totals.allianceInPactSeats()).isEqualTo(3);
        assertThat(totals.allianceGainEverywhere()).isEqualTo(2);
        assertThat(totals.allianceGainInPactSeats()).isEqualTo(1);
    }

    @Test
    void anSnpWinnerOutsideScotlandIsNotTheAlliances() {
        WhatIfSeats.Totals totals = WhatIfSeats.totals(List.of(seat("E14000001", "England", "SNP", "SNP", 20000, "CON", 10000)), ALLIANCE, NONE,
                Set.of());
        assertThat(totals.allianceAsCast()).isZero();
    }

    @Test
    void aRateIsAPerCentFromZeroToAHundredBetweenTwoParties() {
        assertThatThrownBy(() -> NONE.with(new Pair("LD", "LAB"), 140)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NONE.with(new Pair("LD", "LAB"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pair("LAB", "Lab")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NONE.with(new Pair("Green", "LAB"), 40).percent("GRN", "LAB")).isEqualTo(40);
    }

    /**
     * The real 2024 results: with every alliance voter transferring, the alliance gains exactly the seat analysis's
     * targets (where together it out-polled a winner from outside it), and with none, nothing changes.
     */
    @Test
    void withFullTransfersTheAllianceGainsExactlyTheTargetsOf2024() throws Exception {
        List<ConstituencyResult> results = ResultsCsvParser.parse(Files.readString(SeatAnalysisTest.GE2024)).constituencies();
        long targets = SeatAnalysis.analyse(results, ALLIANCE).stream().filter(SeatVerdict::target).count();

        WhatIfSeats.Totals full = WhatIfSeats.totals(results, ALLIANCE, ALL, Set.of());
        WhatIfSeats.Totals none = WhatIfSeats.totals(results, ALLIANCE, NONE, Set.of());

        assertThat(targets).isPositive();
        assertThat(full.allianceGainEverywhere()).isEqualTo(targets);
        assertThat(none.transfersEverywhere()).isEqualTo(none.asCast());
        assertThat(full.asCast().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        assertThat(full.transfersEverywhere().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(650);
        // The Speaker keeps Chorley whatever the rates.
        assertThat(full.transfersEverywhere()).containsEntry("SPK", 1);
    }

    private static ConstituencyResult seat(String ons, String country, String winner, Object... partiesAndVotes) {
        Map<String, Integer> votes = ordered(partiesAndVotes);
        int valid = votes.values().stream().mapToInt(Integer::intValue).sum();
        return new ConstituencyResult(ons, "Seat " + ons, "Some region", country, 70000, valid, 0, 0, winner, "", "", "", votes, 0);
    }

    private static Map<String, Integer> ordered(Object... partiesAndVotes) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (int i = 0; i < partiesAndVotes.length; i += 2) {
            votes.put((String) partiesAndVotes[i], (Integer) partiesAndVotes[i + 1]);
        }
        return votes;
    }
}
