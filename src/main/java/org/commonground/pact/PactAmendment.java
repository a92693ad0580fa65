package org.commonground.pact;

import java.time.OffsetDateTime;

import org.commonground.pact.terms.PactTerms;

public record PactAmendment(long id, int number, long proposerId, String proposerName, String proposerParty, int baseRevision,
                            PactTerms terms, String reason, String state, String decisionReason, Integer mergedRevision,
                            OffsetDateTime createdAt) {

    public boolean open() {
        return state.equals("PROPOSED");
    }
}
