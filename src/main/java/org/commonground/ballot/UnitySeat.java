package org.commonground.ballot;

import java.util.List;
import java.util.Map;

/**
 * One seat of a pact, as its unity-candidate ballots' page shows it.
 *
 * @param mayOpen    the reader convenes the group, the pact is in draft or negotiation, and no ballot is open here
 * @param partyNames party code to name, the parties a candidate may stand for
 * @param ballots    this seat's ballots, newest first
 */
public record UnitySeat(long pactId, String pactTitle, String onsCode, String constituency, boolean mayOpen, Map<String, String> partyNames,
                        List<UnityBallotSummary> ballots) {
}
