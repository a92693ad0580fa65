package org.commonground.pact.terms;

/** What a party other than the alliance candidate's does in a constituency. */
public enum Stance {
    /** Gives the seat away: the only stance the reciprocity ledger credits. */
    STANDS_DOWN("stands down"),
    PAPER_CANDIDATE("paper candidate"),
    STANDS("stands"),
    /**
     * Its candidate withdraws after nominations closed, so the name stays on the ballot paper: the ledger shows it
     * apart from a stand-down.
     */
    WITHDRAWS_AFTER_NOMINATIONS("withdraws after nominations closed (still on the ballot paper)"),
    /** Never contests the seat (Plaid Cymru outside Wales): gives nothing, so it is not a stand-down. */
    NOT_STANDING("not standing");

    private final String label;

    Stance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stance whose label this is, as a published document writes it ("stands down"). */
    public static java.util.Optional<Stance> byLabel(String label) {
        return java.util.Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
