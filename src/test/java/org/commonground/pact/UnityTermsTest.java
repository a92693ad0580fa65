package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.commonground.jooq.Tables.PACT;
import static org.commonground.jooq.Tables.PACT_REVISION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.ReciprocityLedger.Entry;
import org.commonground.pact.terms.ReciprocityLedger.PartyAccount;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.publishing.PublishingService;
import org.commonground.publishing.document.DocumentContent;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Ratifying;
import org.commonground.support.TestMembers;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 21 on PostgreSQL: who never stands, late withdrawals and unity candidates, through the services. */
@IntegrationTest
class UnityTermsTest {

    static final String ALDERSHOT = PactServiceTest.ALDERSHOT;
    static final String BRISTOL = PactServiceTest.BRISTOL;

    @Autowired
    PactService pacts;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    PublishingService publishing;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    Ratifying ratifying;
    @Autowired
    DSLContext db;

    SignedInMember labour;
    SignedInMember green;
    SignedInMember plaid;
    long group;

    @BeforeEach
    void aGroupWithAPlaidMemberInEngland() {
        labour = testMembers.register("Unity chair", "LAB");
        TestMembers.signIn(labour);
        group = groups.create(new NewGroup("Unity town " + labour.id(), GroupKind.LOCAL, null,
                "Aldershot (" + ALDERSHOT + ")\nBristol Central (" + BRISTOL + ")"));
        green = testMembers.joined(groups, group, labour, "Unity green", "GRN");
        plaid = testMembers.joined(groups, group, labour, "Unity plaid", "PC");
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static SeatTerms seat(String ons, String name, Candidate candidate, Object... partyStance) {
        Map<String, Stance> stances = new LinkedHashMap<>();
        for (int i = 0; i < partyStance.length; i += 2) {
            stances.put((String) partyStance[i], (Stance) partyStance[i + 1]);
        }
        return new SeatTerms(ons, name, candidate, stances);
    }

    @Test
    void aNewPactStartsPlaidAsNotStandingInEnglandAndRefusesItStandingDown() {
        TestMembers.signIn(labour);
        long id = pacts.start(group, "English seats", List.of(ALDERSHOT), null);
        SeatTerms start = pacts.details(id).terms().seats().getFirst();
        assertThat(start.stances()).containsEntry("PC", Stance.NOT_STANDING).doesNotContainEntry("PC", Stance.STANDS);
        // Never contesting, Plaid has nothing to negotiate or ratify in an English pact.
        assertThat(pacts.details(id).parties()).doesNotContain("PC");

        PactTerms plaidGivesWay = new PactTerms(List.of(seat(ALDERSHOT, "Aldershot", Candidate.ofParty("LAB"), "GRN", Stance.STANDS_DOWN,
                "PC", Stance.STANDS_DOWN)), "");
        assertThatThrownBy(() -> pacts.revise(id, 1, plaidGivesWay, ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messageFor("seats"))
                        .contains("PC cannot stand down in Aldershot", "not a stand-down"));
        assertThat(pacts.details(id).summary().currentRevision()).as("nothing half-written").isEqualTo(1);
    }

    @Test
    void anIndependentCandidateAndALateWithdrawalAreStoredShownInWordsAndLedgeredApart() {
        TestMembers.signIn(labour);
        long id = pacts.start(group, "Unity pact", List.of(ALDERSHOT, BRISTOL), null);
        PactTerms terms = new PactTerms(List.of(
                seat(ALDERSHOT, "Aldershot", Candidate.independent("Jane Smith"), "LAB", Stance.STANDS_DOWN, "GRN", Stance.WITHDRAWS_AFTER_NOMINATIONS,
                        "PC", Stance.NOT_STANDING),
                seat(BRISTOL, "Bristol Central", Candidate.person("Ann Lee", "GRN"), "LAB", Stance.STANDS_DOWN)), "Joint leaflets.");
        pacts.revise(id, 1, terms, "A unity candidate");
        assertThat(pacts.details(id).terms()).isEqualTo(terms);

        DocumentContent draft = publishing.pactDraft(id);
        assertThat(draft.terms()).containsExactly(
                new DocumentContent.TermsRow("Aldershot", ALDERSHOT, "Jane Smith (independent)",
                        // jsonb keeps an object's keys shortest first: PC before GRN and LAB.
                        "PC not standing; GRN withdraws after nominations closed (still on the ballot paper); LAB stands down"),
                new DocumentContent.TermsRow("Bristol Central", BRISTOL, "Ann Lee (GRN)", "LAB stands down"));

        pacts.openNegotiation(id);
        ratifying.byRepresentatives(group, id, labour, labour, green);
        for (SignedInMember representative : List.of(labour, green)) {
            TestMembers.signIn(representative);
            ratification.sign(id, representative.partyCode(), true, "");
        }
        assertThat(pacts.details(id).state()).isEqualTo(PactState.RATIFIED);
        Map<String, PartyAccount> ledger = new LinkedHashMap<>();
        pacts.ledger().forEach(a -> ledger.put(a.party(), a));
        assertThat(ledger).containsOnlyKeys("LAB", "GRN");
        assertThat(ledger.get("LAB").stoodDown()).extracting(Entry::otherParty).containsExactly("Jane Smith (independent)", "GRN");
        assertThat(ledger.get("GRN").stoodDownFor()).extracting(Entry::otherParty).containsExactly("LAB");
        assertThat(ledger.get("GRN").lateWithdrawals()).extracting(Entry::otherParty).containsExactly("Jane Smith (independent)");
        assertThat(ledger.get("GRN").balance()).isEqualTo(1);
        assertThat(ledger.get("LAB").balance()).isEqualTo(-2);
    }

    @Test
    void aRevisionStoredWithABarePartyCodeStillReads() {
        TestMembers.signIn(labour);
        long id = pacts.start(group, "Old form", List.of(ALDERSHOT), null);
        // As revisions were written before unity candidates; revisions cannot be updated, so a new one is added.
        db.insertInto(PACT_REVISION).set(PACT_REVISION.PACT_ID, id).set(PACT_REVISION.NUMBER, 2)
                .set(PACT_REVISION.TERMS, JSONB.valueOf("[{\"onsCode\":\"" + ALDERSHOT
                        + "\",\"constituency\":\"Aldershot\",\"candidate\":\"GRN\",\"stances\":{\"LAB\":\"STANDS_DOWN\"}}]"))
                .set(PACT_REVISION.CONDITIONS, "").set(PACT_REVISION.AUTHOR_ID, labour.id()).set(PACT_REVISION.NOTE, "old").execute();
        db.update(PACT).set(PACT.CURRENT_REVISION, 2).where(PACT.ID.eq(id)).execute();

        SeatTerms seat = pacts.details(id).terms().seats().getFirst();
        assertThat(seat.candidate()).isEqualTo(Candidate.ofParty("GRN"));
        assertThat(seat.stances()).containsExactly(Map.entry("LAB", Stance.STANDS_DOWN));
        // Saving again writes the new form.
        pacts.revise(id, 2, new PactTerms(List.of(seat), ""), "");
        assertThat(db.select(PACT_REVISION.TERMS).from(PACT_REVISION).where(PACT_REVISION.PACT_ID.eq(id)).and(PACT_REVISION.NUMBER.eq(3))
                .fetchOne(PACT_REVISION.TERMS).data()).contains("\"candidate\": {\"party\": \"GRN\"}");
    }
}
