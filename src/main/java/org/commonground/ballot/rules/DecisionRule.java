package org.commonground.ballot.rules;

public enum DecisionRule {
    /** More FOR than AGAINST. */
    SIMPLE_MAJORITY("Simple majority"),
    /** FOR at least two thirds of FOR and AGAINST together. */
    SUPERMAJORITY("Two-thirds majority"),
    /** No AGAINST at all: one objection blocks. */
    CONSENSUS("Consensus"),
    /** A majority within every participating party, each party with enough turnout. */
    CONCURRENT_MAJORITY("Concurrent majority (every party)");

    private final String label;

    DecisionRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Consensus and concurrent majority look at each party's votes; the majorities count everyone's together. */
    public boolean judgesEachParty() {
        return this == CONSENSUS || this == CONCURRENT_MAJORITY;
    }
}
