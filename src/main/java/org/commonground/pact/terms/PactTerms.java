package org.commonground.pact.terms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The terms of a pact: per constituency, plus conditions in Markdown. */
public record PactTerms(List<SeatTerms> seats, String conditions) {

    public PactTerms {
        seats = List.copyOf(seats);
        conditions = conditions == null ? "" : conditions;
    }

    /** Every party the terms name: the candidates' and those with a stance. Each must ratify. */
    public Set<String> parties() {
        Set<String> parties = new LinkedHashSet<>();
        for (SeatTerms s : seats) {
            if (s.candidate() != null) {
                parties.add(s.candidate());
            }
            parties.addAll(s.stances().keySet());
        }
        return parties;
    }

    /** The terms as Markdown: a section per constituency listing who stands how, then the conditions. */
    public String asMarkdown() {
        StringBuilder md = new StringBuilder();
        for (SeatTerms s : seats) {
            md.append("## ").append(s.constituency()).append(" (").append(s.onsCode()).append(")\n\n")
                    .append("- Alliance candidate: ").append(s.candidate()).append('\n');
            s.stances().forEach((party, stance) -> md.append("- ").append(party).append(": ").append(stance.label()).append('\n'));
            md.append('\n');
        }
        if (!conditions.isBlank()) {
            md.append("## Conditions\n\n").append(conditions.strip()).append('\n');
        }
        return md.toString();
    }

    /**
     * The terms as lines of plain text, one per constituency and then the conditions: what revisions and
     * amendments are diffed on, so a change reads as words struck and inserted.
     */
    public String asText() {
        StringBuilder text = new StringBuilder();
        for (SeatTerms s : seats) {
            text.append(s.constituency()).append(": ").append(s.candidate()).append(" candidate");
            s.stances().forEach((party, stance) -> text.append("; ").append(party).append(' ').append(stance.label()));
            text.append(".\n");
        }
        return text.append('\n').append(conditions.strip()).toString();
    }
}
