package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
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
        long pact = pacts.start(group, "Two seats", List.of(PactServiceTest.ALDERSHOT, PactServiceTest.BRISTOL), null);
        pacts.revise(pact, 1, PactServiceTest.reciprocal(), "");
        pacts.openNegotiation(pact);
        ratifying.byRepresentatives(group, pact, labour, labour, green, libDem);
        for (SignedInMember representative : List.of(labour, green, libDem)) {
            TestMembers.signIn(representative);
            ratification.sign(pact, representative.partyCode(), true, "");
        }
        assertThat(pacts.details(pact).state()).isEqualTo(PactState.RATIFIED);

        navigate(LedgerView.class);
        String libDems = section("LD");
        assertThat(libDems).contains("LD: balance 0", "Stood down in 0:", "Paper candidates run for others in 1:", "Aldershot for LAB, in Two seats");
        String labourAccount = section("LAB");
        assertThat(labourAccount).contains("LAB: balance 0", "Stood down in 1:", "Others stood down for it in 1:",
                "Others ran paper candidates for it in 1:", "Aldershot by LD, in Two seats");
    }

    private String section(String party) {
        return $view(Div.class).all().stream().filter(d -> party.equals(d.getElement().getAttribute("data-party")))
                .findFirst().orElseThrow(() -> new AssertionError("No ledger section for " + party))
                .getElement().getTextRecursively();
    }
}
