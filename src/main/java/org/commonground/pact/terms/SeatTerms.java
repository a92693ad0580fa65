package org.commonground.pact.terms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One constituency's terms: the alliance candidate, and what each other party does. */
public record SeatTerms(String onsCode, String constituency, Candidate candidate, Map<String, Stance> stances) {

    public SeatTerms {
        stances = Collections.unmodifiableMap(new LinkedHashMap<>(stances));
    }

    /** A party's candidate, by party code (null for none chosen yet). */
    public SeatTerms(String onsCode, String constituency, String candidateParty, Map<String, Stance> stances) {
        this(onsCode, constituency, candidateParty == null ? null : Candidate.ofParty(candidateParty), stances);
    }

    /** The same seat with another candidate; the candidate's own party loses its stance (it cannot stand down for itself). */
    public SeatTerms withCandidate(Candidate newCandidate) {
        Map<String, Stance> others = new LinkedHashMap<>(stances);
        newCandidate.partyCode().ifPresent(others::remove);
        return new SeatTerms(onsCode, constituency, newCandidate, others);
    }

    /** "LAB", "Jane Smith (independent)", or "–" while none is chosen. */
    public String candidateInWords() {
        return candidate == null ? "–" : candidate.inWords();
    }
}
