package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
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
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pact wider than {@link TermsEditor#CARDS_UP_TO} seats: the editor shows one seat at a time, chosen by name, and
 * saving changes only the seats changed; the terms table is one piece of HTML that still names every seat.
 */
@IntegrationTest
class WidePactViewTest extends ViewTest {

    @Autowired
    PactService pacts;
    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;

    private static String code(int i) {
        return String.format("E149%05d", i);
    }

    @Test
    void aConvenorChangesOneSeatOfTwentyFiveAndTheOthersStayAsTheyWere() {
        SignedInMember convenor = testMembers.register("Wide chair", "LAB");
        TestMembers.signIn(convenor);
        int seats = TermsEditor.CARDS_UP_TO + 5;
        String lines = String.join("\n", IntStream.rangeClosed(1, seats).mapToObj(i -> "Seat " + i + " (" + code(i) + ")").toList());
        long group = groups.create(new NewGroup("Wide town " + convenor.id(), GroupKind.LOCAL, null, lines));
        testMembers.joined(groups, group, convenor, "Wide green", "GRN");
        TestMembers.signIn(convenor);
        List<String> codes = new ArrayList<>(IntStream.rangeClosed(1, seats).mapToObj(WidePactViewTest::code).toList());
        long id = pacts.start(group, "A wide pact", codes, null);
        List<SeatTerms> before = pacts.details(id).terms().seats();

        navigate(PactView.class, Map.of("pactId", String.valueOf(id)));
        assertThat($view(TermsEditor.class).single().getElement().getOuterHTML()).doesNotContain("cg-seat-terms");
        assertThat($view(Div.class).withClassName("cg-table-scroll").all()).anySatisfy(box -> assertThat(box.getElement().getProperty("innerHTML", ""))
                .contains("Who stands where", "Seat 1", "Seat " + seats));

        // The long parts of a wide pact's page are made when opened, not with the page.
        for (String part : List.of("Evidence: the last result in " + seats + " seats", "Unity candidates chosen by ballot, seat by seat")) {
            Details closed = disclosure(part);
            assertThat(closed.isOpened()).isFalse();
            assertThat(closed.getContent()).as(part).isEmpty();
        }
        Details unity = disclosure("Unity candidates chosen by ballot, seat by seat");
        unity.setOpened(true);
        assertThat(diff(unity)).contains("pacts/" + id + "/unity/" + code(seats));

        @SuppressWarnings("unchecked")
        ComboBox<SeatTerms> choose = $view(ComboBox.class).withCaption("Seat to change").single();
        test(choose).selectItem("Seat 7 (" + code(7) + ")");
        TermsEditor.SeatFields seven = $view(TermsEditor.class).single().seat(code(7));
        assertThat(seven.candidate().isAttached()).as("the chosen seat's fields are shown").isTrue();
        test(seven.candidate()).selectItem("GRN's candidate");
        test(seven.stances().get("LAB")).selectItem(Stance.STANDS_DOWN.label());
        test($view(Button.class).withText("Save as revision 2").single()).click();

        List<SeatTerms> after = pacts.details(id).terms().seats();
        assertThat(after).hasSize(seats);
        assertThat(after.get(6).candidate()).isEqualTo(Candidate.ofParty("GRN"));
        assertThat(after.get(6).stances()).containsEntry("LAB", Stance.STANDS_DOWN);
        for (int i = 0; i < seats; i++) {
            if (i != 6) {
                assertThat(after.get(i)).as("seat %d, never opened", i + 1).isEqualTo(before.get(i));
            }
        }
    }

    @Test
    void theNewestRevisionShowsWhatChangedAndOlderOnesAreDiffedWhenOpened() {
        SignedInMember convenor = testMembers.register("History chair", "LAB");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("History town " + convenor.id(), GroupKind.LOCAL, null, "Seat 1 (" + code(1) + ")"));
        testMembers.joined(groups, group, convenor, "History green", "GRN");
        TestMembers.signIn(convenor);
        long id = pacts.start(group, "A pact with a history", List.of(code(1)), null);
        pacts.revise(id, 1, new PactTerms(List.of(new SeatTerms(code(1), "Seat 1", "LAB", Map.of("GRN", Stance.STANDS_DOWN))), ""), "");
        pacts.revise(id, 2, new PactTerms(List.of(new SeatTerms(code(1), "Seat 1", "GRN", Map.of("LAB", Stance.STANDS_DOWN))), ""), "");

        navigate(PactView.class, Map.of("pactId", String.valueOf(id)));
        Details newest = disclosure("What changed from revision 2");
        Details older = disclosure("What changed from revision 1");
        assertThat(newest.isOpened()).isTrue();
        assertThat(diff(newest)).contains("<ins>", "<del>", "GRN");
        assertThat(older.isOpened()).isFalse();
        assertThat(older.getContent()).as("not diffed until opened").isEmpty();

        older.setOpened(true);
        assertThat(diff(older)).contains("<ins>", "LAB");
    }

    private Details disclosure(String summary) {
        return $view(Details.class).all().stream().filter(d -> summary.equals(d.getSummaryText())).findFirst().orElseThrow();
    }

    private static String diff(Details changes) {
        return changes.getContent().map(c -> c.getElement().getProperty("innerHTML", "")).reduce("", String::concat);
    }
}
