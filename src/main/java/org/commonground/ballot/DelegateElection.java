package org.commonground.ballot;

import java.time.OffsetDateTime;

/** A party's election of one of its confirmed members in a group as its delegate there. {@code passed} null while open. */
public record DelegateElection(long ballotId, String partyCode, long candidateId, String candidateName, OffsetDateTime closesAt,
                               OffsetDateTime closedAt, Boolean passed) {

    public boolean open() {
        return closedAt == null;
    }
}
