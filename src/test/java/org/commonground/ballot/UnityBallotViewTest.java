package org.commonground.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactService;
import org.commonground.pact.PactView;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class UnityBallotViewTest extends ViewTest {

    static final String ALDERSHOT = "E14001063";

    @Autowired
    UnityBallotService unity;
    @Autowired
    PactService pacts;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    SignedInMember convenor;
    SignedInMember green;
    long pact;

    @BeforeEach
    void aPactInNegotiation() {
        convenor = testMembers.register("View convenor", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Unity view town " + convenor.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        green = testMembers.joined(groups, group, convenor, "Green voter", "GRN");
        pact = pacts.start(group, "Aldershot accord", List.of(ALDERSHOT), null);
        Map<String, Stance> stances = new LinkedHashMap<>();
        stances.put("GRN", Stance.STANDS_DOWN);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", stances)), ""), "");
        pacts.openNegotiation(pact);
    }

    private boolean says(String text) {
        return $view(Paragraph.class).all().stream().anyMatch(p -> p.getElement().getTextRecursively().contains(text));
    }

    private Select<?> rankFor(String label) {
        return $view(Select.class).all().stream().filter(s -> label.equals(s.getLabel())).findFirst().orElseThrow();
    }

    @Test
    void aConvenorOpensABallotAMemberRanksByKeyboardAndTheCountIsShownRoundByRoundThenWrittenIntoTheTerms() {
        TestMembers.signIn(convenor);
        navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat($view(Anchor.class).all()).anyMatch(a -> a.getHref().equals("pacts/" + pact + "/unity/" + ALDERSHOT));

        UnitySeatView seat = navigate(UnitySeatView.class, Map.of("pactId", String.valueOf(pact), "ons", ALDERSHOT));
        test(seat.names.get(0)).setValue("Ada Lovelace");
        test($view(Button.class).withText("Open the ballot").single()).click();
        assertThat(seat.candidatesProblem.isVisible()).isTrue();
        assertThat(seat.candidatesProblem.getText()).startsWith("Name at least two candidates");
        assertThat(unity.ofPact(pact)).isEmpty();
        assertThat(seat.names.get(0).getValue()).as("what was typed is kept").isEqualTo("Ada Lovelace");

        test(seat.parties.get(0)).selectItem("Labour");
        test(seat.names.get(1)).setValue("Grace Hopper");
        test(seat.parties.get(1)).selectItem("Green");
        test(seat.names.get(2)).setValue("Mary Seacole");
        test($view(Button.class).withText("Open the ballot").single()).click();
        assertThat(getCurrentView()).isInstanceOf(UnityBallotView.class);
        long ballot = unity.ofPact(pact).getFirst().id();

        TestMembers.signIn(green);
        UnityBallotView view = navigate(UnityBallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        assertThat(view.myStatus.getText()).isEqualTo("You have not voted yet.");
        test(rankFor("Grace Hopper (Green)")).selectItem("1st choice");
        test(rankFor("Ada Lovelace (Labour)")).selectItem("1st choice");
        test($view(Button.class).withText("Record my ranking").single()).click();
        // At the second of the two in ballot-paper order, where the voter reads them.
        assertThat(rankFor("Grace Hopper (Green)").getErrorMessage()).isEqualTo("Ada Lovelace and Grace Hopper are both marked 1: give each choice its own number.");
        assertThat(rankFor("Grace Hopper (Green)").isInvalid()).isTrue();
        assertThat(unity.details(ballot).myMarks()).isEmpty();
        test(rankFor("Ada Lovelace (Labour)")).selectItem("2nd choice");
        test($view(Button.class).withText("Record my ranking").single()).click();
        assertThat(view.myStatus.getText()).isEqualTo("Your ranking is recorded: 1. Grace Hopper, 2. Ada Lovelace.");
        assertThat(String.valueOf(rankFor("Grace Hopper (Green)").getValue())).as("shown again as recorded").isEqualTo("1");

        TestMembers.signIn(convenor);
        navigate(UnityBallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        test(rankFor("Ada Lovelace (Labour)")).selectItem("1st choice");
        test($view(Button.class).withText("Record my ranking").single()).click();
        test($view(Button.class).withText("Withdraw Mary Seacole").single()).click();
        test($(ConfirmDialog.class).last()).confirm();
        assertThat(says("Mary Seacole withdrew on")).isTrue();
        test($view(Button.class).withText("Close the ballot and count").single()).click();
        test($(ConfirmDialog.class).last()).confirm();

        assertThat($view(H4.class).all()).extracting(H4::getText).containsExactly("Round 1: first preferences");
        assertThat(says("Round 1: Ada Lovelace 1 (Labour 1), Grace Hopper 1 (Green 1)")).isTrue();
        assertThat($view(NativeTable.class).single().getElement().getTextRecursively()).contains("from Green").contains("from Labour");
        assertThat(says("are tied on 1 of 2 continuing votes")).isTrue();
        String winner = unity.details(ballot).elected().orElseThrow().name();
        test($view(Button.class).withText("Write " + winner + " into the terms").single()).click();
        assertThat(says(winner + " has been proposed as the alliance candidate in the terms")).isTrue();
        assertThat(pacts.details(pact).amendments()).singleElement().satisfies(a -> assertThat(a.terms().seats().getFirst().candidateInWords())
                .isEqualTo(winner + (winner.equals("Ada Lovelace") ? " (LAB)" : " (GRN)")));
    }

    @Test
    void aMemberOfAnotherGroupFindsNoBallot() {
        TestMembers.signIn(convenor);
        long ballot = unity.open(pact, ALDERSHOT, new UnityBallotSettings(UnityMethod.APPROVAL,
                org.commonground.ballot.rules.ranked.TieBreakRule.LOT, List.of(new NewCandidate("A", null), new NewCandidate("B", null)), null));
        TestMembers.signIn(testMembers.register("Stranger", "GRN"));
        navigate(UnityBallotView.class, Map.of("ballotId", String.valueOf(ballot)));
        assertThat(says("There is no such ballot, or you may not see it.")).isTrue();
        assertThat($view(TextField.class).all()).isEmpty();
    }
}
