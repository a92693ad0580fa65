package org.commonground.ballot.rules;

import java.util.List;

/**
 * What a ballot decided and why, in words a member can check.
 *
 * @param verdicts one line per party ("GRN: 9 for, 3 against, turnout 86% ≥ quorum 20%: consents")
 * @param blocking the parties whose verdict stopped the motion (concurrent majority and consensus)
 * @param explanation the whole reasoning, verdicts included, ending with why it passed or failed
 */
public record Outcome(boolean passed, List<String> verdicts, List<String> blocking, String explanation) {
}
