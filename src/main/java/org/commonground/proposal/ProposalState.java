package org.commonground.proposal;

import java.util.Set;

public enum ProposalState {
    DRAFT, DISCUSSION, VOTING, AGREED, NOT_AGREED, PUBLISHED, WITHDRAWN;

    /**
     * The moves a convenor makes by hand; AGREED and NOT_AGREED come from a ballot, PUBLISHED from publishing. A
     * proposal not agreed goes back to discussion for a redraft (DESIGN.md), and can later be voted on again.
     */
    public Set<ProposalState> convenorMoves() {
        return switch (this) {
            case DRAFT -> Set.of(DISCUSSION, WITHDRAWN);
            case DISCUSSION -> Set.of(VOTING, WITHDRAWN);
            case NOT_AGREED -> Set.of(DISCUSSION, WITHDRAWN);
            case VOTING, AGREED -> Set.of(WITHDRAWN);
            case PUBLISHED, WITHDRAWN -> Set.of();
        };
    }

    public String label() {
        return switch (this) {
            case DRAFT -> "Draft";
            case DISCUSSION -> "In discussion";
            case VOTING -> "Voting";
            case AGREED -> "Agreed";
            case NOT_AGREED -> "Not agreed";
            case PUBLISHED -> "Published";
            case WITHDRAWN -> "Withdrawn";
        };
    }
}
