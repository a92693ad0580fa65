package org.commonground.pact;

public enum PactState {
    DRAFT("Draft"),
    NEGOTIATING("Negotiating"),
    RATIFYING("Ratifying"),
    RATIFIED("Ratified"),
    PUBLISHED("Published"),
    COLLAPSED("Collapsed");

    private final String label;

    PactState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
