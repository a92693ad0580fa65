package org.commonground.proposal;

/**
 * An amendment still to be decided (proposed, or under a ballot) on the current text, as the tracked-changes view
 * and its preview list it.
 *
 * @param citation "A3 to lines 12–14 and 20"
 */
public record PendingAmendment(long id, int number, String citation, String proposerName, String proposerParty, AmendmentState state) {
}
