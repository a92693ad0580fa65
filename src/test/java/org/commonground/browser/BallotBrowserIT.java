package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;

/**
 * A convenor opens a ballot; a second member's vote appears on the convenor's open page without a reload (Push);
 * the convenor closes it and sees the result.
 */
class BallotBrowserIT extends BrowserTest {

    @Test
    void aVoteAppearsLiveOnAnotherMembersPageAndTheCloseRecordsTheOutcome() {
        String chairEmail = TestMembers.uniqueEmail("Chair");
        String voterEmail = TestMembers.uniqueEmail("Voter");
        String groupName = "Vote hall " + System.nanoTime();
        try (BrowserContext chairContext = browser.newContext(); BrowserContext voterContext = browser.newContext()) {
            Page chair = chairContext.newPage();
            register(chair, chairEmail, "Cara Chair", "Labour");
            signIn(chair, chairEmail);
            chair.navigate(url("groups/new"));
            textbox(chair, "Name").fill(groupName);
            chair.getByText("Alliance: a national cross-party body").click();
            button(chair, "Create group").click();
            chair.waitForURL(u -> u.matches(".*/groups/\\d+$"));
            String groupUrl = chair.url();

            Page voter = voterContext.newPage();
            register(voter, voterEmail, "Vic Voter", "Green");
            signIn(voter, voterEmail);
            voter.navigate(groupUrl);
            button(voter, "Ask to join").click();
            assertThat(voter.getByText("Your request to join is waiting")).isVisible();

            chair.navigate(groupUrl);
            button(chair, "Approve").click();
            assertThat(button(chair, "Approve")).hasCount(0);
            chair.navigate(groupUrl + "/proposals");
            button(chair, "New proposal").click();
            textbox(chair, "Title").fill("Votes at 16");
            textbox(chair, "Text (Markdown)").fill("Everyone aged 16 or over may vote in every election.");
            button(chair, "Save draft").click();
            button(chair, "Open for discussion").click();
            assertThat(chair.getByText("In discussion since")).isVisible();
            button(chair, "Move to voting").click();
            button(chair, "Move it to voting").click();
            assertThat(chair.getByText("Voting since")).isVisible();
            button(chair, "Ballots").click();
            button(chair, "Open ballot").click();
            button(chair, "Open the ballot").click();
            assertThat(chair.getByText("2 members may vote: GRN 1, LAB 1.")).isVisible();
            chair.waitForURL(u -> u.matches(".*/ballots/\\d+$"));
            String ballotUrl = chair.url();
            button(chair, "For").click();
            assertThat(chair.getByText("Turnout so far: 1 of 2")).isVisible();

            voter.navigate(ballotUrl);
            textbox(voter, "Reason (optional)").fill("Young people live longest with the result.");
            button(voter, "For").click();
            assertThat(voter.getByText("Your vote: For")).isVisible();

            // No reload: Push brings the second vote to the convenor's page.
            assertThat(chair.getByText("Turnout so far: 2 of 2")).isVisible(
                    new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(5_000));
            assertThat(chair.getByText("Vic Voter: For")).isVisible();

            String votersBellBefore = voter.locator(".cg-bell").getAttribute("aria-label");
            button(chair, "Close ballot now").click();
            button(chair, "Close ballot").click();
            assertThat(chair.locator(".cg-result > .cg-badge")).hasText("Passed");
            assertThat(chair.locator(".cg-result-explanation")).containsText("The ballot passed.");
            assertThat(chair.locator(".cg-result-table")).containsText("Consents");
            chair.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/ballot-result.png")).setFullPage(true));
            assertThat(chair.locator("svg.cg-chart")).isVisible();

            // The close is told to its electors after it commits; the voter's bell counts it without a reload.
            assertThat(voter.locator(".cg-bell")).not().hasAttribute("aria-label", votersBellBefore);
            voter.locator(".cg-bell").click();
            assertThat(voter.getByText("The ballot on the text of \u201cVotes at 16\u201d closed: passed")).isVisible();
        }
    }
}
