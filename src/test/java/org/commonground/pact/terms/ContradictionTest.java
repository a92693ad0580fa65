package org.commonground.pact.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ContradictionTest {

    static final String ALDERSHOT = "E14001063";

    private static SeatTerms seat(Candidate candidate, Map<String, Stance> stances) {
        return new SeatTerms(ALDERSHOT, "Aldershot", candidate, stances);
    }

    @Test
    void theSameCandidateIsNoContradictionWhateverElseDiffers() {
        assertThat(Contradiction.between(seat(Candidate.ofParty("LAB"), Map.of("GRN", Stance.STANDS_DOWN)),
                seat(Candidate.ofParty("LAB"), Map.of("GRN", Stance.STANDS)), "Other")).isEmpty();
        assertThat(Contradiction.between(seat(Candidate.independent("Jane Smith"), Map.of()), seat(Candidate.independent("Jane Smith"), Map.of()), "Other")).isEmpty();
        // Another seat, or a seat with no candidate chosen yet, contradicts nothing.
        assertThat(Contradiction.between(seat(Candidate.ofParty("LAB"), Map.of()),
                new SeatTerms("E14001131", "Bristol Central", Candidate.ofParty("GRN"), Map.of()), "Other")).isEmpty();
        assertThat(Contradiction.between(seat(null, Map.of()), seat(Candidate.ofParty("GRN"), Map.of()), "Other")).isEmpty();
    }

    @Test
    void differentCandidatesContradictAndSayWho() {
        assertThat(Contradiction.between(seat(Candidate.ofParty("LAB"), Map.of()), seat(Candidate.independent("Jane Smith"), Map.of()), "Unity deal"))
                .contains("In Aldershot, this pact's alliance candidate is LAB, but \"Unity deal\"'s is Jane Smith (independent).");
    }

    @Test
    void aPartyStandingDownInOneAndFieldingTheCandidateInTheOtherIsNamedFromEitherSide() {
        SeatTerms labours = seat(Candidate.ofParty("LAB"), Map.of("GRN", Stance.STANDS_DOWN));
        SeatTerms greens = seat(Candidate.ofParty("GRN"), Map.of("LD", Stance.STANDS));
        assertThat(Contradiction.between(labours, greens, "Green deal"))
                .contains("In Aldershot, GRN stands down in this pact, but fields the alliance candidate in \"Green deal\".");
        assertThat(Contradiction.between(greens, labours, "Labour deal"))
                .contains("In Aldershot, GRN fields the alliance candidate in this pact, but stands down in \"Labour deal\".");
    }
}
