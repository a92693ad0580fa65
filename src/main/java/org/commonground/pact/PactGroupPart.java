package org.commonground.pact;

/**
 * A group's part in a pact (V34's {@code pact_part}): the group that started it, a LOCAL group that joined it, or one
 * invited and not yet answering.
 */
public enum PactGroupPart {
    HOME("started it"),
    JOINED("joined"),
    INVITED("invited");

    private final String label;

    PactGroupPart(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The groups whose parties' delegates ratify the pact, and whose convenors steer it. */
    public boolean ratifies() {
        return this == HOME || this == JOINED;
    }
}
