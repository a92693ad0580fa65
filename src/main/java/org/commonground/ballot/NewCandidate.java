package org.commonground.ballot;

/**
 * Someone put forward in a unity-candidate ballot as it opens.
 *
 * @param partyCode the candidate's party code, or null (or blank) for a candidate of no party
 */
public record NewCandidate(String name, String partyCode) {
}
