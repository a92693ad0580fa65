package org.commonground.pact.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonground.shared.FieldProblem;
import org.junit.jupiter.api.Test;

class PactTermsRulesTest {

    static final String ALDERSHOT = "E14001063";
    static final String CARDIFF_NORTH = "W07000090";
    static final String GLASGOW = "S14000030";
    static final Map<String, String> SEATS = Map.of(ALDERSHOT, "Aldershot", CARDIFF_NORTH, "Cardiff North", GLASGOW, "Glasgow East");
    static final Set<String> PARTIES = Set.of("LAB", "GRN", "LD", "PC", "SNP", "NONE");

    private static List<String> problems(SeatTerms... seats) {
        return PactTermsRules.check(new PactTerms(List.of(seats), ""), SEATS, PARTIES).stream().map(FieldProblem::message).toList();
    }

    private static SeatTerms seat(String ons, Candidate candidate, Object... partyStance) {
        Map<String, Stance> stances = new LinkedHashMap<>();
        for (int i = 0; i < partyStance.length; i += 2) {
            stances.put((String) partyStance[i], (Stance) partyStance[i + 1]);
        }
        return new SeatTerms(ons, SEATS.get(ons), candidate, stances);
    }

    @Test
    void plaidCymruCannotStandDownOutsideWalesButIsNotStandingThere() {
        assertThat(problems(seat(ALDERSHOT, Candidate.ofParty("LAB"), "GRN", Stance.STANDS_DOWN, "PC", Stance.STANDS_DOWN)))
                .singleElement().asString().contains("PC cannot stand down in Aldershot", "only in Wales", "\"not standing\"", "not a stand-down");
        assertThat(problems(seat(ALDERSHOT, Candidate.ofParty("LAB"), "GRN", Stance.STANDS_DOWN, "PC", Stance.NOT_STANDING))).isEmpty();
        // Nor does it stand, run a paper candidate or withdraw late where it never contests.
        assertThat(problems(seat(ALDERSHOT, Candidate.ofParty("LAB"), "PC", Stance.STANDS))).singleElement().asString()
                .contains("PC is \"not standing\"", "only in Wales");
        // In Wales, it stands down like any other party.
        assertThat(problems(seat(CARDIFF_NORTH, Candidate.ofParty("LAB"), "PC", Stance.STANDS_DOWN))).isEmpty();
    }

    @Test
    void theSnpNeverContestsOutsideScotlandAndCannotFieldTheCandidateThere() {
        assertThat(problems(seat(CARDIFF_NORTH, Candidate.ofParty("LAB"), "SNP", Stance.STANDS_DOWN))).singleElement().asString()
                .contains("SNP cannot stand down in Cardiff North", "only in Scotland", "Cardiff North is in Wales");
        assertThat(problems(seat(ALDERSHOT, Candidate.ofParty("SNP"), "LAB", Stance.STANDS_DOWN))).singleElement().asString()
                .contains("SNP cannot field the alliance candidate");
        assertThat(problems(seat(GLASGOW, Candidate.ofParty("SNP"), "LAB", Stance.STANDS_DOWN, "PC", Stance.NOT_STANDING))).isEmpty();
    }

    @Test
    void aPartyThatContestsEverywhereMayAlsoBeNotStanding() {
        assertThat(problems(seat(ALDERSHOT, Candidate.ofParty("LAB"), "GRN", Stance.NOT_STANDING, "LD", Stance.WITHDRAWS_AFTER_NOMINATIONS))).isEmpty();
    }

