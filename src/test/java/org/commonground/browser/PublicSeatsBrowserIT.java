package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.election.ElectionService;
import org.commonground.election.PublicElectionService;
import org.commonground.publishing.Publication;
import org.commonground.publishing.PublishingService;
import org.commonground.security.SignedInMember;
import org.commonground.support.Agreements;
import org.commonground.support.Axe;
import org.commonground.support.BrowserTest;
import org.commonground.support.SampleSeats;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A voter on a 320 px phone, without JavaScript: from the published documents to the seat search, to their
 * constituency's page and the pact published for it. The same pages are then checked by axe-core.
 */
class PublicSeatsBrowserIT extends BrowserTest {

    @Autowired
    ElectionService elections;
    @Autowired
    PublicElectionService publicElection;
    @Autowired
    PublishingService publishing;
    @Autowired
    Agreements agreements;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void searchThenSeatThenThePublishedDocumentWithoutScriptAt320Pixels() throws Exception {
        SignedInMember admin = testMembers.registerAdmin("Seats browser admin");
        TestMembers.signIn(admin);
        long election = elections.importResults("SEATS-IT", "Sample general election", SampleSeats.bytes(), p -> { }).id();
        publicElection.choose(election, "LAB,LD,GRN,PC");
        String title = "Aldershot pact for the browser " + System.nanoTime();
        Agreements.Ratified ratified = agreements.ratifiedPact(title);
        Publication published = publishing.publishPact(ratified.pact());
        TestMembers.signOut();

        try (BrowserContext voter = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = voter.newPage();
            page.setViewportSize(320, 800);
            page.navigate(url("p"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Find your constituency")).click();
            assertThat(page.locator("main h1")).hasText("Find your constituency");
            page.getByLabel("Constituency name or ONS code").fill("  ALDERSHOT ");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/p/seats\\?q=.*ALDERSHOT.*"));
            assertThat(page.locator("main h2")).hasText("1 constituency found");
            fitsWithoutSideways(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aldershot")).click();

            assertThat(page).hasURL(url("p/seats/E14001063"));
            assertThat(page.locator("main h1")).hasText("Aldershot");
            assertThat(page.locator(".reasoning")).hasText("Labour came second with 15,000 votes; the alliance parties together had 23,000 against "
                    + "the winner's 18,000. Together they out-polled the winner, so Labour is the candidate best placed to win it.");
            assertThat(page.locator("svg.votes-chart text").first()).hasText("Conservative: 18,000 (40.0%), won");
            // Other tests publish pacts over Aldershot too: this one's section is found by its title.
            Locator pact = page.locator("section.pact").filter(new Locator.FilterOptions().setHasText(title));
            assertThat(pact.locator("h3")).hasText(title);
            assertThat(pact).containsText("stands down");
            assertThat(pact.locator(".fingerprint")).hasText(published.fingerprint());
            fitsWithoutSideways(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/public-seat-320.png")).setFullPage(true));

            pact.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Read the published pact")).click();
            assertThat(page).hasURL(url("p/" + published.slug()));
            assertThat(page.locator("main h1")).hasText(title);
        }

        // axe-core runs as a script, which the public pages' policy rightly refuses: this context lets it through.
        try (BrowserContext checker = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page page = checker.newPage();
            page.setViewportSize(320, 800);
            for (String path : java.util.List.of("p/seats", "p/seats?q=bristol", "p/seats/E14001063", "p/seats/E14001131", "p/seats/E99999999")) {
                page.navigate(url(path));
                assertThat(Axe.seriousViolations(page)).as(path).isEmpty();
            }
        }
    }

    private static void fitsWithoutSideways(Page page) {
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(width).as(page.url() + " scrolls sideways").isLessThanOrEqualTo(320);
    }
}
