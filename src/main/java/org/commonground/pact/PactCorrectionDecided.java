package org.commonground.pact;

/**
 * Published, inside the transaction of the last verdict, when every party has ratified a correction of a published
 * pact ({@code agreed}) or one has rejected it.
 */
public record PactCorrectionDecided(long pactId, long correctionId, boolean agreed, String outcome, long decidedBy) {
}
