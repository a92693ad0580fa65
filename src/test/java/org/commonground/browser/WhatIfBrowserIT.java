package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonground.election.ElectionService;
import org.commonground.support.Axe;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "what if" page with the real 2024 results (from the shared data folder, not copied here): axe-core finds no
 * serious or critical violation, it fits a 320 px screen, and its form works with JavaScript turned off.
 */
class WhatIfBrowserIT extends BrowserTest {

    private static final Path GE2024 = Path.of("..", "shared", "data", "elections", "HoC-GE2024-results-by-constituency.csv");

    @Autowired
    ElectionService elections;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theWhatIfPageIsAccessibleFitsAPhoneAndWorksWithoutScript() throws Exception {
        TestMembers.signIn(testMembers.registerAdmin("What-if browser admin"));
        elections.importResults("GE2024-whatif", "General election 2024", Files.readAllBytes(GE2024), p -> { });
        TestMembers.signOut();

        // The page's policy forbids scripts; axe-core is one, injected only by the checker.
        try (BrowserContext anyone = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page page = anyone.newPage();
            page.navigate(url("p/what-if"));
            assertThat(page.locator("main h1")).hasText("What if the alliance’s voters backed one candidate?");
            assertThat(Axe.seriousViolations(page)).as("serious or critical accessibility violations").isEmpty();
            page.setViewportSize(320, 800);
            page.waitForTimeout(300);
            int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
            assertThat(width).as("/p/what-if scrolls sideways").isLessThanOrEqualTo(320);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/what-if-320.png")).setFullPage(true));
            page.locator("figure").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/what-if-chart-320.png")));
            page.locator("form.what-if-form fieldset").first()
                    .screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions().setPath(Path.of("target/screenshots/what-if-form-320.png")));

            page.navigate(url("p/what-if?LD-LAB=140"));
            assertThat(page.locator("#problem-LD-LAB")).containsText("140 is more than 100");
            assertThat(Axe.seriousViolations(page)).as("serious or critical accessibility violations with a problem shown").isEmpty();
        }

        try (BrowserContext noScript = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = noScript.newPage();
            page.navigate(url("p/what-if"));
            page.getByLabel("Per cent who vote for the Labour (LAB) candidate").first().fill("0");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Count the seats")).click();
            page.waitForURL(address -> address.contains("LD-LAB=0"));
            assertThat(page.locator("#rate-LD-LAB")).hasValue("0");
            assertThat(page.locator("table.seat-totals")).containsText("The alliance’s parties");
            assertThat(page.locator("svg.seat-chart")).isVisible();
        }
    }
}
