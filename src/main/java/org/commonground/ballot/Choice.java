package org.commonground.ballot;

public enum Choice {
    FOR("For"), AGAINST("Against"), ABSTAIN("Abstain");

    private final String label;

    Choice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
