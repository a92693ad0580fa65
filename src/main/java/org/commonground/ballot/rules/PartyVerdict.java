package org.commonground.ballot.rules;

/**
 * One party's part in a decision, as its rule saw it.
 *
 * @param turnoutPercent the share of the party's electorate that voted, rounded down
 */
public record PartyVerdict(PartyTally tally, long turnoutPercent, Standing standing) {

    /** Where the rule judges each party on its own (consensus, concurrent majority), what it found; otherwise COUNTED_TOGETHER. */
    public enum Standing {
        COUNTED_TOGETHER("Counted with everyone's votes", true),
        CONSENTS("Consents", true),
        BELOW_QUORUM("Does not consent: turnout below the quorum", false),
        TIED("Does not consent: a tie", false),
        NO_MAJORITY("Does not consent: no majority for", false),
        NOT_TAKING_PART("Not taking part: none of its members could vote", true),
        NO_OBJECTION("No objection", true),
        OBJECTED("Objected", false);

        private final String label;
        private final boolean met;

        Standing(String label, boolean met) {
            this.label = label;
            this.met = met;
        }

        public String label() {
            return label;
        }

        /** Whether the party let the motion through, as far as its own part goes. */
        public boolean met() {
            return met;
        }
    }
}
