package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.terms.Candidate;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The terms editor's unity candidates and new stances, and contradicting pacts flagged on the pact and seat pages. */
@IntegrationTest
class UnityTermsViewTest extends ViewTest {

    static final String ALDERSHOT = PactServiceTest.ALDERSHOT;

    @Autowired
    PactService pacts;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    SignedInMember convenor;
    long group;

    @BeforeEach
    void aGroupWithGreenAndPlaidMembers() {
        convenor = testMembers.register("Editor chair", "LAB");
        TestMembers.signIn(convenor);
        group = groups.create(new NewGroup("Editor town " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        testMembers.joined(groups, group, convenor, "Editor green", "GRN");
        testMembers.joined(groups, group, convenor, "Editor plaid", "PC");
        TestMembers.signIn(convenor);
    }

    private String text() {
        return getCurrentView().getElement().getTextRecursively();
    }

    @Test
    void aConvenorNamesAnIndependentCandidateAndALateWithdrawalAndThePageSaysSoInWords() {
        long id = pacts.start(group, "Unity in Aldershot", List.of(ALDERSHOT), null);
        navigate(PactView.class, Map.of("pactId", String.valueOf(id)));
        TermsEditor.SeatFields aldershot = $view(TermsEditor.class).single().seat(ALDERSHOT);
        assertThat(aldershot.personName().isVisible()).as("a party's candidate has no name field").isFalse();
        // Plaid Cymru never contests an English seat: "not standing" is all it can be, and it starts so.
        assertThat(aldershot.stances().get("PC").getListDataView().getItems().toList()).containsExactly(TermsEditor.NOT_IN_SEAT, "not standing");
        assertThat(aldershot.stances().get("PC").getValue()).isEqualTo("not standing");
        assertThat(aldershot.candidate().getListDataView().getItems().toList()).doesNotContain("PC").contains(TermsEditor.NAMED_PERSON);

        test(aldershot.candidate()).selectItem(TermsEditor.NAMED_PERSON);
        assertThat(aldershot.personName().isVisible()).isTrue();
        test(aldershot.personName()).setValue("Jane Smith");
        test(aldershot.personParty()).selectItem(TermsEditor.NO_PARTY);
        test(aldershot.stances().get("GRN")).selectItem(Stance.WITHDRAWS_AFTER_NOMINATIONS.label());
        test(aldershot.stances().get("LAB")).selectItem(Stance.STANDS_DOWN.label());
        test($view(Button.class).withText("Save as revision 2").single()).click();

        SeatTerms saved = pacts.details(id).terms().seats().getFirst();
        assertThat(saved.candidate()).isEqualTo(Candidate.independent("Jane Smith"));
        assertThat(saved.stances()).containsEntry("GRN", Stance.WITHDRAWS_AFTER_NOMINATIONS).containsEntry("LAB", Stance.STANDS_DOWN)
                .containsEntry("PC", Stance.NOT_STANDING);
        assertThat(text()).contains("Jane Smith (independent)", "withdraws after nominations closed (still on the ballot paper)", "not standing");

        // A named person of a party: that party's stance is hidden, since it cannot stand down for its own candidate.
        TermsEditor.SeatFields again = $view(TermsEditor.class).single().seat(ALDERSHOT);
        assertThat(again.personName().getValue()).isEqualTo("Jane Smith");
        test(again.personParty()).selectItem("GRN");
        assertThat(again.stances().get("GRN").isVisible()).isFalse();
        test($view(Button.class).withText("Save as revision 3").single()).click();
        SeatTerms greenPerson = pacts.details(id).terms().seats().getFirst();
        assertThat(greenPerson.candidate()).isEqualTo(Candidate.person("Jane Smith", "GRN"));
        assertThat(greenPerson.stances()).doesNotContainKey("GRN");
    }

    @Test
    void aNamedPersonWithNoNameIsRefusedAndWhatWasTypedStays() {
        long id = pacts.start(group, "Nameless", List.of(ALDERSHOT), null);
        navigate(PactView.class, Map.of("pactId", String.valueOf(id)));
        TermsEditor.SeatFields aldershot = $view(TermsEditor.class).single().seat(ALDERSHOT);
        test(aldershot.candidate()).selectItem(TermsEditor.NAMED_PERSON);
        test($view(Button.class).withText("Save as revision 2").single()).click();
        assertThat(text()).contains("In Aldershot, give the alliance candidate's name.");
        assertThat(aldershot.candidate().getValue()).isEqualTo(TermsEditor.NAMED_PERSON);
        assertThat(pacts.details(id).summary().currentRevision()).isEqualTo(1);
    }

    @Test
    void contradictingPactsAreFlaggedOnBothPactPagesAndOnTheSeatPage() {
        long labours = pacts.start(group, "Labour leads", List.of(ALDERSHOT), null);
        pacts.revise(labours, 1, PactConflictsTest.aldershot("LAB", "GRN"), "");
        long greens = pacts.start(group, "Greens lead", List.of(ALDERSHOT), null);
        pacts.revise(greens, 1, PactConflictsTest.aldershot("GRN", "LAB"), "");

        navigate(PactView.class, Map.of("pactId", String.valueOf(labours)));
        assertThat(conflictBox()).contains("Another pact contradicts this one:",
                "In Aldershot, GRN stands down in this pact, but fields the alliance candidate in \"Greens lead\".", "Open \"Greens lead\"");
        navigate(PactView.class, Map.of("pactId", String.valueOf(greens)));
        assertThat(conflictBox()).contains("In Aldershot, LAB stands down in this pact, but fields the alliance candidate in \"Labour leads\".");

        navigate(ConstituencyView.class, Map.of("onsCode", ALDERSHOT));
        assertThat(text()).contains("Alliance candidate: LAB's candidate. GRN stands down.", "Alliance candidate: GRN's candidate. LAB stands down.",
                "Contradicts Greens lead: In Aldershot, GRN stands down", "Contradicts Labour leads: In Aldershot, LAB stands down");
    }

    private String conflictBox() {
        return $view(Div.class).all().stream().filter(d -> d.hasClassName("cg-pact-conflicts")).findFirst()
                .orElseThrow(() -> new AssertionError("No contradiction flagged")).getElement().getTextRecursively();
    }
}
