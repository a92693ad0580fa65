package org.commonground.election;

import java.time.OffsetDateTime;

import org.commonground.election.results.Alliance;

/**
 * The election and alliance the public pages use, as an admin chose and published them.
 *
 * @param chosenAt when the admin chose them: the public pages say so
 */
public record PublicElection(long electionId, String electionCode, String electionName, Alliance alliance, OffsetDateTime chosenAt) {
}
