package org.commonground.pact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.jooq.JSONB;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * A pact's seats as stored in the revisions' and amendments' jsonb. The candidate is written as an object,
 * {@code {"party": "LAB"}} or {@code {"person": "Jane Smith", "party": null}}; revisions stored before unity
 * candidates hold a bare party code ({@code "candidate": "LAB"}) and are immutable, so both forms are read.
 */
final class SeatTermsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private SeatTermsJson() {
    }

    static JSONB write(List<SeatTerms> seats) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SeatTerms seat : seats) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("onsCode", seat.onsCode());
            row.put("constituency", seat.constituency());
            row.put("candidate", candidate(seat.candidate()));
            Map<String, String> stances = new LinkedHashMap<>();
            seat.stances().forEach((party, stance) -> stances.put(party, stance.name()));
            row.put("stances", stances);
            rows.add(row);
        }
        return JSONB.valueOf(JSON.writeValueAsString(rows));
    }

    private static Map<String, Object> candidate(Candidate candidate) {
        Map<String, Object> c = new LinkedHashMap<>();
        switch (candidate) {
            case null -> {
                return null;
            }
            case Candidate.PartyCandidate(String party) -> c.put("party", party);
            case Candidate.Person(String name, String party) -> {
                c.put("person", name);
                c.put("party", party);
            }
        }
        return c;
    }

    static List<SeatTerms> read(JSONB json) {
        List<SeatTerms> seats = new ArrayList<>();
        for (Map<String, Object> row : JSON.readValue(json.data(), ROWS)) {
            Map<String, Stance> stances = new LinkedHashMap<>();
            if (row.get("stances") instanceof Map<?, ?> stored) {
                stored.forEach((party, stance) -> stances.put((String) party, stance == null ? null : Stance.valueOf((String) stance)));
            }
            seats.add(new SeatTerms((String) row.get("onsCode"), (String) row.get("constituency"), readCandidate(row.get("candidate")), stances));
        }
        return seats;
    }

    private static Candidate readCandidate(Object stored) {
        return switch (stored) {
            case null -> null;
            case String party -> Candidate.ofParty(party);
            case Map<?, ?> c when c.containsKey("person") -> Candidate.person((String) c.get("person"), (String) c.get("party"));
            case Map<?, ?> c -> Candidate.ofParty((String) c.get("party"));
            default -> throw new IllegalStateException("A stored candidate is neither a party code nor an object: " + stored);
        };
    }
}
