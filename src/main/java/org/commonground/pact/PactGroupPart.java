package org.commonground.pact;

/**
 * A group's part in a pact (V36's {@code pact_part}): the group that started it, a LOCAL group that joined it, one
 * invited and not yet answering, and for an alliance's pact a LOCAL group of its seats that reads and comments on it
 * (or is asked to) without ratifying it.
 */
public enum PactGroupPart {
    HOME("started it"),
    JOINED("joined"),
    INVITED("invited"),
    READING("reads and comments"),
    READER_INVITED("invited to read");

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

    /** The groups whose active members take part in the pact's discussion and amendments: all but those only invited. */
    public boolean takesPart() {
        return this == HOME || this == JOINED || this == READING;
    }

    /** Asked to join or to read, not yet answering: only the group's convenors read the pact, to decide. */
    public boolean invited() {
        return this == INVITED || this == READER_INVITED;
    }
}
