package org.commonground.pact.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.commonground.pact.terms.ReciprocityLedger.Entry;
import org.commonground.pact.terms.ReciprocityLedger.PartyAccount;
import org.commonground.pact.terms.ReciprocityLedger.RatifiedPact;
import org.junit.jupiter.api.Test;

class ReciprocityLedgerTest {

    /** Aldershot: LAB's candidate, GRN stands down, LD runs a paper candidate; Bristol Central: GRN's, LAB stands down, LD stands. */
    static final RatifiedPact TWO_SEATS = new RatifiedPact(7, "Two seats", List.of(
            seat("E14001063", "Aldershot", "LAB", "GRN", Stance.STANDS_DOWN, "LD", Stance.PAPER_CANDIDATE),
            seat("E14001131", "Bristol Central", "GRN", "LAB", Stance.STANDS_DOWN, "LD", Stance.STANDS)));

    private static SeatTerms seat(String ons, String name, String candidate, String party, Stance stance, String other, Stance otherStance) {
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put(party, stance);
        stances.put(other, otherStance);
        return new SeatTerms(ons, name, candidate, stances);
    }

    private static Map<String, PartyAccount> ledger(RatifiedPact... pacts) {
        return ReciprocityLedger.of(List.of(pacts)).stream().collect(Collectors.toMap(PartyAccount::party, Function.identity()));
    }

    @Test
    void aPartyThatOnlyRunsAPaperCandidateForAnotherIsInTheLedger() {
        PartyAccount libDems = ledger(TWO_SEATS).get("LD");
        assertThat(libDems).isNotNull();
        assertThat(libDems.stoodDown()).isEmpty();
        assertThat(libDems.balance()).isZero();
    }

    @Test
    void paperCandidatesAreListedApartBothWaysAndEarnNoCredit() {
        Map<String, PartyAccount> accounts = ledger(TWO_SEATS);
        assertThat(accounts.get("LD").paperCandidates())
                .containsExactly(new Entry(7, "Two seats", "E14001063", "Aldershot", "LAB"));
        assertThat(accounts.get("LD").paperCandidatesFor()).isEmpty();
        assertThat(accounts.get("LAB").paperCandidatesFor())
                .containsExactly(new Entry(7, "Two seats", "E14001063", "Aldershot", "LD"));
        assertThat(accounts.get("GRN").paperCandidates()).isEmpty();
        assertThat(accounts.get("GRN").paperCandidatesFor()).isEmpty();
        // Standing in earnest (LD in Bristol Central) gives nothing and is owed nothing.
        assertThat(accounts.values().stream().flatMap(a -> a.paperCandidates().stream()).map(Entry::constituency)).containsExactly("Aldershot");
        assertThat(accounts.get("GRN").stoodDownFor()).extracting(Entry::otherParty).containsExactly("LAB");
    }

    @Test
    void standDownCreditIsUnchangedByPaperCandidates() {
        Map<String, PartyAccount> accounts = ledger(TWO_SEATS);
        assertThat(accounts.get("LAB").stoodDown()).extracting(Entry::constituency).containsExactly("Bristol Central");
        assertThat(accounts.get("LAB").stoodDownFor()).extracting(Entry::constituency).containsExactly("Aldershot");
        assertThat(accounts.get("LAB").balance()).isZero();
        assertThat(accounts.get("GRN").balance()).isZero();

        RatifiedPact oneWay = new RatifiedPact(8, "One way", List.of(
                seat("E14001134", "Bristol North West", "LAB", "GRN", Stance.STANDS_DOWN, "LD", Stance.PAPER_CANDIDATE)));
        Map<String, PartyAccount> both = ledger(TWO_SEATS, oneWay);
        assertThat(both.get("LAB").balance()).isEqualTo(1);
        assertThat(both.get("GRN").balance()).isEqualTo(-1);
        assertThat(both.get("LD").balance()).isZero();
    }

    @Test
    void onlyRealStandDownsAreCreditedLateWithdrawalsAreApartAndNotStandingCountsForNobody() {
        RatifiedPact pact = new RatifiedPact(9, "Three seats", List.of(
                seat("E14001063", "Aldershot", "LAB", "GRN", Stance.WITHDRAWS_AFTER_NOMINATIONS, "PC", Stance.NOT_STANDING),
                seat("E14001131", "Bristol Central", "GRN", "LAB", Stance.STANDS_DOWN, "SNP", Stance.NOT_STANDING)));
        Map<String, PartyAccount> accounts = ledger(pact);
        assertThat(accounts).containsOnlyKeys("LAB", "GRN");
        assertThat(accounts.get("GRN").lateWithdrawals()).containsExactly(new Entry(9, "Three seats", "E14001063", "Aldershot", "LAB"));
        assertThat(accounts.get("LAB").lateWithdrawalsFor()).containsExactly(new Entry(9, "Three seats", "E14001063", "Aldershot", "GRN"));
        assertThat(accounts.get("GRN").stoodDown()).isEmpty();
        // A late withdrawal leaves the name on the ballot paper: no credit, so Labour's real stand-down is not balanced.
        assertThat(accounts.get("LAB").balance()).isEqualTo(-1);
        assertThat(accounts.get("GRN").balance()).isEqualTo(1);
    }

    @Test
    void aStandDownForAnIndependentIsTheGiversAndNoPartyReceivesIt() {
        RatifiedPact pact = new RatifiedPact(10, "Unity", List.of(new SeatTerms("E14001063", "Aldershot", Candidate.independent("Jane Smith"),
                Map.of("LAB", Stance.STANDS_DOWN)), new SeatTerms("E14001131", "Bristol Central", Candidate.person("Ann Lee", "GRN"),
                Map.of("LD", Stance.STANDS_DOWN))));
        Map<String, PartyAccount> accounts = ledger(pact);
        assertThat(accounts).containsOnlyKeys("LAB", "GRN", "LD");
        assertThat(accounts.get("LAB").stoodDown()).extracting(Entry::otherParty).containsExactly("Jane Smith (independent)");
        assertThat(accounts.get("LAB").balance()).isEqualTo(-1);
        // A named person of a party is that party's candidate: the party is credited.
        assertThat(accounts.get("GRN").stoodDownFor()).extracting(Entry::otherParty).containsExactly("LD");
    }
}
