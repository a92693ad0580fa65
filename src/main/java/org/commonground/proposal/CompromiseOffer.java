package org.commonground.proposal;

/**
 * A compromise's offer to replace one amendment, and its proposer's answer.
 *
 * @param compromiseId the compromise (an amendment itself)
 * @param amendmentId  the amendment it would replace, numbered {@code amendmentNumber}
 * @param comment      the proposer's comment with their answer ("" if none)
 */
public record CompromiseOffer(long compromiseId, int compromiseNumber, long amendmentId, int amendmentNumber, long proposerId,
                              String proposerName, String partyCode, String partyName, String partyColour, OfferAnswer answer,
                              String comment) {
}