    @Test
    void aNamedPersonOfAnyPartyOrNoneCanBeTheCandidate() {
        assertThat(problems(seat(ALDERSHOT, Candidate.independent("Jane Smith"), "LAB", Stance.STANDS_DOWN, "GRN", Stance.STANDS_DOWN))).isEmpty();
        assertThat(problems(seat(ALDERSHOT, Candidate.person("Jane Smith", "GRN"), "LAB", Stance.STANDS_DOWN))).isEmpty();
        assertThat(problems(seat(ALDERSHOT, Candidate.person("Jane Smith", "GRN"), "GRN", Stance.STANDS_DOWN))).singleElement().asString()
                .contains("GRN is the alliance candidate's party");
        assertThat(problems(seat(ALDERSHOT, Candidate.independent("  "), "LAB", Stance.STANDS_DOWN))).singleElement().asString()
                .contains("give the alliance candidate's name");
        assertThat(problems(seat(ALDERSHOT, Candidate.independent("x".repeat(Candidate.MAX_NAME + 1))))).singleElement().asString()
                .contains("at most 100 characters");
        assertThat(problems(seat(ALDERSHOT, Candidate.person("Jane Smith", "XYZ")))).singleElement().asString().contains("no party XYZ");
        assertThat(problems(seat(ALDERSHOT, null, "LAB", Stance.STANDS))).singleElement().asString().contains("Choose the alliance candidate in Aldershot");
        // "Non-party" fields no party candidates: a non-party candidate is a named independent.
        assertThat(problems(seat(ALDERSHOT, Candidate.ofParty("NONE")))).singleElement().asString().contains("for an independent, name the person");
    }

    @Test
    void aPersonOfNoPartyIsIndependentInWords() {
        assertThat(Candidate.person("Jane Smith", "NONE")).isEqualTo(Candidate.independent("Jane Smith"));
        assertThat(Candidate.independent(" Jane Smith ").inWords()).isEqualTo("Jane Smith (independent)");
        assertThat(Candidate.person("Jane Smith", "GRN").inWords()).isEqualTo("Jane Smith (GRN)");
        assertThat(Candidate.ofParty("LAB").inWords()).isEqualTo("LAB");
    }

    @Test
    void startingStancesAreNotStandingWhereAPartyNeverContests() {
        assertThat(Contests.startingStance("PC", ALDERSHOT)).isEqualTo(Stance.NOT_STANDING);
        assertThat(Contests.startingStance("PC", CARDIFF_NORTH)).isEqualTo(Stance.STANDS);
        assertThat(Contests.startingStance("SNP", GLASGOW)).isEqualTo(Stance.STANDS);
        assertThat(Contests.startingStance("GRN", GLASGOW)).isEqualTo(Stance.STANDS);
        assertThat(Contests.countryOf("N05000001")).contains("Northern Ireland");
    }

    @Test
    void aUnityCandidateGoesIntoOneSeatAndItsPartyLosesItsStance() {
        PactTerms terms = new PactTerms(List.of(seat(ALDERSHOT, Candidate.ofParty("LAB"), "GRN", Stance.STANDS_DOWN, "LD", Stance.STANDS),
                seat(CARDIFF_NORTH, Candidate.ofParty("LAB"), "PC", Stance.STANDS_DOWN)), "Leaflets.");
        PactTerms unity = terms.withCandidate(ALDERSHOT, Candidate.person("Jane Smith", "GRN"));
        assertThat(unity.seats().getFirst().candidate()).isEqualTo(Candidate.person("Jane Smith", "GRN"));
        assertThat(unity.seats().getFirst().stances()).containsOnlyKeys("LD");
        assertThat(unity.seats().get(1)).isEqualTo(terms.seats().get(1));
        assertThat(unity.conditions()).isEqualTo("Leaflets.");
        assertThat(unity.asText()).contains("Aldershot: Jane Smith (GRN) candidate; LD stands.");
        assertThatThrownBy(() -> terms.withCandidate(GLASGOW, Candidate.independent("Ann"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPartyOnlyNotStandingHasNothingToRatifyButIsStillNamed() {
        PactTerms terms = new PactTerms(List.of(seat(ALDERSHOT, Candidate.independent("Jane Smith"), "GRN", Stance.STANDS_DOWN, "PC", Stance.NOT_STANDING)), "");
        assertThat(terms.parties()).containsExactly("GRN");
        assertThat(terms.partiesNamed()).containsExactly("GRN", "PC");
    }
}
