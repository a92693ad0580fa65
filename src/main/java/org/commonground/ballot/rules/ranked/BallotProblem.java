package org.commonground.ballot.rules.ranked;

/**
 * Why a ballot cannot be stored as submitted, in a sentence for the voter.
 *
 * @param candidateId the candidate the problem is about, or null (an empty ballot)
 */
public record BallotProblem(Kind kind, String candidateId, String message) {

    public enum Kind {
        /** Nothing ranked, or nobody approved. */
        EMPTY,
        /** An id that is not a candidate in this ballot (or a blank entry). */
        UNKNOWN_CANDIDATE,
        /** The same candidate at two places in one ranking. */
        RANKED_TWICE,
        /** A candidate who has withdrawn: new ballots may not name them. */
        WITHDRAWN,
        /** Numbered choices: two candidates given the same number. */
        SAME_RANK,
        /** Numbered choices: a number skipped (1, 2, 4) or one below 1. */
        MISSING_RANK
    }
}
