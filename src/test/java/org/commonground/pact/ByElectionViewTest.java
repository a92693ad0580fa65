package org.commonground.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Paragraph;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.security.SignedInMember;
import org.commonground.shared.Dates;
import org.commonground.support.IntegrationTest;
import org.commonground.support.TestMembers;
import org.commonground.support.ViewTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A convenor starts a by-election pact on the seat's page; its readers see the deadline on the pact's page. */
@IntegrationTest
class ByElectionViewTest extends ViewTest {

    @Autowired
    GroupService groups;
    @Autowired
    TestMembers testMembers;
    @Autowired
    PactService pacts;
    @Autowired
    org.commonground.election.ElectionService elections;

    SignedInMember convenor;
    SignedInMember green;
    long group;

    @BeforeEach
    void localGroup() {
        // The seat's page shows a seat whose results were imported.
        TestMembers.signIn(testMembers.registerAdmin("Results admin"));
        elections.importResults("BY-VIEW-" + System.nanoTime() % 1_000_000, "Earlier", ("ONS ID,Constituency name,Region name,Country name,Electorate,"
                + "Valid votes,First party,Majority,Lab,Con,All other candidates\n" + PactServiceTest.ALDERSHOT
                + ",Aldershot,South East,England,100,80,Con,5,40,45,0\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), p -> { });
        convenor = testMembers.register("By-election chair", "LAB");
        TestMembers.signIn(convenor);
        group = groups.create(new NewGroup("By-election view town " + convenor.id(), GroupKind.LOCAL, null,
                "Aldershot (" + PactServiceTest.ALDERSHOT + ")"));
        green = testMembers.joined(groups, group, convenor, "Green reader", "GRN");
    }

    @Test
    void aConvenorStartsItOnTheSeatsPageAfterFixingTheDatesAndTheGroupSeesTheDeadline() {
        TestMembers.signIn(convenor);
        navigate(ConstituencyView.class, Map.of("onsCode", PactServiceTest.ALDERSHOT));
        DatePicker pollingDay = $view(DatePicker.class).withCaption("Polling day").single();
        DateTimePicker ratifyBy = $view(DateTimePicker.class).withCaption("Every party to ratify by").single();
        LocalDate polling = LocalDate.now(Dates.ZONE).plusDays(21);

        // No polling day, and a deadline after it: each said at its field, and no pact is made.
        test(ratifyBy).setValue(polling.plusDays(1).atTime(12, 0));
        test($view(Button.class).withText("Start a by-election pact").single()).click();
        assertThat(pollingDay.getErrorMessage()).isEqualTo("Enter the by-election's polling day.");
        assertThat(pacts.inGroup(group)).isEmpty();
        test(pollingDay).setValue(polling);
        test($view(Button.class).withText("Start a by-election pact").single()).click();
        assertThat(pollingDay.isInvalid()).isFalse();
        assertThat(ratifyBy.getErrorMessage()).contains("before polling day");
        assertThat(pacts.inGroup(group)).isEmpty();

        test(ratifyBy).setValue(polling.minusDays(4).atTime(18, 0));
        test($view(Button.class).withText("Start a by-election pact").single()).click();
        long pact = pacts.inGroup(group).getFirst().id();
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("pacts/" + pact);

        TestMembers.signIn(green);
        navigate(PactView.class, Map.of("pactId", String.valueOf(pact)));
        assertThat($view(Paragraph.class).withId("ratification-deadline").single().getText())
                .contains("By-election on ", "Every party is asked to ratify by " + Dates.dayAndTime(polling.minusDays(4).atTime(18, 0).atZone(Dates.ZONE)));
        // A member who convenes nothing is not offered the form.
        navigate(ConstituencyView.class, Map.of("onsCode", PactServiceTest.ALDERSHOT));
        assertThat($view(Button.class).withText("Start a by-election pact").all()).isEmpty();
    }
}
