package org.commonground.pact;

import java.time.OffsetDateTime;

/**
 * One party's ratification in the current round, as the pact page shows it.
 *
 * @param method  null while the party's delegates have not yet chosen how it ratifies
 * @param verdict null while pending, else RATIFIED or REJECTED
 * @param voted   for a ballot: how many of the party's electors have voted so far
 */
public record Ratification(String party, String partyColour, RatificationMethod method, Long representativeId,
                           String representativeName, Long ballotId, int electorate, int voted, String verdict, String reason,
                           String decidedByName, OffsetDateTime decidedAt) {

    public boolean pending() {
        return verdict == null;
    }

    public boolean choosing() {
        return method == null;
    }
}
