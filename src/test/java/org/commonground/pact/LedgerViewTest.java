package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.Ratifying;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class LedgerViewTest extends ViewTest {

    @Autowired
    PactService pacts;
    @Autowired
    PactRatificationService ratification;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    Ratifying ratifying;

    /** The reciprocal two-seat pact, ratified: in Aldershot the Lib Dems run a paper candidate for Labour's. */
    @Test
    void aPartyRunningAPaperCandidateForAnotherIsShownApartFromStandDowns() {
        SignedInMember labour = testMembers.register("Ledger chair", "LAB");
        TestMembers.signIn(labour);
        long group = groups.create(new NewGroup("Ledger town " + labour.id(), GroupKind.LOCAL, null,
                "Aldershot (" + PactServiceTest.ALDERSHOT + ")\nBristol Central (" + PactServiceTest.BRISTOL + ")"));
        SignedInMember green = testMembers.joined(groups, group, labour, "Ledger green", "GRN");
        SignedInMember libDem = testMembers.joined(groups, group, labour, "Ledger lib dem", "LD");
        long pact = PactServiceTest.negotiatedPact(pacts, labour, group);
        ratifying.byRepresentatives(group, pact, labour, labour, green, libDem);
        for (SignedInMember representative : List.of(labour, green, libDem)) {
            TestMembers.signIn(representative);
            ratification.sign(pact, representative.partyCode(), true, "");
        }
        assertThat(pacts.details(pact).state()).isEqualTo(PactState.RATIFIED);

        navigate(LedgerView.class);
        String libDems = section("LD");
        assertThat(libDems).contains("LD: balance 0", "Stood down in no seats.", "Ran a paper candidate for others in 1 seat:", "Aldershot for LAB, in Two-seat pact");
        String labourAccount = section("LAB");
        assertThat(labourAccount).contains("LAB: balance 0", "Stood down in 1 seat:", "Others stood down for it in 1 seat:",
                "Others ran a paper candidate for it in 1 seat:", "Aldershot by LD, in Two-seat pact");
    }

    /** Aldershot: an independent, Labour standing down and the Greens' candidate withdrawing late; Plaid Cymru never stands there. */
    @Test
    void aLateWithdrawalIsListedApartAndAStandDownForAnIndependentIsNoPartysGain() {
        SignedInMember labour = testMembers.register("Ledger unity chair", "LAB");
        TestMembers.signIn(labour);
        long group = groups.create(new NewGroup("Ledger unity town " + labour.id(), GroupKind.LOCAL, null, "Aldershot (" + PactServiceTest.ALDERSHOT + ")"));
        SignedInMember green = testMembers.joined(groups, group, labour, "Ledger unity green", "GRN");
        TestMembers.signIn(labour);
        long pact = pacts.start(group, "Unity pact", List.of(PactServiceTest.ALDERSHOT), null);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(PactServiceTest.ALDERSHOT, "Aldershot", Candidate.independent("Jane Smith"),
                Map.of("LAB", Stance.STANDS_DOWN, "GRN", Stance.WITHDRAWS_AFTER_NOMINATIONS, "PC", Stance.NOT_STANDING))), ""), "");
        pacts.openNegotiation(pact);
        ratifying.byRepresentatives(group, pact, labour, labour, green);
        for (SignedInMember representative : List.of(labour, green)) {
            TestMembers.signIn(representative);
            ratification.sign(pact, representative.partyCode(), true, "");
        }

        navigate(LedgerView.class);
        assertThat(section("LAB")).contains("LAB: balance -1", "Stood down in 1 seat:", "Aldershot for Jane Smith (independent), in Unity pact");
        assertThat(section("GRN")).contains("GRN: balance 0", "Stood down in no seats.",
                "Its candidate withdrew after nominations closed (still on the ballot paper) for others in 1 seat:",
                "Aldershot for Jane Smith (independent), in Unity pact");
        assertThat($view(Div.class).all()).noneMatch(d -> "PC".equals(d.getElement().getAttribute("data-party")));
    }

    private String section(String party) {
        return $view(Div.class).all().stream().filter(d -> party.equals(d.getElement().getAttribute("data-party")))
                .findFirst().orElseThrow(() -> new AssertionError("No ledger section for " + party))
                .getElement().getTextRecursively();
    }
}
