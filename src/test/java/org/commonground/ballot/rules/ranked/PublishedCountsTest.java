package org.commonground.ballot.rules.ranked;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Instant run-off counts checked against worked examples as published, figures as given there. */
class PublishedCountsTest {

    private static Contest contest(List<Candidate> candidates) {
        return new Contest(candidates, Set.of(), TieBreakRule.BACKWARDS, 1L);
    }

    /** {@code times} identical ballots from voters of no party. */
    private static void add(List<RankedBallot> ballots, int times, String... ranking) {
        for (int i = 0; i < times; i++) {
            ballots.add(RankedBallot.of(null, ranking));
        }
    }

    private static List<Integer> votes(Round round, String... ids) {
        List<Integer> votes = new ArrayList<>();
        for (String id : ids) {
            votes.add(round.votes(id));
        }
        return votes;
    }

    /**
     * The "Tennessee capital" example of the Wikipedia article "Instant-runoff voting"
     * (https://en.wikipedia.org/wiki/Instant-runoff_voting, section "Example"; the same voters appear in "Effects of
     * different voting systems under similar circumstances"). Per 100 voters: 42 Memphis > Nashville > Chattanooga >
     * Knoxville; 26 Nashville > Chattanooga > Knoxville > Memphis; 15 Chattanooga > Knoxville > Nashville > Memphis;
     * 17 Knoxville > Chattanooga > Nashville > Memphis. Published count: Chattanooga (15) is eliminated first and its
     * votes go to Knoxville; then Nashville (26), whose votes pass over the eliminated Chattanooga to Knoxville;
     * Knoxville wins with 58 against Memphis's 42.
     */
    @Test
    void theTennesseeCapitalExample() {
        Contest tennessee = contest(List.of(Candidate.independent("M", "Memphis"), Candidate.independent("N", "Nashville"),
                Candidate.independent("C", "Chattanooga"), Candidate.independent("K", "Knoxville")));
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 42, "M", "N", "C", "K");
        add(ballots, 26, "N", "C", "K", "M");
        add(ballots, 15, "C", "K", "N", "M");
        add(ballots, 17, "K", "C", "N", "M");

        RankedCount count = RankedChoiceRules.count(tennessee, ballots);

