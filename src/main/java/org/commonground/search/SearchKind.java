package org.commonground.search;

/** What a search result is. */
public enum SearchKind {
    PROPOSAL("Proposal"),
    AMENDMENT("Amendment"),
    COMMENT("Comment"),
    PACT("Pact"),
    PACT_AMENDMENT("Pact amendment");

    private final String label;

    SearchKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
