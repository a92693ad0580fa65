package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A local group chooses Aldershot's unity candidate by a ranked ballot: the convenor opens it from the pact's seat,
 * two members number their choices, the convenor withdraws a candidate and closes it, the count is shown round by
 * round, and the winner is written into the terms as an amendment, which the convenor accepts.
 */
class UnityBallotBrowserIT extends BrowserTest {

    static final String ALDERSHOT = "E14001063";

    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static void choose(Page page, String select, String option) {
        // The label and the items are both light DOM of the select; looking for the item inside the select
        // just clicked keeps a neighbour whose overlay is still closing from answering too.
        Locator field = page.locator("vaadin-select:has(label:text-is(\"" + select + "\"))");
        field.click();
        field.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(option).setExact(true)).click();
    }

    @Test
    void aRankedBallotIsRunAndItsWinnerWrittenIntoTheTerms() {
        SignedInMember labour = testMembers.register("Una Unity", "LAB");
        TestMembers.signIn(labour);
        long group = groups.create(new NewGroup("Unity hall " + labour.id(), GroupKind.LOCAL, null, "Aldershot (" + ALDERSHOT + ")"));
        SignedInMember green = testMembers.joined(groups, group, labour, "Gwen Green", "GRN");
        TestMembers.signIn(labour);
        long pact = pacts.start(group, "Aldershot unity pact", List.of(ALDERSHOT), null);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(ALDERSHOT, "Aldershot", "LAB", Map.of("GRN", Stance.STANDS_DOWN))), ""), "");
        pacts.openNegotiation(pact);
        TestMembers.signOut();

        try (BrowserContext unaContext = browser.newContext(); BrowserContext gwenContext = browser.newContext()) {
            Page una = unaContext.newPage();
            una.navigate(url("login"));
            signIn(una, labour.email());
            una.navigate(url("pacts/" + pact));
            una.locator("a[href='pacts/" + pact + "/unity/" + ALDERSHOT + "']").click();
            una.waitForURL("**/pacts/" + pact + "/unity/" + ALDERSHOT);
            textbox(una, "Candidate 1").fill("Ada Lovelace");
            choose(una, "Candidate 1's party", "Labour");
            textbox(una, "Candidate 2").fill("Grace Hopper");
            choose(una, "Candidate 2's party", "Green");
            textbox(una, "Candidate 3").fill("Mary Seacole");
            button(una, "Open the ballot").click();
            una.waitForURL(u -> u.matches(".*/unity/\\d+$"));
            String ballotUrl = una.url();
            choose(una, "Grace Hopper (Green)", "1st choice");
            choose(una, "Ada Lovelace (Labour)", "2nd choice");
            button(una, "Record my ranking").click();
            assertThat(una.getByText("Your ranking is recorded: 1. Grace Hopper, 2. Ada Lovelace.")).isVisible();

            Page gwen = gwenContext.newPage();
            gwen.navigate(url("login"));
            signIn(gwen, green.email());
            gwen.navigate(ballotUrl);
            choose(gwen, "Mary Seacole (no party)", "1st choice");
            choose(gwen, "Grace Hopper (Green)", "1st choice");
            button(gwen, "Record my ranking").click();
            assertThat(gwen.getByText("Grace Hopper and Mary Seacole are both marked 1: give each choice its own number.")).isVisible();
            choose(gwen, "Grace Hopper (Green)", "2nd choice");
            button(gwen, "Record my ranking").click();
            assertThat(gwen.getByText("Your ranking is recorded: 1. Mary Seacole, 2. Grace Hopper.")).isVisible();

            una.reload();
            button(una, "Withdraw Mary Seacole").click();
            button(una, "Yes, withdraw Mary Seacole").click();
            assertThat(una.getByText("Mary Seacole withdrew on")).isVisible();
            button(una, "Close the ballot and count").click();
            button(una, "Close and count").click();
            assertThat(una.getByText("Grace Hopper is elected in round 1 with 2 of 2 continuing votes.").first()).isVisible();
            assertThat(una.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Round 1: first preferences"))).isVisible();
            assertThat(una.locator("table.cg-stacked")).containsText("from Green");

            button(una, "Write Grace Hopper into the terms").click();
            assertThat(una.getByText("Grace Hopper has been proposed as the alliance candidate in the terms")).isVisible();
            una.navigate(url("pacts/" + pact));
            button(una, "Accept A1").click();
            button(una, "Accept A1 into the terms").click();
            assertThat(una.locator("table.cg-stacked").first()).containsText("Grace Hopper (GRN)");
        }
    }
}
