package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.commonground.publishing.Publication;
import org.commonground.publishing.PublishingService;
import org.commonground.support.Agreements;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The public pages on a 320 px phone: the app's header and the footer with the verification address, no sideways
 * scrolling of the page (a wide table scrolls in its own box), and in print only the document, with link addresses.
 */
class PublicPagesBrowserIT extends BrowserTest {

    private static final String WIDE = "# Fares\n\nSee https://example.org/a-very-long-address-that-would-push-the-page-wider-than-any-phone-screen-2027 and [the plan](https://example.org/fares-plan).\n\n"
            + "| Route | Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday | Notes |\n|---|---|---|---|---|---|---|---|---|\n"
            + "| Number 48 across the city | £1.00 | £1.00 | £1.00 | £1.00 | £1.00 | £0.50 | £0.50 | Free for under-eighteens at weekends |\n";

    @Autowired
    Agreements agreements;
    @Autowired
    PublishingService publishing;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void thePublicPagesWearTheAppsIdentityAndFitA320PixelScreen() {
        Agreements.Agreed agreed = agreements.agreedProposal("Fares for a phone", WIDE);
        Publication p = publishing.publishProposal(agreed.proposal());
        TestMembers.signOut();

        try (BrowserContext anyone = browser.newContext()) {
            Page page = anyone.newPage();
            page.setViewportSize(320, 800);
            for (String path : List.of("p", "p/" + p.slug(), "p/verify")) {
                page.navigate(url(path));
                assertThat(page.locator("header.site .brand")).hasText("Common Ground");
                assertThat(page.locator("header.site .brand")).hasAttribute("href", "/p");
                assertThat(page.locator("footer.site")).containsText(publishing.verifyAddress());
                assertThat(page.locator("main h1")).isVisible();
                int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                assertThat(width).as(path + " scrolls sideways").isLessThanOrEqualTo(320);
                assertThat((String) page.evaluate("getComputedStyle(document.body).fontFamily")).as(path).doesNotContain("Serif");
            }

            page.navigate(url("p/" + p.slug()));
            // The wide table is wider than its box and scrolls in it, not the page.
            assertThat((Boolean) page.evaluate("(() => { const t = document.querySelector('table.numbered-table');"
                    + " return t.scrollWidth > t.clientWidth && getComputedStyle(t).overflowX === 'auto'; })()")).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target/screenshots/public-document-320.png")).setFullPage(true));

            page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            assertThat(page.locator("header.site")).isHidden();
            assertThat((String) page.evaluate("getComputedStyle(document.querySelector('main .text a'), '::after').content"))
                    .contains("https://example.org/fares-plan");
            assertThat((String) page.evaluate("getComputedStyle(document.body).backgroundColor")).isIn("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)");
        }
    }
}
