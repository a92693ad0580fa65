package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

class SeatTermsJsonTest {

    @Test
    void termsStoredBeforeUnityCandidatesStillReadAsAPartysCandidate() {
        JSONB old = JSONB.valueOf("[{\"onsCode\":\"E14001063\",\"constituency\":\"Aldershot\",\"candidate\":\"LAB\",\"stances\":{\"GRN\":\"STANDS_DOWN\"}}]");
        assertThat(SeatTermsJson.read(old)).containsExactly(new SeatTerms("E14001063", "Aldershot", Candidate.ofParty("LAB"), Map.of("GRN", Stance.STANDS_DOWN)));
    }

    @Test
    void everyKindOfCandidateAndStanceSurvivesAWriteAndARead() {
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("LAB", Stance.WITHDRAWS_AFTER_NOMINATIONS);
        stances.put("PC", Stance.NOT_STANDING);
        List<SeatTerms> seats = List.of(new SeatTerms("E14001063", "Aldershot", Candidate.independent("Jane Smith"), stances),
                new SeatTerms("E14001131", "Bristol Central", Candidate.person("Ann Lee", "GRN"), Map.of("LD", Stance.STANDS_DOWN)),
                new SeatTerms("E14001134", "Bristol North West", Candidate.ofParty("LAB"), Map.of()));
        JSONB stored = SeatTermsJson.write(seats);
        assertThat(stored.data()).contains("\"candidate\":{\"person\":\"Jane Smith\",\"party\":null}", "\"candidate\":{\"party\":\"LAB\"}");
        assertThat(SeatTermsJson.read(stored)).isEqualTo(seats);
    }
}
