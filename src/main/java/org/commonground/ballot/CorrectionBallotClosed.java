package org.commonground.ballot;

/** Published, inside the closing transaction, when the ballot on a correction of a published proposal closes. */
public record CorrectionBallotClosed(long ballotId, long correctionId, boolean passed, String explanation, long closedBy) {
}
