package org.commonground.election.results;

/**
 * What a seat analysis says about one constituency.
 *
 * @param bestPlaced      the alliance party with most votes; null when no alliance party won any votes
 * @param allianceVotes   the alliance parties' votes added together
 * @param target          the winner is outside the alliance, the seat is not the Speaker's, and the alliance
 *                        together out-polled the winner
 * @param gap             winner's votes minus the best-placed alliance party's votes
 * @param shareNeeded     for a target, the fraction (0 to 1) of the other alliance parties' voters the best-placed
 *                        party needs to overtake the winner; otherwise null
 * @param allianceHolds   the winner is an alliance party
 * @param speaker         the Speaker's seat, which the parties traditionally do not contest
 */
public record SeatVerdict(String onsId, String constituency, String region, String country, String winner,
        int winnerVotes, String bestPlaced, int bestPlacedVotes, int allianceVotes, boolean target, int gap,
        Double shareNeeded, boolean allianceHolds, boolean speaker) {
}
