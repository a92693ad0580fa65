package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.commonground.support.TestDatabaseInitializer;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real Chromium drives the production build: two people register, one creates a local group, the other asks to
 * join, and the first approves the request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class SignUpAndJoinGroupBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The browser test needs Debian's Chromium at " + CHROMIUM + " (apt-get install chromium).");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private static com.microsoft.playwright.Locator textbox(Page page, String label) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    private void register(Page page, String email, String name, String party) {
        page.navigate(url("register"));
        textbox(page, "Email").fill(email);
        textbox(page, "Display name").fill(name);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Party")).fill(party);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(party)).first().click();
        textbox(page, "Password").fill(TestMembers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        page.waitForURL("**/login");
    }

    private void signIn(Page page, String email) {
        textbox(page, "Email").fill(email);
        textbox(page, "Password").fill(TestMembers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !u.contains("/login"));
    }

    private static Optional<String> sessionId(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map((Cookie c) -> c.value).findFirst();
    }

    @Test
    void registerSignInCreateAGroupAndApproveAJoinRequest() {
        String chairEmail = TestMembers.uniqueEmail("Chair");
        String joinerEmail = TestMembers.uniqueEmail("Joiner");
        String groupName = "Bristol Together " + System.nanoTime();

        try (BrowserContext chairContext = browser.newContext(); BrowserContext joinerContext = browser.newContext()) {
            Page chair = chairContext.newPage();
            register(chair, chairEmail, "Chloe Chair", "Green");
            Optional<String> sessionBefore = sessionId(chairContext);
            signIn(chair, chairEmail);
            assertThat(sessionId(chairContext)).as("a new session id after sign-in").isPresent().isNotEqualTo(sessionBefore);
            assertThat(chair.locator(".cg-party-marker").first()).hasText("GRN");

            chair.navigate(url("groups/new"));
            textbox(chair, "Name").fill(groupName);
            textbox(chair, "Constituencies").fill("Bristol Central (E14001131)\nBristol East (E14001132)");
            chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create group")).click();
            assertThat(chair.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(groupName))).isVisible();
            assertThat(chair.getByText("Bristol Central (E14001131)")).isVisible();
            String groupUrl = chair.url();

            Page joiner = joinerContext.newPage();
            register(joiner, joinerEmail, "Jo Joiner", "Labour");
            signIn(joiner, joinerEmail);
            joiner.navigate(url("groups/browse"));

            textbox(joiner, "Filter groups").fill(groupName);
            joiner.locator(".cg-card", new Page.LocatorOptions().setHasText(groupName))
                    .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Ask to join")).click();
            assertThat(joiner.locator(".cg-card", new Page.LocatorOptions().setHasText(groupName))).containsText("Request pending");

            chair.navigate(groupUrl);
            assertThat(chair.getByText("Requests to join (1)")).isVisible();
            chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(chair.getByText("Members (2)")).isVisible();
            assertThat(chair.locator(".cg-person", new Page.LocatorOptions().setHasText("Jo Joiner"))).containsText("LAB");

            joiner.navigate(url("groups"));
            assertThat(joiner.locator(".cg-card", new Page.LocatorOptions().setHasText(groupName))).containsText("Member");

            chair.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            chair.waitForURL("**/login");
            chair.navigate(groupUrl);
            chair.waitForURL("**/login");
        }
    }
}
