package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.support.Agreements;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A convenor downloads the group's record from the group page, signed in as in any browser. */
class GroupRecordBrowserIT extends BrowserTest {

    @Autowired
    Agreements agreements;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theGroupPageOffersItsConvenorTheRecordAsAJsonFile() throws Exception {
        Agreements.Ratified ratified = agreements.ratifiedPact("Aldershot recorded pact");
        TestMembers.signOut();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true))) {
            Page page = context.newPage();
            page.navigate(url("login"));
            signIn(page, ratified.convenor().email());
            page.navigate(url("groups/" + ratified.group()));
            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Export record (JSON)").setExact(true)).click());
            assertThat(download.suggestedFilename()).matches("pact-publishing-town-\\d+-record-\\d{4}-\\d{2}-\\d{2}\\.json");
            String json = Files.readString(download.path(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"format\" : \"common-ground-group-record\"", "Aldershot recorded pact", ratified.green().displayName())
                    .doesNotContain(ratified.green().email());
        }
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("login"));
            signIn(page, ratified.green().email());
            page.navigate(url("groups/" + ratified.group()));
            page.getByText("Members (").waitFor();
            assertThat(page.getByText("Export record (JSON)").count()).isZero();
        }
    }
}
