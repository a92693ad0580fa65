package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An admin uploads the real GE2024 results file, imports it in the background (progress bar, then a message through
 * Push), and opens its seat analysis; a broken file is refused with the line named, where the file was chosen.
 */
class ElectionImportBrowserIT extends BrowserTest {

    static final Path RESULTS = Path.of("..", "shared", "data", "elections", "HoC-GE2024-results-by-constituency.csv");


    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void anAdminImportsResultsThroughTheUploadAndSeesTheAnalysis() throws Exception {
        SignedInMember admin = testMembers.registerAdmin("Upload admin");
        TestMembers.signOut();
        Path broken = java.nio.file.Files.createTempFile("broken", ".csv");
        java.nio.file.Files.writeString(broken, "ONS ID,Constituency name,Region name,Country name,Electorate,Valid votes,First party,Lab\n"
                + "E14000001,One,North,England,100,80,Lab,45\nE14000002,Two,North,England,100,80,Lab,lots\n");
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("login"));
            signIn(page, admin.email());
            page.navigate(url("elections"));

            textbox(page, "Election code").fill("UPLOAD24");
            textbox(page, "Election name").fill("Uploaded 2024");
            page.locator("vaadin-upload").first().locator("input[type=file]").setInputFiles(broken);
            assertThat(page.locator("vaadin-upload-file").first()).hasAttribute("complete", "");
            button(page, "Import results").click();
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT).first()).containsText("Line 3");

            page.locator("vaadin-upload").first().locator("input[type=file]").setInputFiles(RESULTS);
            // The refused file left the list, so another can be chosen.
            assertThat(page.locator("vaadin-upload-file")).hasCount(1);
            assertThat(page.locator("vaadin-upload-file").first()).hasAttribute("complete", "");
            button(page, "Import results").click();
            assertThat(page.getByText("Imported 650 constituencies for Uploaded 2024.")).isVisible();

            // The election's card; the public pages' election choice on the same page names it too.
            page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Uploaded 2024 (UPLOAD24)")).click();
            page.waitForURL(u -> u.matches(".*/elections/\\d+$"));
            assertThat(page.locator(".cg-summary")).containsText("target seats of 650");
        }
    }
}
