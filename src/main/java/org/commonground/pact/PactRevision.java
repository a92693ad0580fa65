package org.commonground.pact;

import java.time.OffsetDateTime;

import org.commonground.pact.terms.PactTerms;

public record PactRevision(int number, PactTerms terms, String authorName, String note, OffsetDateTime createdAt) {
}
