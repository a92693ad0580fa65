package org.commonground.pact.terms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One constituency's terms: the alliance candidate's party, and what each other party does. */
public record SeatTerms(String onsCode, String constituency, String candidate, Map<String, Stance> stances) {

    public SeatTerms {
        stances = Collections.unmodifiableMap(new LinkedHashMap<>(stances));
    }
}
