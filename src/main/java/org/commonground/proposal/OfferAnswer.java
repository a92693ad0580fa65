package org.commonground.proposal;

/** How the proposer of an amendment answered a compromise offered in its place. */
public enum OfferAnswer {
    ASKED("Not answered yet"), ACCEPTED("Accepted the compromise"), KEPT("Kept theirs for the vote");

    private final String label;

    OfferAnswer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
