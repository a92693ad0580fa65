package org.commonground.pact;

/**
 * A group's part in a pact (V32's {@code pact_part}): the group that started it, a LOCAL group that joined it, one
 * invited and not yet answering, or a LOCAL group covering one of an ALLIANCE pact's seats (it reads and comments).
 */
public enum PactGroupPart {
    HOME("started it"),
    JOINED("joined"),
    INVITED("invited"),
    SEATS("covers its seats");

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
