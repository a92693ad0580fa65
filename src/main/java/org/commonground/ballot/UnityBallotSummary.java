package org.commonground.ballot;

import java.time.OffsetDateTime;

/** A unity-candidate ballot as the pact's page lists it. */
public record UnityBallotSummary(long id, String onsCode, String constituency, UnityMethod method, OffsetDateTime closesAt,
                                 OffsetDateTime closedAt, String electedName) {

    public boolean open() {
        return closedAt == null;
    }
}
