package org.commonground.group;

public enum GroupKind {
    /** One party's own group. */
    PARTY("Party group"),
    /** Cross-party, covering one or more constituencies. */
    LOCAL("Local group"),
    /** National cross-party body. */
    ALLIANCE("Alliance");

    private final String label;

    GroupKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
