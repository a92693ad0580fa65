package org.commonground.ballot.rules;

import java.util.List;

/**
 * What a ballot decided and why, in words a member can check.
 *
 * @param verdicts one line per party ("GRN: 9 for, 3 against, turnout 86% ≥ quorum 20%: consents")
 * @param blocking the parties whose verdict stopped the motion (concurrent majority and consensus)
 * @param explanation the whole reasoning, verdicts included, ending with why it passed or failed, as recorded at the close
 * @param decision what it came to, as a type
 * @param parties each party's tally and, where the rule judges parties one by one, its standing
 */
public record Outcome(boolean passed, List<String> verdicts, List<String> blocking, String explanation, Decision decision,
                      DecisionRule rule, int overallQuorum, int partyQuorum, List<PartyVerdict> parties) {

    public int electorate() {
        return parties.stream().mapToInt(p -> p.tally().electorate()).sum();
    }

    public int forVotes() {
        return parties.stream().mapToInt(p -> p.tally().forVotes()).sum();
    }

    public int against() {
        return parties.stream().mapToInt(p -> p.tally().against()).sum();
    }

    public int abstain() {
        return parties.stream().mapToInt(p -> p.tally().abstain()).sum();
    }

    public int voted() {
        return forVotes() + against() + abstain();
    }

    /** The reasoning as sentences, made from the numbers above (not from {@link #explanation()}). */
    public List<String> sentences() {
        return OutcomeSentences.of(this);
    }
}
