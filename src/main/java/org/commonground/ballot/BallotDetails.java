package org.commonground.ballot;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.commonground.ballot.rules.DecisionRule;
import org.commonground.ballot.rules.DecisionRules;
import org.commonground.ballot.rules.Outcome;

/**
 * A ballot as a member sees it: on a proposal's text, an amendment, or one party's ratification of a pact
 * ({@code title} names the proposal or pact, {@code backLink} leads back to it). For a SECRET ballot {@code votes} is always empty, and the per-party choices in
 * {@code parties} are zero until it closes (turnout is shown live).
 */
public record BallotDetails(long id, String title, String backLink, String backLabel, Long amendmentId, String subject, int revision,
                            DecisionRule rule, boolean secret, int overallQuorum, int partyQuorum, OffsetDateTime openedAt,
                            OffsetDateTime closesAt, OffsetDateTime closedAt, Boolean passed, String explanation,
                            List<PartyResult> parties, List<NamedVote> votes, Choice myChoice, String myReason,
                            boolean elector, boolean canClose, int leftOutClaimed) {

    /** How a ballot cancelled without a decision begins its explanation. */
    static final String CANCELLED = "Cancelled: ";

    public boolean isOpen() {
        return closedAt == null;
    }

    /** Open, Passed, Failed, or Cancelled (voting stopped because what it decided no longer was being decided). */
    public String outcome() {
        return outcome(closedAt, passed, explanation);
    }

    /** {@link #outcome()} of a ballot's stored columns. */
    static String outcome(OffsetDateTime closedAt, Boolean passed, String explanation) {
        if (closedAt == null) {
            return "Open";
        }
        if (Boolean.TRUE.equals(passed)) {
            return "Passed";
        }
        return cancelled(explanation) ? "Cancelled" : "Failed";
    }

    private static boolean cancelled(String explanation) {
        return explanation != null && explanation.startsWith(CANCELLED);
    }

    /**
     * A decided ballot's outcome, worked out again by its rules from its tally, which the close fixed (the votes
     * and the electorate); empty while it is open or when it was cancelled.
     */
    public Optional<Outcome> decided() {
        if (isOpen() || cancelled(explanation)) {
            return Optional.empty();
        }
        return Optional.of(DecisionRules.decide(rule, parties.stream().map(PartyResult::tally).toList(), overallQuorum, partyQuorum));
    }

    public int electorate() {
        return parties.stream().mapToInt(PartyResult::electorate).sum();
    }

    public int voted() {
        return parties.stream().mapToInt(PartyResult::voted).sum();
    }

    /**
     * "43 members may vote: LAB 18, GRN 14, LD 11", and when some were left out, "; 2 left out, as their party has
     * not yet confirmed them".
     */
    public String electorateLine() {
        StringBuilder line = new StringBuilder(electorate() + (electorate() == 1 ? " member may vote" : " members may vote"));
        String sep = ": ";
        for (PartyResult p : parties) {
            line.append(sep).append(p.party()).append(' ').append(p.electorate());
            sep = ", ";
        }
        if (leftOutClaimed > 0) {
            line.append("; ").append(leftOutClaimed).append(" left out, as their party has not yet confirmed them");
        }
        return line.toString();
    }
}
