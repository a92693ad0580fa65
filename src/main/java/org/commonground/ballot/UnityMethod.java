package org.commonground.ballot;

/** How a unity-candidate ballot is marked and counted, stated when it opens. */
public enum UnityMethod {
    /** Candidates ranked in order of preference, counted by instant run-off. */
    RANKED("Ranked choice (instant run-off)"),
    /** Every acceptable candidate approved; most approvals wins. */
    APPROVAL("Approval voting");

    private final String label;

    UnityMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
