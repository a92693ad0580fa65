package org.commonground.ballot.rules.ranked;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Instant run-off for a unity candidate: checking a ranking as the voter submits it, and counting the ballots round by
 * round. Pure.
 *
 * <p>The count: in each round every ballot counts for the first candidate it ranks who is still in the count. A
 * candidate with more than half of those votes (the continuing votes: exhausted ballots are left out) is elected.
 * Otherwise the candidate with fewest votes is excluded and the next round begins; candidates with no votes at all
 * are excluded together, since that moves no ballot. A tie for fewest votes, or between the last two for the win, is
 * settled by the contest's {@link TieBreakRule}, and the round records how.
 *
 * <p>Partial rankings are allowed: a voter may rank only some candidates. A ballot whose ranked candidates have all
 * been excluded (or have withdrawn) is exhausted: it counts for nobody from then on, and is shown as exhausted in each
 * round.
 *
 * <p>A candidate who withdraws after votes were cast is skipped in every ranking, from the first round: a ballot
 * ranking them counts for the next candidate it ranks (their first preferences pass on as if they had never stood).
 * New ballots may not rank them ({@link #check}).
 */
public final class RankedChoiceRules {

    private RankedChoiceRules() {
    }

    /**
     * What, if anything, is wrong with a ranking as a voter submits it: nothing ranked, an unknown candidate, a
     * candidate ranked twice, or a candidate who has withdrawn. The first problem found, in ranking order; empty when
     * the ballot may be stored. Ranking only some of the candidates is fine.
     */
    public static Optional<BallotProblem> check(Contest contest, RankedBallot ballot) {
        List<String> ranking = ballot.ranking();
        if (ranking.isEmpty()) {
            return problem(BallotProblem.Kind.EMPTY, null, "The ballot ranks nobody: rank at least one candidate, starting with your first choice.");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < ranking.size(); i++) {
            String id = ranking.get(i);
            Optional<Candidate> candidate = id == null ? Optional.empty() : contest.candidate(id);
            if (candidate.isEmpty()) {
                return problem(BallotProblem.Kind.UNKNOWN_CANDIDATE, id, "Your " + ordinal(i + 1) + " choice"
                        + (id == null || id.isBlank() ? "" : " (\u201c" + id + "\u201d)") + " is not a candidate in this ballot: rank only the candidates listed.");
            }
            String name = candidate.get().name();
            Integer earlier = seen.putIfAbsent(id, i);
            if (earlier != null) {
                return problem(BallotProblem.Kind.RANKED_TWICE, id, name + " is ranked twice, " + ordinal(earlier + 1) + " and " + ordinal(i + 1)
                        + ": rank each candidate once at most.");
            }
            if (contest.isWithdrawn(id)) {
                return problem(BallotProblem.Kind.WITHDRAWN, id, name + " has withdrawn and cannot be ranked: rank only the candidates still standing.");
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a ranking from the numbers a voter wrote beside the candidates (1 for the first choice; a candidate left
     * blank is absent or mapped to null, since ranking only some is allowed), then checks it as {@link #check} does. Two
     * candidates with the same number, a number below 1 or a number skipped (1, 2, 4) is refused with a sentence
     * naming it rather than guessed at.
     *
     * @return the ballot to store, or the first problem found
     */
    public static Marked readMarks(Contest contest, String voterParty, Map<String, Integer> marks) {
        if (marks.values().stream().allMatch(Objects::isNull)) {
            return new Marked.Refused(new BallotProblem(BallotProblem.Kind.EMPTY, null,
                    "The ballot ranks nobody: rank at least one candidate, starting with your first choice."));
        }
        // In ballot-paper order, so that a message names candidates as the voter sees them.
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(marks.entrySet());
        entries.sort(Comparator.comparingInt(e -> contest.candidate(e.getKey()).map(contest.candidates()::indexOf).orElse(Integer.MAX_VALUE)));
        Map<Integer, String> byMark = new TreeMap<>();
        for (Map.Entry<String, Integer> e : entries) {
            String name = contest.candidate(e.getKey()).map(Candidate::name).orElse("\u201c" + e.getKey() + "\u201d");
            Integer mark = e.getValue();
            if (mark == null) {
                continue;
            }
            if (mark < 1) {
                return new Marked.Refused(new BallotProblem(BallotProblem.Kind.MISSING_RANK, e.getKey(),
                        name + " is marked " + mark + ": number your choices from 1."));
            }
            String other = byMark.putIfAbsent(mark, e.getKey());
            if (other != null) {
                String otherName = contest.candidate(other).map(Candidate::name).orElse("\u201c" + other + "\u201d");
                return new Marked.Refused(new BallotProblem(BallotProblem.Kind.SAME_RANK, e.getKey(),
                        otherName + " and " + name + " are both marked " + mark + ": give each choice its own number."));
            }
        }
        int expected = 1;
        for (int mark : byMark.keySet()) {
            if (mark != expected) {
                return new Marked.Refused(new BallotProblem(BallotProblem.Kind.MISSING_RANK, null,
                        "Nobody is marked " + expected + " but " + mark + " is used: number your choices 1, 2, 3 and so on without a gap."));
            }
            expected++;
        }
        RankedBallot ballot = new RankedBallot(voterParty, new ArrayList<>(byMark.values()));
        return check(contest, ballot).<Marked>map(Marked.Refused::new).orElse(new Marked.Read(ballot));
    }

    /** A ranking read from numbered choices, or why it could not be. */
    public sealed interface Marked {
        record Read(RankedBallot ballot) implements Marked {
        }

        record Refused(BallotProblem problem) implements Marked {
        }
    }

    /**
     * Counts the ballots. Every ballot must name only the contest's candidates, each at most once (as {@link #check}
     * ensures before storing); withdrawn candidates are skipped wherever they are ranked.
     *
     * @throws IllegalArgumentException if a ballot names an unknown candidate or one twice: a stored ballot that was
     *                                  never checked, not something a voter can cause
     */
    public static RankedCount count(Contest contest, List<RankedBallot> ballots) {
        List<Candidate> candidates = contest.candidates();
        int n = candidates.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(candidates.get(i).id(), i);
        }
        // Each ballot as candidate positions, withdrawn candidates dropped once here, so a round is a pass over small arrays.
        int[][] prefs = new int[ballots.size()][];
        String[] parties = new String[ballots.size()];
        for (int b = 0; b < ballots.size(); b++) {
            RankedBallot ballot = ballots.get(b);
            parties[b] = ballot.voterParty();
            int[] pref = new int[ballot.ranking().size()];
            int k = 0;
            boolean[] seen = new boolean[n];
            for (String id : ballot.ranking()) {
                Integer c = id == null ? null : index.get(id);
                if (c == null) {
                    throw new IllegalArgumentException("Ballot " + (b + 1) + " ranks \u201c" + id + "\u201d, who is not a candidate in this ballot");
                }
                if (seen[c]) {
                    throw new IllegalArgumentException("Ballot " + (b + 1) + " ranks " + candidates.get(c).name() + " twice");
                }
                seen[c] = true;
                if (!contest.isWithdrawn(id)) {
                    pref[k++] = c;
                }
            }
            prefs[b] = Arrays.copyOf(pref, k);
        }

        boolean[] continuing = new boolean[n];
        for (int i = 0; i < n; i++) {
            continuing[i] = !contest.isWithdrawn(candidates.get(i).id());
        }
        // Where each ballot has got to in its ranking: exclusions only ever move it on, so the whole count is linear.
        int[] at = new int[ballots.size()];
        SplittableRandom lot = new SplittableRandom(contest.lotSeed());
        List<int[]> history = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        if (ballots.isEmpty()) {
            return new RankedCount(contest, 0, rounds, Optional.empty());
        }
        while (true) {
            int number = rounds.size() + 1;
            int[] votes = new int[n];
            List<Map<String, Integer>> byParty = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byParty.add(new HashMap<>());
            }
            int exhausted = 0;
            for (int b = 0; b < prefs.length; b++) {
                int[] pref = prefs[b];
                while (at[b] < pref.length && !continuing[pref[at[b]]]) {
                    at[b]++;
                }
                if (at[b] == pref.length) {
                    exhausted++;
                } else {
                    int c = pref[at[b]];
                    votes[c]++;
                    byParty.get(c).merge(parties[b], 1, Integer::sum);
                }
            }
            history.add(votes);
            List<Candidate> inCount = new ArrayList<>();
            int continuingVotes = 0;
            for (int i = 0; i < n; i++) {
                if (continuing[i]) {
                    inCount.add(candidates.get(i));
                    continuingVotes += votes[i];
                }
            }
            List<Standing> standings = standings(inCount, index, votes, byParty);

            if (continuingVotes == 0) {
                rounds.add(new Round(number, standings, exhausted, continuingVotes, Optional.empty(), List.of(), Round.Reason.NOTHING_TO_COUNT, Optional.empty()));
                return new RankedCount(contest, ballots.size(), rounds, Optional.empty());
            }
            Standing top = standings.getFirst();
            if (2L * top.votes() > continuingVotes) {
                rounds.add(new Round(number, standings, exhausted, continuingVotes, Optional.of(top.candidate()), List.of(), Round.Reason.MAJORITY,
                        Optional.empty()));
                return new RankedCount(contest, ballots.size(), rounds, Optional.of(top.candidate()));
            }
            if (inCount.size() == 2) {
                // Two left without a majority between them: they are level, and the tie-break names who is not elected.
                TieResolution tie = settle(contest, inCount, votes[index.get(inCount.getFirst().id())], history, index, lot);
                Candidate winner = inCount.getFirst().equals(tie.picked()) ? inCount.getLast() : inCount.getFirst();
                rounds.add(new Round(number, standings, exhausted, continuingVotes, Optional.of(winner), List.of(), Round.Reason.TIE_FOR_WIN,
                        Optional.of(tie)));
                return new RankedCount(contest, ballots.size(), rounds, Optional.of(winner));
            }
            List<Candidate> none = inCount.stream().filter(c -> votes[index.get(c.id())] == 0).toList();
            if (!none.isEmpty()) {
                none.forEach(c -> continuing[index.get(c.id())] = false);
                rounds.add(new Round(number, standings, exhausted, continuingVotes, Optional.empty(), none, Round.Reason.NO_VOTES, Optional.empty()));
                continue;
            }
            int fewest = standings.getLast().votes();
            List<Candidate> lowest = inCount.stream().filter(c -> votes[index.get(c.id())] == fewest).toList();
            Optional<TieResolution> tie = lowest.size() == 1 ? Optional.empty() : Optional.of(settle(contest, lowest, fewest, history, index, lot));
            Candidate out = tie.map(TieResolution::picked).orElse(lowest.getFirst());
            continuing[index.get(out.id())] = false;
            rounds.add(new Round(number, standings, exhausted, continuingVotes, Optional.empty(), List.of(out),
                    tie.isPresent() ? Round.Reason.TIED_FOR_FEWEST : Round.Reason.FEWEST_VOTES, tie));
        }
    }

    /**
     * Who of the tied loses. Backwards: the most recent earlier round in which their votes differed narrows them to
     * those with fewest then, and further back again while several remain; whoever is left after round 1 goes to a lot.
     */
    private static TieResolution settle(Contest contest, List<Candidate> tied, int votes, List<int[]> history, Map<String, Integer> index,
                                        SplittableRandom lot) {
        List<Candidate> remaining = tied;
        int decidingRound = 0;
        Map<String, Integer> then = Map.of();
        if (contest.tieBreak() == TieBreakRule.BACKWARDS) {
            for (int r = history.size() - 2; r >= 0 && remaining.size() > 1; r--) {
                int[] earlier = history.get(r);
                int least = remaining.stream().mapToInt(c -> earlier[index.get(c.id())]).min().orElseThrow();
                List<Candidate> narrowed = remaining.stream().filter(c -> earlier[index.get(c.id())] == least).toList();
                if (narrowed.size() < remaining.size()) {
                    decidingRound = r + 1;
                    then = new LinkedHashMap<>();
                    for (Candidate c : remaining) {
                        then.put(c.id(), earlier[index.get(c.id())]);
                    }
                    remaining = narrowed;
                }
            }
            if (remaining.size() == 1) {
                return new TieResolution(tied, votes, remaining.getFirst(), TieResolution.By.EARLIER_ROUND, decidingRound, then);
            }
        }
        return new TieResolution(tied, votes, draw(remaining, lot),
                contest.tieBreak() == TieBreakRule.LOT ? TieResolution.By.LOT : TieResolution.By.LOT_AFTER_LEVEL_ROUNDS, decidingRound, then);
    }

    /** One draw from the count's seeded generator, among the candidates in ballot-paper order. */
    static Candidate draw(List<Candidate> among, SplittableRandom lot) {
        return among.get(lot.nextInt(among.size()));
    }

    /** Most votes first, ties in ballot-paper order; each with its votes by voter party, most first. */
    static List<Standing> standings(List<Candidate> candidates, Map<String, Integer> index, int[] votes, List<Map<String, Integer>> byParty) {
        List<Standing> standings = new ArrayList<>();
        for (Candidate c : candidates) {
            int i = index.get(c.id());
            standings.add(new Standing(c, votes[i], sortedParties(byParty.get(i))));
        }
        // A stable sort keeps ballot-paper order among equal votes.
        standings.sort((a, b) -> Integer.compare(b.votes(), a.votes()));
        return standings;
    }

    static Map<String, Integer> sortedParties(Map<String, Integer> byParty) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        byParty.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.<String, Integer>comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static Optional<BallotProblem> problem(BallotProblem.Kind kind, String candidateId, String message) {
        return Optional.of(new BallotProblem(kind, candidateId, message));
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
