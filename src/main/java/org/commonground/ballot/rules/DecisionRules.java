package org.commonground.ballot.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides a ballot from its tally. Abstentions count towards quorums, never towards majorities; a tie is not a
 * majority. Percentages are shown rounded down so the words never claim more than the numbers. Pure.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /**
     * @param overallQuorum share of the whole electorate that must vote, in percent (0–100)
     * @param partyQuorum   for CONCURRENT_MAJORITY, the share of each party's electorate that must vote, in percent
     */
    public static Outcome decide(DecisionRule rule, List<PartyTally> parties, int overallQuorum, int partyQuorum) {
        checkPercent(overallQuorum);
        checkPercent(partyQuorum);
        int electorate = parties.stream().mapToInt(PartyTally::electorate).sum();
        int forVotes = parties.stream().mapToInt(PartyTally::forVotes).sum();
        int against = parties.stream().mapToInt(PartyTally::against).sum();
        int abstain = parties.stream().mapToInt(PartyTally::abstain).sum();
        int voted = forVotes + against + abstain;

        List<String> lines = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        List<String> blocking = new ArrayList<>();
        List<PartyVerdict> standings = new ArrayList<>();
        lines.add(rule.label() + ". " + electorate + (electorate == 1 ? " member" : " members") + " could vote; " + voted + " voted: "
                + forVotes + " for, " + against + " against, " + abstain + " abstaining.");

        if (electorate == 0) {
            lines.add("Failed: nobody could vote.");
            parties.forEach(p -> standings.add(new PartyVerdict(p, 0, PartyVerdict.Standing.NOT_TAKING_PART)));
            return new Outcome(false, verdicts, blocking, String.join("\n", lines), Decision.NO_ELECTORATE, rule, overallQuorum, partyQuorum, standings);
        }
        boolean quorate = reaches(voted, electorate, overallQuorum);
        lines.add("Turnout " + percent(voted, electorate) + "% " + (quorate ? "\u2265" : "<") + " quorum " + overallQuorum + "%.");

        boolean passed;
        String why;
        Decision failure;
        switch (rule) {
            case SIMPLE_MAJORITY -> {
                passed = forVotes > against;
                why = passed ? "more for (" + forVotes + ") than against (" + against + ")"
                        : forVotes == against ? "a tie (" + forVotes + " for, " + against + " against) is not a majority"
                        : "not more for (" + forVotes + ") than against (" + against + ")";
                failure = forVotes == against ? Decision.TIED : Decision.FAILED;
                together(parties, standings);
            }
            case SUPERMAJORITY -> {
                int cast = forVotes + against;
                passed = cast > 0 && 3L * forVotes >= 2L * cast;
                why = cast == 0 ? "nobody voted for or against" : (passed ? "" : "not ") + "at least two thirds for ("
                        + forVotes + " of " + cast + ", " + percent(forVotes, cast) + "%)";
                failure = Decision.FAILED;
                together(parties, standings);
            }
            case CONSENSUS -> {
                passed = against == 0 && forVotes > 0;
                for (PartyTally p : parties) {
                    if (p.against() > 0) {
                        blocking.add(p.party());
                    }
                    standings.add(new PartyVerdict(p, percent(p.voted(), p.electorate()),
                            p.against() > 0 ? PartyVerdict.Standing.OBJECTED : PartyVerdict.Standing.NO_OBJECTION));
                }
                failure = against > 0 ? Decision.BLOCKED : Decision.FAILED;
                why = against > 0 ? against + (against == 1 ? " member" : " members") + " against, and any objection blocks"
                        : forVotes == 0 ? "nobody voted for" : "nobody objected";
            }
            case CONCURRENT_MAJORITY -> {
                int participating = 0;
                for (PartyTally p : parties) {
                    if (p.electorate() == 0) {
                        verdicts.add(p.party() + ": no members in the electorate, so not taking part");
                        standings.add(new PartyVerdict(p, 0, PartyVerdict.Standing.NOT_TAKING_PART));
                        continue;
                    }
                    participating++;
                    boolean partyQuorate = reaches(p.voted(), p.electorate(), partyQuorum);
                    boolean majority = p.forVotes() > p.against();
                    String verdict = p.party() + ": " + p.forVotes() + " for, " + p.against() + " against"
                            + (p.abstain() > 0 ? ", " + p.abstain() + " abstaining" : "") + ", turnout " + percent(p.voted(), p.electorate())
                            + "% " + (partyQuorate ? "\u2265" : "<") + " quorum " + partyQuorum + "%: ";
                    PartyVerdict.Standing standing = !partyQuorate ? PartyVerdict.Standing.BELOW_QUORUM
                            : majority ? PartyVerdict.Standing.CONSENTS
                            : p.forVotes() == p.against() ? PartyVerdict.Standing.TIED : PartyVerdict.Standing.NO_MAJORITY;
                    verdict += switch (standing) {
                        case BELOW_QUORUM -> "does not consent (turnout below quorum)";
                        case TIED -> "does not consent (a tie)";
                        case NO_MAJORITY -> "does not consent (no majority for)";
                        case CONSENTS -> "consents";
                        default -> throw new IllegalStateException(standing.name());
                    };
                    standings.add(new PartyVerdict(p, percent(p.voted(), p.electorate()), standing));
                    verdicts.add(verdict);
                    if (!(partyQuorate && majority)) {
                        blocking.add(p.party());
                    }
                }
                passed = participating > 0 && blocking.isEmpty();
                why = participating == 0 ? "no party has members in the electorate"
                        : blocking.isEmpty() ? "every participating party consents"
                        : String.join(", ", blocking) + (blocking.size() == 1 ? " does" : " do") + " not consent";
                failure = participating == 0 ? Decision.NO_ELECTORATE : Decision.BLOCKED;
            }
            default -> throw new IllegalStateException();
        }
        lines.addAll(verdicts);
        if (!quorate) {
            lines.add("Failed: the turnout is below the quorum" + (passed ? " (otherwise " + why + ")." : "; also " + why + "."));
            return new Outcome(false, verdicts, blocking, String.join("\n", lines), Decision.NO_QUORUM, rule, overallQuorum, partyQuorum, standings);
        }
        lines.add((passed ? "Passed: " : "Failed: ") + why + ".");
        return new Outcome(passed, verdicts, blocking, String.join("\n", lines), passed ? Decision.PASSED : failure, rule, overallQuorum, partyQuorum,
                standings);
    }

    /** Under a majority of everyone's votes no party is judged on its own. */
    private static void together(List<PartyTally> parties, List<PartyVerdict> standings) {
        parties.forEach(p -> standings.add(new PartyVerdict(p, percent(p.voted(), p.electorate()), PartyVerdict.Standing.COUNTED_TOGETHER)));
    }

    static boolean reaches(int voted, int electorate, int quorumPercent) {
        return 100L * voted >= (long) quorumPercent * electorate;
    }

    static long percent(int part, int whole) {
        return whole == 0 ? 0 : 100L * part / whole;
    }

    private static void checkPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("A quorum is a percentage from 0 to 100, not " + percent);
        }
    }
}
