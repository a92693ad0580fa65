package org.commonground.pact.terms;

/** What a party other than the alliance candidate's does in a constituency. */
public enum Stance {
    STANDS_DOWN("stands down"),
    PAPER_CANDIDATE("paper candidate"),
    STANDS("stands");

    private final String label;

    Stance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
