package org.commonground.ballot.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A decision explained in plain sentences: what it came to, who voted, what the rule asks and whether it was met.
 * Made from the outcome's numbers and types, so the words always match the table beside them. Pure.
 */
final class OutcomeSentences {

    private OutcomeSentences() {
    }

    static List<String> of(Outcome o) {
        List<String> sentences = new ArrayList<>();
        sentences.add(headline(o.decision()));
        if (o.decision() == Decision.NO_ELECTORATE) {
            sentences.add("Nobody was in the electorate when the ballot opened, so there was nothing to count.");
            return sentences;
        }
        int electorate = o.electorate();
        int voted = o.voted();
        long turnout = DecisionRules.percent(voted, electorate);
        sentences.add(count(electorate, "member") + " could vote and " + voted + " did (" + turnout + "%)"
                + (o.overallQuorum() == 0 ? "; no quorum was set."
                : DecisionRules.reaches(voted, electorate, o.overallQuorum()) ? ", which meets the quorum of " + o.overallQuorum() + "%."
                : ", below the quorum of " + o.overallQuorum() + "%, so the ballot fails whatever the votes say."));
        sentences.add(o.forVotes() + " voted for, " + o.against() + " against and " + o.abstain() + " abstained."
                + (o.abstain() > 0 ? " Abstentions count towards the quorum but not towards the majority." : ""));
        sentences.add(rule(o));
        return sentences;
    }

    private static String headline(Decision d) {
        return switch (d) {
            case PASSED -> "The ballot passed.";
            case FAILED -> "The ballot failed.";
            case BLOCKED -> "The ballot was blocked.";
            case TIED -> "The ballot was tied, and a tie is not a majority, so it did not pass.";
            case NO_QUORUM -> "Too few members voted, so the ballot did not pass.";
            case NO_ELECTORATE -> "Nobody could vote, so the ballot did not pass.";
        };
    }

    private static String rule(Outcome o) {
        int forVotes = o.forVotes();
        int against = o.against();
        return switch (o.rule()) {
            case SIMPLE_MAJORITY -> "A simple majority needs more votes for than against: "
                    + (forVotes > against ? "there were " + forVotes + " for to " + against + " against."
                    : forVotes == against ? "there were " + forVotes + " each."
                    : "there were only " + forVotes + " for to " + against + " against.");
            case SUPERMAJORITY -> {
                int cast = forVotes + against;
                yield "A two-thirds majority needs at least two thirds of those voting for or against to vote for: "
                        + (cast == 0 ? "nobody voted for or against." : forVotes + " of " + cast + " did (" + DecisionRules.percent(forVotes, cast) + "%).");
            }
            case CONSENSUS -> "Consensus needs at least one vote for and none against: "
                    + (against > 0 ? count(against, "member") + " of " + names(o, PartyVerdict.Standing.OBJECTED) + " objected, and any objection blocks."
                    : forVotes == 0 ? "nobody voted for." : "nobody objected.");
            case CONCURRENT_MAJORITY -> concurrent(o);
        };
    }

    private static String concurrent(Outcome o) {
        StringBuilder s = new StringBuilder("A concurrent majority needs more votes for than against in every party taking part, each with a turnout of at least ")
                .append(o.partyQuorum()).append("%: ");
        List<String> consenting = partiesWith(o, PartyVerdict.Standing.CONSENTS);
        List<String> not = o.parties().stream().filter(p -> !p.standing().met()).map(p -> p.tally().party() + " (" + reason(p.standing()) + ")").toList();
        s.append(not.isEmpty() ? "every party taking part consented" + (consenting.isEmpty() ? "" : " (" + and(consenting) + ")")
                : and(not) + " did not consent" + (consenting.isEmpty() ? "" : "; " + and(consenting) + " did"))
                .append('.');
        List<String> absent = partiesWith(o, PartyVerdict.Standing.NOT_TAKING_PART);
        if (!absent.isEmpty()) {
            s.append(' ').append(and(absent)).append(" had no members in the electorate and took no part.");
        }
        return s.toString();
    }

    private static String reason(PartyVerdict.Standing standing) {
        return switch (standing) {
            case BELOW_QUORUM -> "too few of its members voted";
            case TIED -> "a tie";
            case NO_MAJORITY -> "more against than for";
            default -> throw new IllegalArgumentException(standing + " is not a refusal");
        };
    }

    private static String names(Outcome o, PartyVerdict.Standing standing) {
        return and(partiesWith(o, standing));
    }

    private static List<String> partiesWith(Outcome o, PartyVerdict.Standing standing) {
        return o.parties().stream().filter(p -> p.standing() == standing).map(p -> p.tally().party()).toList();
    }

    /** "LAB", "LAB and GRN", "LAB, GRN and LD". */
    static String and(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
