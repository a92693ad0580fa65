package org.commonground.proposal;

public enum AmendmentState {
    PROPOSED("Proposed"), ACCEPTED("Accepted"), REJECTED("Rejected"), WITHDRAWN("Withdrawn"), PUT_TO_VOTE("Put to the vote"),
    /** Still open when the final vote decided the proposal; the reason says when. */
    LAPSED("Lapsed");

    private final String label;

    AmendmentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
