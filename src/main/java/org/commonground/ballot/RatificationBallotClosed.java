package org.commonground.ballot;

/** Published, inside the closing transaction, when a party's ratification ballot on a pact closes. */
public record RatificationBallotClosed(long ballotId, long pactId, long partyId, boolean passed, String explanation, long closedBy) {
}
