package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.commonground.publishing.Publication;
import org.commonground.publishing.PublishingService;
import org.commonground.support.Agreements;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A convenor publishes a ratified pact from the members' workspace; then someone who is not signed in, with
 * JavaScript off, finds it in the public list, reads it, checks its fingerprint and uploads its PDF to verify it.
 */
class PublishingBrowserIT extends BrowserTest {

    @Autowired
    Agreements agreements;
    @Autowired
    PublishingService publishing;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aPublishedPactIsReadableAndVerifiableByAnyoneWithoutJavaScript() throws Exception {
        Agreements.Ratified ratified = agreements.ratifiedPact("Aldershot published pact");
        TestMembers.signOut();

        try (BrowserContext convenorContext = browser.newContext()) {
            Page convenor = convenorContext.newPage();
            convenor.navigate(url("login"));
            signIn(convenor, ratified.convenor().email());
            convenor.navigate(url("pacts/" + ratified.pact()));
            convenor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Publish").setExact(true)).click();
            button(convenor, "Publish").click();
            button(convenor, "Publish now").click();
            assertThat(convenor.getByText("Version 1, published")).isVisible();
        }
        Publication published = publishing.versionsOfPact(ratified.pact()).getFirst();

        try (BrowserContext anyone = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = anyone.newPage();
            page.navigate(url("p"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aldershot published pact")).first().click();
            assertThat(page).hasURL(url("p/" + published.slug()));
            assertThat(page.locator("h1")).hasText("Aldershot published pact");
            assertThat(page.locator("table.terms")).containsText("GRN stands down");
            assertThat(page.locator("table.signatures")).containsText("Pact publishing green: ratified");
            assertThat(page.locator("meta[property='og:title']")).hasAttribute("content", "Aldershot published pact");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verify a document")).first().click();
            page.getByLabel("Fingerprint").fill(published.fingerprint().toUpperCase());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the fingerprint")).click();
            assertThat(page.locator(".verdict")).containsText("Verified.");
            assertThat(page.locator(".verdict")).containsText("Aldershot published pact");

            byte[] pdf = anyone.request().get(url("p/" + published.slug() + ".pdf")).body();
            Path file = Files.createTempFile("published", ".pdf");
            Files.write(file, pdf);
            page.getByLabel("PDF file (at most 20 MB)").setInputFiles(file);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file")).click();
            assertThat(page.locator(".verdict")).containsText("exactly the PDF that was published");
            Files.delete(file);

            // Over the limit: the page says so (through the real server's multipart handling), it does not fail.
            String form = anyone.request().get(url("p/verify")).text();
            String action = form.replaceAll("(?s).*<form class=\"verify\" method=\"post\" action=\"([^\"]*)\".*", "$1").replace("&amp;", "&");
            APIResponse tooLarge = anyone.request().post(url(action.substring(1)), RequestOptions.create().setMultipart(FormData.create()
                    .set("pdf", new FilePayload("big.pdf", "application/pdf", new byte[21 * 1024 * 1024]))));
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.text()).contains("larger than 20 MB");
        }

        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740))) {
            Page page = phone.newPage();
            page.navigate(url("p/" + published.slug()));
            assertThat(page.locator("h1")).isVisible();
            assertThat((Integer) page.evaluate("document.documentElement.scrollWidth")).isLessThanOrEqualTo(360);
        }
    }
}
