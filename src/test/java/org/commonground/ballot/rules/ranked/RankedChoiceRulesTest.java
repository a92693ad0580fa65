package org.commonground.ballot.rules.ranked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RankedChoiceRulesTest {

    static final Candidate ADA = new Candidate("ada", "Ada Lovelace", "LAB");
    static final Candidate MARY = new Candidate("mary", "Mary Seacole", "GRN");
    static final Candidate GRACE = Candidate.independent("grace", "Grace Hopper");
    static final Candidate FLO = new Candidate("flo", "Florence Nightingale", "LD");

    static Contest contest(TieBreakRule rule, Set<String> withdrawn, Candidate... candidates) {
        return new Contest(List.of(candidates), withdrawn, rule, 42L);
    }

    static void add(List<RankedBallot> ballots, int times, String party, String... ranking) {
        for (int i = 0; i < times; i++) {
            ballots.add(RankedBallot.of(party, ranking));
        }
    }

    // --- checking a ballot as it is submitted

    @Test
    void aPartialRankingIsAcceptedAsItIs() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE);
        assertThat(RankedChoiceRules.check(c, RankedBallot.of("LAB", "mary"))).isEmpty();
        assertThat(RankedChoiceRules.check(c, RankedBallot.of("LAB", "grace", "ada", "mary"))).isEmpty();
    }

    @Test
    void anEmptyRankingIsRefusedWithASentence() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY);
        BallotProblem p = RankedChoiceRules.check(c, RankedBallot.of("LAB")).orElseThrow();
        assertThat(p.kind()).isEqualTo(BallotProblem.Kind.EMPTY);
        assertThat(p.candidateId()).isNull();
        assertThat(p.message()).isEqualTo("The ballot ranks nobody: rank at least one candidate, starting with your first choice.");
        assertThat(RankedChoiceRules.check(c, new RankedBallot("LAB", null))).map(BallotProblem::kind).contains(BallotProblem.Kind.EMPTY);
    }

    @Test
    void aCandidateRankedTwiceIsNamedWithBothPlaces() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE);
        BallotProblem p = RankedChoiceRules.check(c, RankedBallot.of("GRN", "mary", "ada", "mary")).orElseThrow();
        assertThat(p.kind()).isEqualTo(BallotProblem.Kind.RANKED_TWICE);
        assertThat(p.candidateId()).isEqualTo("mary");
        assertThat(p.message()).isEqualTo("Mary Seacole is ranked twice, 1st and 3rd: rank each candidate once at most.");
    }

    @Test
    void anUnknownCandidateIsNamedByItsPlace() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY);
        BallotProblem p = RankedChoiceRules.check(c, RankedBallot.of("GRN", "ada", "mary", "boris")).orElseThrow();
        assertThat(p.kind()).isEqualTo(BallotProblem.Kind.UNKNOWN_CANDIDATE);
        assertThat(p.candidateId()).isEqualTo("boris");
        assertThat(p.message()).isEqualTo("Your 3rd choice (\u201cboris\u201d) is not a candidate in this ballot: rank only the candidates listed.");
        BallotProblem blank = RankedChoiceRules.check(c, new RankedBallot("GRN", Arrays.asList("ada", null))).orElseThrow();
        assertThat(blank.message()).isEqualTo("Your 2nd choice is not a candidate in this ballot: rank only the candidates listed.");
        assertThat(RankedChoiceRules.ordinal(11)).isEqualTo("11th");
        assertThat(RankedChoiceRules.ordinal(22)).isEqualTo("22nd");
    }

    @Test
    void aWithdrawnCandidateCannotBeRankedOnANewBallot() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of("mary"), ADA, MARY, GRACE);
        BallotProblem p = RankedChoiceRules.check(c, RankedBallot.of("LAB", "ada", "mary")).orElseThrow();
        assertThat(p.kind()).isEqualTo(BallotProblem.Kind.WITHDRAWN);
        assertThat(p.candidateId()).isEqualTo("mary");
        assertThat(p.message()).isEqualTo("Mary Seacole has withdrawn and cannot be ranked: rank only the candidates still standing.");
        assertThat(RankedChoiceRules.check(c, RankedBallot.of("LAB", "ada", "grace"))).isEmpty();
    }

    @Test
    void numberedChoicesAreReadInOrderAndGapsOrSharedNumbersAreRefused() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of("flo"), ADA, MARY, GRACE, FLO);
        java.util.Map<String, Integer> partial = new java.util.HashMap<>();
        partial.put("grace", 2);
        partial.put("mary", 1);
        partial.put("ada", null);
        assertThat(RankedChoiceRules.readMarks(c, "GRN", partial))
                .isEqualTo(new RankedChoiceRules.Marked.Read(RankedBallot.of("GRN", "mary", "grace")));

        assertThat(refused(c, java.util.Map.of("ada", 1, "grace", 3)))
                .isEqualTo(new BallotProblem(BallotProblem.Kind.MISSING_RANK, null,
                        "Nobody is marked 2 but 3 is used: number your choices 1, 2, 3 and so on without a gap."));
        assertThat(refused(c, java.util.Map.of("grace", 2, "ada", 2, "mary", 1)))
                .isEqualTo(new BallotProblem(BallotProblem.Kind.SAME_RANK, "grace", "Ada Lovelace and Grace Hopper are both marked 2: give each choice its own number."));
        assertThat(refused(c, java.util.Map.of("ada", 0)).message()).isEqualTo("Ada Lovelace is marked 0: number your choices from 1.");
        assertThat(refused(c, java.util.Map.of()).kind()).isEqualTo(BallotProblem.Kind.EMPTY);
        assertThat(refused(c, java.util.Map.of("ada", 1, "flo", 2)).kind()).isEqualTo(BallotProblem.Kind.WITHDRAWN);
        assertThat(refused(c, java.util.Map.of("ada", 1, "boris", 2)).message())
                .isEqualTo("Your 2nd choice (\u201cboris\u201d) is not a candidate in this ballot: rank only the candidates listed.");
    }

    private static BallotProblem refused(Contest c, java.util.Map<String, Integer> marks) {
        return ((RankedChoiceRules.Marked.Refused) RankedChoiceRules.readMarks(c, "LAB", marks)).problem();
    }

    @Test
    void aStoredBallotThatWasNeverCheckedStopsTheCountRatherThanBeingGuessedAt() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY);
        assertThatThrownBy(() -> RankedChoiceRules.count(c, List.of(RankedBallot.of("LAB", "ada"), RankedBallot.of("LAB", "ada", "ada"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Ballot 2 ranks Ada Lovelace twice");
        assertThatThrownBy(() -> RankedChoiceRules.count(c, List.of(RankedBallot.of("LAB", "boris"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Ballot 1 ranks \u201cboris\u201d, who is not a candidate in this ballot");
    }

    // --- exhausted ballots and withdrawals

    @Test
    void aMajorityIsOfTheContinuingVotesNotOfEveryBallot() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE);
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 5, "LAB", "ada");
        add(ballots, 4, "GRN", "mary");
        add(ballots, 3, "NONE", "grace");
        RankedCount count = RankedChoiceRules.count(c, ballots);
        assertThat(count.rounds()).hasSize(2);
        assertThat(count.rounds().get(0).exhausted()).isZero();
        assertThat(count.rounds().get(0).excluded()).containsExactly(GRACE);
        Round last = count.rounds().get(1);
        // Grace's three voters ranked nobody else: their ballots are exhausted, and 5 of 9 is a majority though 5 of 12 is not.
        assertThat(last.exhausted()).isEqualTo(3);
        assertThat(last.continuingVotes()).isEqualTo(9);
        assertThat(last.elected()).contains(ADA);
        assertThat(count.elected()).contains(ADA);
    }

    @Test
    void aCandidateWithdrawnMidBallotIsSkippedAndTheirBallotsPassOn() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of("flo"), ADA, MARY, GRACE, FLO);
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 4, "LAB", "ada");
        add(ballots, 3, "LD", "flo", "mary");
        add(ballots, 2, "LD", "flo");
        add(ballots, 2, "GRN", "mary", "flo", "grace");
        add(ballots, 3, "NONE", "grace");
        RankedCount count = RankedChoiceRules.count(c, ballots);

        Round first = count.rounds().getFirst();
        assertThat(first.standing("flo")).isEmpty();
        assertThat(first.votes("mary")).isEqualTo(5);
        // Florence's first preferences pass on from the first round; a ballot ranking only her counts for nobody.
        assertThat(count.firstPreferences()).extracting(s -> s.candidate().id()).containsExactly("mary", "ada", "grace");
        assertThat(count.firstPreferences().getFirst().byParty()).containsExactly(java.util.Map.entry("LD", 3), java.util.Map.entry("GRN", 2));
        assertThat(first.exhausted()).isEqualTo(2);
        assertThat(first.continuingVotes()).isEqualTo(12);
        assertThat(first.excluded()).containsExactly(GRACE);
        // Grace's voters ranked nobody else, so their ballots join the two exhausted from the start.
        Round second = count.rounds().get(1);
        assertThat(second.votes("mary")).isEqualTo(5);
        assertThat(second.exhausted()).isEqualTo(5);
        assertThat(count.elected()).contains(MARY);
        assertThat(count.sentences()).contains("Florence Nightingale has withdrawn: ballots ranking them count for the next candidate ranked on them.");
    }

    @Test
    void ballotsRankingOnlyWithdrawnCandidatesElectNobody() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of("flo"), ADA, FLO);
        RankedCount count = RankedChoiceRules.count(c, List.of(RankedBallot.of("LD", "flo"), RankedBallot.of("LD", "flo")));
        assertThat(count.elected()).isEmpty();
        assertThat(count.rounds()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(Round.Reason.NOTHING_TO_COUNT);
            assertThat(r.exhausted()).isEqualTo(2);
            assertThat(r.votes("ada")).isZero();
        });
        assertThat(count.sentences().getFirst()).isEqualTo("No ballot ranks a candidate still standing, so nobody is elected.");

        RankedCount none = RankedChoiceRules.count(c, List.of());
        assertThat(none.rounds()).isEmpty();
        assertThat(none.firstPreferences()).isEmpty();
        assertThat(none.sentences()).containsExactly("No ballots were cast, so nobody is elected.",
                "Florence Nightingale has withdrawn: ballots ranking them count for the next candidate ranked on them.");
    }

    @Test
    void candidatesWithNoVotesAreExcludedTogetherWithoutATieBreak() {
        Contest c = contest(TieBreakRule.LOT, Set.of(), ADA, MARY, GRACE, FLO, new Candidate("ida", "Ida B. Wells", "GRN"));
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 3, "LAB", "ada");
        add(ballots, 2, "GRN", "mary");
        add(ballots, 1, "NONE", "grace", "ada");
        RankedCount count = RankedChoiceRules.count(c, ballots);
        Round first = count.rounds().getFirst();
        assertThat(first.reason()).isEqualTo(Round.Reason.NO_VOTES);
        assertThat(first.excluded()).extracting(Candidate::id).containsExactly("flo", "ida");
        assertThat(first.tie()).isEmpty();
        assertThat(count.rounds().get(1).excluded()).containsExactly(GRACE);
        assertThat(count.rounds().get(2).elected()).contains(ADA);
        assertThat(count.sentences()).contains("Round 1: Ada Lovelace 3 (LAB 3), Mary Seacole 2 (GRN 2), Grace Hopper 1 (NONE 1), "
                + "Florence Nightingale 0, Ida B. Wells 0. Florence Nightingale and Ida B. Wells are excluded: no votes.");
    }

    // --- ties

    /** Round 1: A 10, B 6, C 5, D 3. D's votes split 1 to B, 2 to C, so B and C tie on 7 in round 2. */
    private static List<RankedBallot> tieInRoundTwo() {
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 10, "LAB", "ada");
        add(ballots, 6, "GRN", "mary");
        add(ballots, 5, "NONE", "grace", "mary");
        add(ballots, 1, "LD", "flo", "mary");
        add(ballots, 2, "LD", "flo", "grace", "mary");
        return ballots;
    }

    @Test
    void backwardsExcludesTheOneWithFewerVotesInTheLatestRoundTheyDiffered() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE, FLO);
        RankedCount count = RankedChoiceRules.count(c, tieInRoundTwo());
        Round second = count.rounds().get(1);
        assertThat(second.votes("mary")).isEqualTo(7);
        assertThat(second.votes("grace")).isEqualTo(7);
        assertThat(second.reason()).isEqualTo(Round.Reason.TIED_FOR_FEWEST);
        assertThat(second.excluded()).containsExactly(GRACE);
        TieResolution tie = second.tie().orElseThrow();
        assertThat(tie.by()).isEqualTo(TieResolution.By.EARLIER_ROUND);
        assertThat(tie.byLot()).isFalse();
        assertThat(tie.tied()).containsExactly(MARY, GRACE);
        assertThat(tie.earlierRound()).isEqualTo(1);
        assertThat(tie.earlierVotes()).containsExactly(java.util.Map.entry("mary", 6), java.util.Map.entry("grace", 5));
        assertThat(count.elected()).contains(MARY);
        assertThat(count.rounds().getLast().votes("mary")).isEqualTo(14);
        assertThat(count.sentences()).contains("Round 2: Ada Lovelace 10 (LAB 10), Mary Seacole 7 (GRN 6, LD 1), Grace Hopper 7 (NONE 5, LD 2). "
                + "Mary Seacole and Grace Hopper are tied for fewest votes on 7; Grace Hopper had fewer votes in round 1 "
                + "(Mary Seacole 6, Grace Hopper 5), so Grace Hopper is excluded.");
    }

    @Test
    void backwardsLooksPastRoundsInWhichTheTiedWereLevel() {
        // Round 1: A 6, B 4, C 4, D 1 (D's voter ranks A next); round 2: A 7, B 4, C 4: still level, and level before.
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE, FLO);
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 6, "LAB", "ada");
        add(ballots, 4, "GRN", "mary", "ada");
        add(ballots, 4, "NONE", "grace", "mary");
        add(ballots, 1, "LD", "flo", "ada");
        RankedCount count = RankedChoiceRules.count(c, ballots);
        Round second = count.rounds().get(1);
        TieResolution tie = second.tie().orElseThrow();
        assertThat(tie.by()).isEqualTo(TieResolution.By.LOT_AFTER_LEVEL_ROUNDS);
        assertThat(tie.byLot()).isTrue();
        assertThat(tie.earlierRound()).isZero();
        assertThat(tie.tied()).containsExactly(MARY, GRACE);
        assertThat(second.excluded()).containsExactly(tie.picked());
        assertThat(count.sentences().get(3)).endsWith("Mary Seacole and Grace Hopper are tied for fewest votes on 4; they were level in every "
                + "earlier round, so a lot was drawn, and it fell against " + tie.picked().name() + ", so " + tie.picked().name() + " is excluded.");
    }

    @Test
    void backwardsNarrowsAThreeWayTieRoundByRound() {
        // Round 1: A 9, B 3, C 3, D 2, E 1. E's voter ranks D: round 2 A 9, B 3, C 3, D 3, a three-way tie; round 1 singles out D.
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE, FLO, new Candidate("ida", "Ida B. Wells", "GRN"));
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 9, "LAB", "ada");
        add(ballots, 3, "GRN", "mary");
        add(ballots, 3, "NONE", "grace");
        add(ballots, 2, "LD", "flo");
        add(ballots, 1, "GRN", "ida", "flo");
        RankedCount count = RankedChoiceRules.count(c, ballots);
        TieResolution tie = count.rounds().get(1).tie().orElseThrow();
        assertThat(tie.tied()).containsExactly(MARY, GRACE, FLO);
        assertThat(tie.picked()).isEqualTo(FLO);
        assertThat(tie.by()).isEqualTo(TieResolution.By.EARLIER_ROUND);
        assertThat(count.sentences().get(3)).endsWith("Mary Seacole, Grace Hopper and Florence Nightingale are tied for fewest votes on 3; "
                + "Florence Nightingale had fewest votes in round 1 (Mary Seacole 3, Grace Hopper 3, Florence Nightingale 2), "
                + "so Florence Nightingale is excluded.");
    }

    @Test
    void backwardsWithNoEarlierRoundDrawsALotAndSaysSo() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE);
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 5, "LAB", "ada");
        add(ballots, 3, "GRN", "mary", "ada");
        add(ballots, 3, "NONE", "grace", "ada");
        RankedCount count = RankedChoiceRules.count(c, ballots);
        TieResolution tie = count.rounds().getFirst().tie().orElseThrow();
        assertThat(tie.by()).isEqualTo(TieResolution.By.LOT_AFTER_LEVEL_ROUNDS);
        assertThat(count.sentences().get(2)).contains("tied for fewest votes on 3; there is no earlier round to look back to, so a lot was drawn, "
                + "and it fell against " + tie.picked().name());
        assertThat(count.elected()).contains(ADA);
    }

    @Test
    void aLotIsDrawnFromTheSeedSoTheSameSeedGivesTheSameCountAndOthersMayNot() {
        Set<String> excluded = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Contest c = new Contest(List.of(ADA, MARY, GRACE, FLO), Set.of(), TieBreakRule.LOT, seed);
            RankedCount count = RankedChoiceRules.count(c, tieInRoundTwo());
            Round second = count.rounds().get(1);
            TieResolution tie = second.tie().orElseThrow();
            // Under LOT the earlier rounds are not consulted, though they would have settled it.
            assertThat(tie.by()).isEqualTo(TieResolution.By.LOT);
            assertThat(tie.earlierVotes()).isEmpty();
            assertThat(second.excluded()).containsExactly(tie.picked());
            assertThat(RankedChoiceRules.count(c, tieInRoundTwo())).isEqualTo(count);
            assertThat(count.sentences().get(3)).endsWith("Mary Seacole and Grace Hopper are tied for fewest votes on 7; a lot was drawn, and it "
                    + "fell against " + tie.picked().name() + ", so " + tie.picked().name() + " is excluded.");
            excluded.add(tie.picked().id());
        }
        assertThat(excluded).containsExactlyInAnyOrder("mary", "grace");
    }

    @Test
    void aTieForTheWinIsSettledByTheSameRule() {
        // Round 1: A 5, B 4, C 1 (C's voter ranks B next); round 2: A 5, B 5, two left and level.
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 5, "LAB", "ada");
        add(ballots, 4, "GRN", "mary");
        add(ballots, 1, "NONE", "grace", "mary");

        RankedCount backwards = RankedChoiceRules.count(contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY, GRACE), ballots);
        Round last = backwards.rounds().getLast();
        assertThat(last.number()).isEqualTo(2);
        assertThat(last.reason()).isEqualTo(Round.Reason.TIE_FOR_WIN);
        assertThat(last.tie().orElseThrow().picked()).isEqualTo(MARY);
        assertThat(last.elected()).contains(ADA);
        assertThat(last.excluded()).isEmpty();
        assertThat(backwards.elected()).contains(ADA);
        assertThat(backwards.sentences()).first().isEqualTo("Ada Lovelace is elected in round 2 with 5 of 10 continuing votes, on the tie-break.");
        assertThat(backwards.sentences()).last().isEqualTo("Round 2: Ada Lovelace 5 (LAB 5), Mary Seacole 5 (GRN 4, NONE 1). Ada Lovelace and Mary Seacole "
                + "are tied on 5 of 10 continuing votes; Mary Seacole had fewer votes in round 1 (Ada Lovelace 5, Mary Seacole 4), so Ada Lovelace is elected.");

        Set<String> winners = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            RankedCount lot = RankedChoiceRules.count(new Contest(List.of(ADA, MARY, GRACE), Set.of(), TieBreakRule.LOT, seed), ballots);
            TieResolution tie = lot.rounds().getLast().tie().orElseThrow();
            assertThat(tie.by()).isEqualTo(TieResolution.By.LOT);
            assertThat(lot.elected().orElseThrow()).isNotEqualTo(tie.picked());
            assertThat(lot.sentences().getLast()).contains("a lot was drawn, and it fell against " + tie.picked().name());
            winners.add(lot.elected().orElseThrow().id());
        }
        assertThat(winners).containsExactlyInAnyOrder("ada", "mary");
    }

    // --- per-party first preferences and speed

    @Test
    void firstPreferencesAreBrokenDownByTheVotersParty() {
        Contest c = contest(TieBreakRule.BACKWARDS, Set.of(), ADA, MARY);
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 2, "GRN", "ada");
        add(ballots, 3, "LAB", "ada");
        add(ballots, 1, null, "ada");
        add(ballots, 4, "GRN", "mary");
        RankedCount count = RankedChoiceRules.count(c, ballots);
        Standing ada = count.firstPreferences().getFirst();
        assertThat(ada.votes()).isEqualTo(6);
        assertThat(ada.byParty()).containsExactly(java.util.Map.entry("LAB", 3), java.util.Map.entry("GRN", 2), java.util.Map.entry("NONE", 1));
        assertThat(ada.fromParty("GRN")).isEqualTo(2);
        assertThat(ada.fromParty("LD")).isZero();
        assertThat(count.firstPreferences().getLast().byParty()).containsExactly(java.util.Map.entry("GRN", 4));
    }

    @Test
    void twoThousandBallotsOfTenCandidatesCountInMilliseconds() {
        List<Candidate> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(new Candidate("c" + i, "Candidate " + i, i % 2 == 0 ? "LAB" : "GRN"));
        }
        Random random = new Random(7);
        List<RankedBallot> ballots = new ArrayList<>();
        for (int b = 0; b < 2000; b++) {
            List<String> ids = new ArrayList<>(ten.stream().map(Candidate::id).toList());
            java.util.Collections.shuffle(ids, random);
            ballots.add(new RankedBallot(b % 3 == 0 ? "GRN" : "LAB", ids.subList(0, 1 + random.nextInt(10))));
        }
        Contest c = new Contest(ten, Set.of("c3"), TieBreakRule.BACKWARDS, 3L);
        RankedChoiceRules.count(c, ballots);
        long start = System.nanoTime();
        RankedCount count = RankedChoiceRules.count(c, ballots);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(count.elected()).isPresent();
        assertThat(count.rounds().getFirst().continuingVotes() + count.rounds().getFirst().exhausted()).isEqualTo(2000);
        assertThat(millis).as("milliseconds to count").isLessThan(200);
    }
}