        assertThat(count.rounds()).hasSize(3);
        Round first = count.rounds().get(0);
        assertThat(votes(first, "M", "N", "C", "K")).containsExactly(42, 26, 15, 17);
        assertThat(first.excluded()).extracting(Candidate::name).containsExactly("Chattanooga");
        assertThat(first.reason()).isEqualTo(Round.Reason.FEWEST_VOTES);
        Round second = count.rounds().get(1);
        assertThat(votes(second, "M", "N", "K")).containsExactly(42, 26, 32);
        assertThat(second.standing("C")).isEmpty();
        assertThat(second.excluded()).extracting(Candidate::name).containsExactly("Nashville");
        Round third = count.rounds().get(2);
        assertThat(votes(third, "M", "K")).containsExactly(42, 58);
        assertThat(third.reason()).isEqualTo(Round.Reason.MAJORITY);
        assertThat(count.elected()).map(Candidate::name).contains("Knoxville");
        assertThat(count.rounds()).extracting(Round::exhausted).containsOnly(0);
        assertThat(count.sentences().getFirst()).isEqualTo("Knoxville is elected in round 3 with 58 of 100 continuing votes.");
    }

    /**
     * The Parliamentary Education Office of the Parliament of Australia, "Preferential voting example"
     * (https://peo.gov.au/understand-our-parliament/having-your-say/elections-and-voting/preferential-voting-image),
     * 100 votes for the House of Representatives. First count: Maria 39, Ari 35, Joe 20, Lauren 6. Lauren's votes are
     * distributed: 1 to Maria (40), 4 to Ari (39), 1 to Joe (21). Joe's votes are distributed: 6 to Maria (46), 15 to
     * Ari (54). Ari is elected with 54 votes.
     *
     * <p>The Office publishes the counts and the transfers, not each ballot paper; the ballots below are the plainest
     * ones that make exactly the published transfers (the vote Joe receives from Lauren is one of the 15 he passes to
     * Ari). Every ballot ranks every candidate, as Australian ballots must, so none is exhausted.
     */
    @Test
    void theParliamentaryEducationOfficeExample() {
        Contest seat = contest(List.of(Candidate.independent("maria", "Maria"), Candidate.independent("ari", "Ari"),
                Candidate.independent("joe", "Joe"), Candidate.independent("lauren", "Lauren")));
        List<RankedBallot> ballots = new ArrayList<>();
        add(ballots, 39, "maria", "ari", "joe", "lauren");
        add(ballots, 35, "ari", "maria", "joe", "lauren");
        add(ballots, 14, "joe", "ari", "maria", "lauren");
        add(ballots, 6, "joe", "maria", "ari", "lauren");
        add(ballots, 1, "lauren", "maria", "ari", "joe");
        add(ballots, 4, "lauren", "ari", "maria", "joe");
        add(ballots, 1, "lauren", "joe", "ari", "maria");

        RankedCount count = RankedChoiceRules.count(seat, ballots);

        assertThat(count.rounds()).hasSize(3);
        assertThat(votes(count.rounds().get(0), "maria", "ari", "joe", "lauren")).containsExactly(39, 35, 20, 6);
        assertThat(count.rounds().get(0).excluded()).extracting(Candidate::name).containsExactly("Lauren");
        assertThat(votes(count.rounds().get(1), "maria", "ari", "joe")).containsExactly(40, 39, 21);
        assertThat(count.rounds().get(1).excluded()).extracting(Candidate::name).containsExactly("Joe");
        assertThat(votes(count.rounds().get(2), "maria", "ari")).containsExactly(46, 54);
        assertThat(count.elected()).map(Candidate::name).contains("Ari");
        assertThat(count.sentences(party -> party.equals(RankedBallot.NON_PARTY) ? "Non-party" : party)).containsExactly(
                "Ari is elected in round 3 with 54 of 100 continuing votes.",
                "100 ballots counted.",
                "Round 1: Maria 39 (Non-party 39), Ari 35 (Non-party 35), Joe 20 (Non-party 20), Lauren 6 (Non-party 6). Lauren is excluded: fewest votes.",
                "Round 2: Maria 40 (Non-party 40), Ari 39 (Non-party 39), Joe 21 (Non-party 21). Joe is excluded: fewest votes.",
                "Round 3: Ari 54 (Non-party 54), Maria 46 (Non-party 46). Ari is elected with 54 of 100 continuing votes, more than half.");
    }

    /**
     * Tannenbaum, "Excursions in Modern Mathematics", the example showing that instant run-off is not monotonic, as
     * set out on Erich Kaltofen's course page "Discrete Models", Duke University, Fall 2022
     * (https://users.cs.duke.edu/~elk27/courses/DiscreteModels/Fall22/index.html). 29 voters: 7 A > B > C, 8 B > C > A,
     * 10 C > A > B, 4 A > C > B. B has fewest first places and is eliminated; C wins with 18, A second. When the 4
     * change their vote to put C first (C > A > B), A is eliminated first and B wins with 15, C second.
     */
    @Test
    void tannenbaumsExampleThatRaisingTheWinnerCanLoseThemTheCount() {
        Contest abc = contest(List.of(Candidate.independent("A", "A"), Candidate.independent("B", "B"), Candidate.independent("C", "C")));
        List<RankedBallot> before = new ArrayList<>();
        add(before, 7, "A", "B", "C");
        add(before, 8, "B", "C", "A");
        add(before, 10, "C", "A", "B");
        add(before, 4, "A", "C", "B");
        RankedCount first = RankedChoiceRules.count(abc, before);
        assertThat(votes(first.rounds().get(0), "A", "B", "C")).containsExactly(11, 8, 10);
        assertThat(first.rounds().get(0).excluded()).extracting(Candidate::id).containsExactly("B");
        assertThat(votes(first.rounds().get(1), "A", "C")).containsExactly(11, 18);
        assertThat(first.elected()).map(Candidate::id).contains("C");

        List<RankedBallot> after = new ArrayList<>();
        add(after, 7, "A", "B", "C");
        add(after, 8, "B", "C", "A");
        add(after, 10, "C", "A", "B");
        add(after, 4, "C", "A", "B");
        RankedCount second = RankedChoiceRules.count(abc, after);
        assertThat(votes(second.rounds().get(0), "A", "B", "C")).containsExactly(7, 8, 14);
        assertThat(second.rounds().get(0).excluded()).extracting(Candidate::id).containsExactly("A");
        assertThat(votes(second.rounds().get(1), "B", "C")).containsExactly(15, 14);
        assertThat(second.elected()).map(Candidate::id).contains("B");
    }
}
