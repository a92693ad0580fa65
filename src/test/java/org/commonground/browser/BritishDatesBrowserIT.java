package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A browser set to US English still gets British dates: the date picker reads and writes day/month/year. */
class BritishDatesBrowserIT extends BrowserTest {

    @Autowired
    GroupService groups;
    @Autowired
    ProposalService proposals;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aUsBrowsersDatePickerTakesAndShowsDayMonthYear() {
        SignedInMember convenor = testMembers.register("Dora Dates", "GRN");
        TestMembers.signIn(convenor);
        long group = groups.create(new NewGroup("Date town " + convenor.id(), GroupKind.ALLIANCE, null, null));
        long proposal = proposals.create(group, new ProposalDraft("Dated motion", "", "We agree.", ""));
        proposals.move(proposal, ProposalState.DISCUSSION);
        proposals.move(proposal, ProposalState.VOTING);
        TestMembers.signOut();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = context.newPage();
            page.navigate(url("login"));
            signIn(page, convenor.email());
            page.navigate(url("proposals/" + proposal + "/ballots"));
            Locator date = page.locator("vaadin-date-time-picker input").first();
            Locator time = page.locator("vaadin-date-time-picker input").nth(1);
            // 25/09/2099 is no date at all to a US picker (there is no 25th month), and 18:00 is 6:00 PM to it.
            // Enter commits what was typed and closes the picker's dropdown.
            date.fill("25/09/2099");
            date.press("Enter");
            time.fill("18:00");
            time.press("Enter");
            assertThat(date).hasValue("25/09/2099");
            assertThat(time).hasValue("18:00");
            button(page, "Open ballot").click();
            assertThat(page.getByText("until 25 September 2099, 18:00", new Page.GetByTextOptions().setExact(false))).isVisible();
        }
    }
}
