package org.commonground.ballot.rules;

/** What a ballot came to, and so how it is shown: only PASSED carries the motion. */
public enum Decision {
    PASSED("Passed"),
    /** Not enough support: against outweighed for, short of two thirds, or nobody for. */
    FAILED("Failed"),
    /** Consensus met an objection, or a party withheld its consent under a concurrent majority. */
    BLOCKED("Blocked"),
    /** As many for as against under a simple majority: not a majority. */
    TIED("Tied, so not passed"),
    /** Too few voted; whatever the votes said, the ballot fails. */
    NO_QUORUM("No quorum, so not passed"),
    NO_ELECTORATE("Nobody could vote");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
