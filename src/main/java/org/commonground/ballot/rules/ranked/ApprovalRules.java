package org.commonground.ballot.rules.ranked;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Approval voting for a unity candidate, the second rule beside instant run-off: each voter approves every candidate
 * they would accept, and the candidate approved on most ballots is elected. Pure.
 *
 * <p>A candidate who withdraws after votes were cast is left out of the count: approvals of them are ignored and the
 * rest of each ballot stands. A tie for the most approvals is settled by a lot drawn from the contest's seed, under
 * either {@link TieBreakRule}: there is only one round, so no earlier round to look back to.
 */
public final class ApprovalRules {

    private ApprovalRules() {
    }

    /**
     * What, if anything, is wrong with a ballot as a voter submits it: nobody approved, an unknown candidate, or a
     * candidate who has withdrawn. Empty when the ballot may be stored.
     */
    public static Optional<BallotProblem> check(Contest contest, ApprovalBallot ballot) {
        if (ballot.approved().isEmpty()) {
            return RankedChoiceRules.problem(BallotProblem.Kind.EMPTY, null, "The ballot approves nobody: approve at least one candidate you would accept.");
        }
        // In ballot-paper order, so that the message names the same candidate whatever order the set came in.
        for (Candidate c : contest.candidates()) {
            if (ballot.approved().contains(c.id()) && contest.isWithdrawn(c.id())) {
                return RankedChoiceRules.problem(BallotProblem.Kind.WITHDRAWN, c.id(),
                        c.name() + " has withdrawn and cannot be approved: approve only the candidates still standing.");
            }
        }
        for (String id : ballot.approved()) {
            if (id == null || contest.candidate(id).isEmpty()) {
                return RankedChoiceRules.problem(BallotProblem.Kind.UNKNOWN_CANDIDATE, id, (id == null || id.isBlank() ? "One approval" : "\u201c" + id + "\u201d")
                        + " is not a candidate in this ballot: approve only the candidates listed.");
            }
        }
        return Optional.empty();
    }

    /**
     * Counts the approvals of the candidates still standing, per voter party too.
     *
     * @throws IllegalArgumentException if a ballot approves an unknown candidate: a stored ballot that was never checked
     */
    public static ApprovalCount count(Contest contest, List<ApprovalBallot> ballots) {
        List<Candidate> candidates = contest.candidates();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            index.put(candidates.get(i).id(), i);
        }
        int[] approvals = new int[candidates.size()];
        List<Map<String, Integer>> byParty = new ArrayList<>();
        candidates.forEach(c -> byParty.add(new HashMap<>()));
        for (int b = 0; b < ballots.size(); b++) {
            ApprovalBallot ballot = ballots.get(b);
            for (String id : ballot.approved()) {
                Integer c = id == null ? null : index.get(id);
                if (c == null) {
                    throw new IllegalArgumentException("Ballot " + (b + 1) + " approves \u201c" + id + "\u201d, who is not a candidate in this ballot");
                }
                if (!contest.isWithdrawn(id)) {
                    approvals[c]++;
                    byParty.get(c).merge(ballot.voterParty(), 1, Integer::sum);
                }
            }
        }
        List<Standing> standings = RankedChoiceRules.standings(contest.standing(), index, approvals, byParty);
        if (standings.isEmpty() || standings.getFirst().votes() == 0) {
            return new ApprovalCount(contest, ballots.size(), standings, Optional.empty(), Optional.empty());
        }
        int most = standings.getFirst().votes();
        List<Candidate> top = contest.standing().stream().filter(c -> approvals[index.get(c.id())] == most).toList();
        if (top.size() == 1) {
            return new ApprovalCount(contest, ballots.size(), standings, Optional.of(top.getFirst()), Optional.empty());
        }
        Candidate winner = RankedChoiceRules.draw(top, new SplittableRandom(contest.lotSeed()));
        TieResolution tie = new TieResolution(top, most, winner,
                contest.tieBreak() == TieBreakRule.LOT ? TieResolution.By.LOT : TieResolution.By.LOT_AFTER_LEVEL_ROUNDS, 0, Map.of());
        return new ApprovalCount(contest, ballots.size(), standings, Optional.of(winner), Optional.of(tie));
    }
}
