package org.commonground.ballot.rules.ranked;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Unity-candidate ballots in plain English, for the ballot page and the pact's terms: the rules before the vote, and
 * the count after it, round by round. Made from the count's numbers and types, so the words match the table. Pure.
 */
public final class RankedSentences {

    private RankedSentences() {
    }

    /** The instant run-off rules, to show before anyone votes. */
    public static String rankedRules(TieBreakRule tieBreak) {
        return "Rank the candidates in order of preference, as many or as few as you like. If nobody has more than half of "
                + "the votes, the candidate with fewest is excluded and each of their ballots passes to the next candidate "
                + "ranked on it who is still in the count, round by round, until one candidate has more than half of the "
                + "votes still in the count. A ballot whose ranked candidates are all out of the count is exhausted. "
                + tieBreak.sentence();
    }

    /** The approval rules, to show before anyone votes. */
    public static String approvalRules() {
        return "Approve every candidate you would accept. The candidate approved on most ballots is elected; if candidates "
                + "tie for the most approvals, a lot drawn from a number fixed when the ballot opened decides.";
    }

    /**
     * The count: who is elected (first), any withdrawals, then one line per round with each candidate's votes by voter
     * party, the exhausted ballots, and who was excluded or elected and why.
     *
     * @param partyName the name to show for a party code (for example "GRN" to "Green")
     */
    public static List<String> of(RankedCount count, Function<String, String> partyName) {
        List<String> lines = new ArrayList<>();
        lines.add(count.elected().map(c -> {
            Round last = count.rounds().getLast();
            return c.name() + " is elected in round " + last.number() + " with " + last.votes(c.id()) + " of " + last.continuingVotes()
                    + " continuing votes" + (last.reason() == Round.Reason.TIE_FOR_WIN ? ", on the tie-break." : ".");
        }).orElse(count.ballots() == 0 ? "No ballots were cast, so nobody is elected."
                : "No ballot ranks a candidate still standing, so nobody is elected."));
        withdrawn(count.contest(), "ranking them count for the next candidate ranked on them").ifPresent(lines::add);
        if (count.ballots() > 0) {
            lines.add(ballots(count.ballots()) + " counted.");
        }
        for (Round round : count.rounds()) {
            lines.add("Round " + round.number() + ": " + tallies(round.standings(), partyName)
                    + (round.exhausted() > 0 ? "; " + ballots(round.exhausted()) + " exhausted" : "") + ". " + decision(round));
        }
        return lines;
    }

    /** The approval count: who is elected (first), any withdrawals, each candidate's approvals by voter party, any lot. */
    public static List<String> of(ApprovalCount count, Function<String, String> partyName) {
        List<String> lines = new ArrayList<>();
        lines.add(count.elected().map(c -> c.name() + " is elected with " + approvals(count.standings().getFirst().votes()) + " on "
                        + ballots(count.ballots()) + ".")
                .orElse(count.ballots() == 0 ? "No ballots were cast, so nobody is elected."
                        : "No ballot approves a candidate still standing, so nobody is elected."));
        withdrawn(count.contest(), "approving them count for the others they approve").ifPresent(lines::add);
        if (!count.standings().isEmpty()) {
            lines.add("Approvals: " + tallies(count.standings(), partyName) + ".");
        }
        count.tie().ifPresent(tie -> lines.add(names(tie.tied()) + " are tied on " + approvals(tie.votes()) + "; "
                + (tie.by() == TieResolution.By.LOT ? "" : "with no earlier round to look back to, ")
                + "a lot was drawn, and it fell to " + tie.picked().name() + "."));
        return lines;
    }

    private static Optional<String> withdrawn(Contest contest, String effect) {
        List<Candidate> gone = contest.candidates().stream().filter(c -> contest.isWithdrawn(c.id())).toList();
        return gone.isEmpty() ? Optional.empty()
                : Optional.of(names(gone) + (gone.size() == 1 ? " has" : " have") + " withdrawn: ballots " + effect + ".");
    }

