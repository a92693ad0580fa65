package org.commonground.pact.terms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The terms of a pact: per constituency, plus conditions in Markdown. */
public record PactTerms(List<SeatTerms> seats, String conditions) {

    public PactTerms {
        seats = List.copyOf(seats);
        conditions = conditions == null ? "" : conditions;
    }

    /**
     * The parties the terms commit to something: the candidates' and those with a stance other than "not standing".
     * Each must ratify. A party that only never contests the pact's seats gives nothing, so it has nothing to agree.
     */
    public Set<String> parties() {
        Set<String> parties = new LinkedHashSet<>();
        for (SeatTerms s : seats) {
            if (s.candidate() != null) {
                s.candidate().partyCode().ifPresent(parties::add);
            }
            s.stances().forEach((party, stance) -> {
                if (stance != Stance.NOT_STANDING) {
                    parties.add(party);
                }
            });
        }
        return parties;
    }

    /** Every party the terms name, "not standing" ones included: the columns of the terms table. */
    public Set<String> partiesNamed() {
        Set<String> parties = new LinkedHashSet<>(parties());
        for (SeatTerms s : seats) {
            parties.addAll(s.stances().keySet());
        }
        return parties;
    }

    /**
     * The same terms with another alliance candidate in one seat: how a unity-candidate ballot's winner, or a
     * named person, goes into the terms (as a new revision or an amendment).
     *
     * @throws IllegalArgumentException when the terms do not cover the seat
     */
    public PactTerms withCandidate(String onsCode, Candidate candidate) {
        List<SeatTerms> changed = new ArrayList<>();
        boolean found = false;
        for (SeatTerms s : seats) {
            if (s.onsCode().equals(onsCode)) {
                changed.add(s.withCandidate(candidate));
                found = true;
            } else {
                changed.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("The terms do not cover " + onsCode + ".");
        }
        return new PactTerms(changed, conditions);
    }

    /** The terms as Markdown: a section per constituency listing who stands how, then the conditions. */
    public String asMarkdown() {
        StringBuilder md = new StringBuilder();
        for (SeatTerms s : seats) {
            md.append("## ").append(s.constituency()).append(" (").append(s.onsCode()).append(")\n\n")
                    .append("- Alliance candidate: ").append(s.candidateInWords()).append('\n');
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
            text.append(s.constituency()).append(": ").append(s.candidateInWords()).append(" candidate");
            s.stances().forEach((party, stance) -> text.append("; ").append(party).append(' ').append(stance.label()));
            text.append(".\n");
        }
        return text.append('\n').append(conditions.strip()).toString();
    }
}
