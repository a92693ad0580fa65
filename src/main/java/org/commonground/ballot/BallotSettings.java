package org.commonground.ballot;

import java.time.OffsetDateTime;

import org.commonground.ballot.rules.DecisionRule;

/** What a convenor chooses when opening a ballot. {@code closesAt} null: closed by hand. */
public record BallotSettings(DecisionRule rule, boolean secret, int overallQuorum, int partyQuorum, OffsetDateTime closesAt) {
}
