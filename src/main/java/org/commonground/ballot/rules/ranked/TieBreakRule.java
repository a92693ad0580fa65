package org.commonground.ballot.rules.ranked;

/**
 * How a tie is settled, chosen when the ballot opens and shown to voters before they vote. The same rule settles a tie
 * for fewest votes (who is excluded) and a tie between the last two for the win (who is not elected). A lot is drawn
 * from the ballot's {@link Contest#lotSeed() seed}, fixed when it opened, so anyone re-running the count gets the same
 * draw.
 */
public enum TieBreakRule {
    /**
     * Look back: among the tied, the one with fewer votes in the most recent earlier round in which they differed
     * loses. Level in every round (or tied in round 1), a lot decides.
     */
    BACKWARDS("Earlier rounds, then a lot",
            "If candidates tie for the fewest votes, or the last two tie for the win, the one with fewer votes in the most "
                    + "recent earlier round in which their votes differed loses; if they were level in every round, a lot "
                    + "drawn from a number fixed when the ballot opened decides."),
    /** A lot straight away. */
    LOT("A lot",
            "If candidates tie for the fewest votes, or the last two tie for the win, a lot drawn from a number fixed when "
                    + "the ballot opened decides which of them loses.");

    private final String label;
    private final String sentence;

    TieBreakRule(String label, String sentence) {
        this.label = label;
        this.sentence = sentence;
    }

    public String label() {
        return label;
    }

    /** The rule in a sentence, for the ballot's rules line before anyone votes. */
    public String sentence() {
        return sentence;
    }
}
