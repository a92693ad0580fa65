package org.commonground.pact;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The time by which every party in a pact is asked to have ratified it, as every reader of the pact sees it.
 *
 * @param pollingDay the by-election's polling day, or null for a pact that is not for a by-election
 * @param awaiting   the parties that have yet to ratify in the current round, while the pact is being ratified
 * @param passed     the deadline has passed
 */
public record RatificationDeadline(LocalDate pollingDay, OffsetDateTime ratifyBy, List<String> awaiting, boolean passed) {
}
