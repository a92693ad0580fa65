package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactSeatService.Conflict;
import org.commonground.pact.PactSeatService.SeatPact;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.shared.InvalidInputException;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two local groups over Aldershot, each with a pact: Labour's candidate with the Greens standing down in one, the
 * Greens' with Labour standing down in the other. The convenor is in both groups; a Green is only in the second.
 */
@IntegrationTest
class PactConflictsTest {

    static final String ALDERSHOT = PactServiceTest.ALDERSHOT;

    @Autowired
    PactService pacts;
    @Autowired
    PactSeatService seats;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    SignedInMember convenor;
    SignedInMember green;
    long labourPact;
    long greenPact;

    static PactTerms aldershot(String candidate, String other) {
        return new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", candidate, Map.of(other, Stance.STANDS_DOWN))), "");
    }

    @BeforeEach
    void twoPactsOverOneSeat() {
        convenor = testMembers.register("Two-pact convenor", "LAB");
        TestMembers.signIn(convenor);
        long north = groups.create(new NewGroup("North Hants " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        long south = groups.create(new NewGroup("South Hants " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        green = testMembers.joined(groups, south, convenor, "Only-south green", "GRN");
        TestMembers.signIn(convenor);
        labourPact = pacts.start(north, "Labour leads", List.of(ALDERSHOT), null);
        pacts.revise(labourPact, 1, aldershot("LAB", "GRN"), "");
        greenPact = pacts.start(south, "Greens lead", List.of(ALDERSHOT), null);
        pacts.revise(greenPact, 1, aldershot("GRN", "LAB"), "");
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void contradictingPactsAreFlaggedOnBothAndOnTheSeat() {
        TestMembers.signIn(convenor);
        assertThat(seats.conflicts(labourPact)).singleElement().satisfies(c -> {
            assertThat(c.otherPactId()).isEqualTo(greenPact);
            assertThat(c.why()).isEqualTo("In Aldershot, GRN stands down in this pact, but fields the alliance candidate in \"Greens lead\".");
        });
        assertThat(seats.conflicts(greenPact)).extracting(Conflict::otherPactId).containsExactly(labourPact);
        assertThat(seats.inSeat(ALDERSHOT)).hasSize(2).allSatisfy(sp -> assertThat(sp.conflicts()).hasSize(1));
    }

    @Test
    void aReaderIsNeverToldOfAPactTheyMayNotRead() {
        TestMembers.signIn(green);
        assertThat(seats.conflicts(greenPact)).isEmpty();
        assertThat(seats.inSeat(ALDERSHOT)).extracting(sp -> sp.pact().id()).containsExactly(greenPact);
        assertThat(seats.inSeat(ALDERSHOT)).flatExtracting(SeatPact::conflicts).isEmpty();
        assertThatThrownBy(() -> seats.conflicts(labourPact)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCollapsedPactContradictsNothingAndAgreeingTermsDoNot() {
        TestMembers.signIn(convenor);
        pacts.collapse(labourPact, "Talks moved south");
        assertThat(seats.conflicts(greenPact)).isEmpty();
        assertThat(seats.conflicts(labourPact)).isEmpty();
        assertThat(seats.inSeat(ALDERSHOT)).flatExtracting(SeatPact::conflicts).isEmpty();

        // A second pact naming the same candidate agrees, whatever else it says.
        long south = pacts.details(greenPact).summary().groupId();
        long agreeing = pacts.start(south, "Greens lead, Lib Dems too", List.of(ALDERSHOT), null);
        pacts.revise(agreeing, 1, aldershot("GRN", "LD"), "");
        assertThat(seats.conflicts(agreeing)).isEmpty();
    }
}
