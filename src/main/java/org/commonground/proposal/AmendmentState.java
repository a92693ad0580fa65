package org.commonground.proposal;

public enum AmendmentState {
    PROPOSED("Proposed"), ACCEPTED("Accepted"), REJECTED("Rejected"), WITHDRAWN("Withdrawn"), PUT_TO_VOTE("Put to the vote");

    private final String label;

    AmendmentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