    private static String decision(Round round) {
        return switch (round.reason()) {
            case MAJORITY -> {
                Candidate c = round.elected().orElseThrow();
                yield c.name() + " is elected with " + round.votes(c.id()) + " of " + round.continuingVotes() + " continuing votes, more than half.";
            }
            case TIE_FOR_WIN -> {
                TieResolution tie = round.tie().orElseThrow();
                yield names(tie.tied()) + " are tied on " + tie.votes() + " of " + round.continuingVotes() + " continuing votes; " + how(tie, round.number())
                        + ", so " + round.elected().orElseThrow().name() + " is elected.";
            }
            case FEWEST_VOTES -> round.excluded().getFirst().name() + " is excluded: fewest votes.";
            case TIED_FOR_FEWEST -> {
                TieResolution tie = round.tie().orElseThrow();
                yield names(tie.tied()) + " are tied for fewest votes on " + tie.votes() + "; " + how(tie, round.number()) + ", so " + tie.picked().name()
                        + " is excluded.";
            }
            case NO_VOTES -> names(round.excluded()) + (round.excluded().size() == 1 ? " is" : " are") + " excluded: no votes.";
            case NOTHING_TO_COUNT -> "No ballot counts for a candidate still in the count, so nobody is elected.";
        };
    }

    /** How the tie-break went, against whom. */
    private static String how(TieResolution tie, int round) {
        String loser = tie.picked().name();
        return switch (tie.by()) {
            case EARLIER_ROUND -> loser + " had " + (tie.earlierVotes().size() == 2 ? "fewer" : "fewest") + " votes in round " + tie.earlierRound()
                    + " (" + earlier(tie) + ")";
            case LOT -> "a lot was drawn, and it fell against " + loser;
            case LOT_AFTER_LEVEL_ROUNDS -> (tie.earlierRound() > 0
                    ? names(fewestThen(tie)) + " had fewest votes in round " + tie.earlierRound() + " (" + earlier(tie) + ") and were level in every round before it"
                    : round == 1 ? "there is no earlier round to look back to" : "they were level in every earlier round")
                    + ", so a lot was drawn, and it fell against " + loser;
        };
    }

    /** Of those still tied when the deciding earlier round was reached, the ones with fewest votes in it. */
    private static List<Candidate> fewestThen(TieResolution tie) {
        int least = tie.earlierVotes().values().stream().mapToInt(Integer::intValue).min().orElse(0);
        return tie.tied().stream().filter(c -> tie.earlierVotes().getOrDefault(c.id(), -1) == least).toList();
    }

    private static String earlier(TieResolution tie) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : tie.earlierVotes().entrySet()) {
            String name = tie.tied().stream().filter(c -> c.id().equals(e.getKey())).findFirst().map(Candidate::name).orElse(e.getKey());
            parts.add(name + " " + e.getValue());
        }
        return String.join(", ", parts);
    }

    /** "Ada Lovelace 21 (Labour 12, Green 9), Mary Seacole 0". */
    private static String tallies(List<Standing> standings, Function<String, String> partyName) {
        List<String> parts = new ArrayList<>();
        for (Standing s : standings) {
            List<String> parties = new ArrayList<>();
            s.byParty().forEach((party, votes) -> parties.add(partyName.apply(party) + " " + votes));
            parts.add(s.candidate().name() + " " + s.votes() + (parties.isEmpty() ? "" : " (" + String.join(", ", parties) + ")"));
        }
        return String.join(", ", parts);
    }

    private static String ballots(int n) {
        return n + (n == 1 ? " ballot" : " ballots");
    }

    private static String approvals(int n) {
        return n + (n == 1 ? " approval" : " approvals");
    }

    /** "Ada", "Ada and Mary", "Ada, Mary and Grace". */
    static String names(List<Candidate> candidates) {
        List<String> names = candidates.stream().map(Candidate::name).toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }
}
