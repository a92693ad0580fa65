package org.commonground.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real Chromium (Debian's, never a downloaded one) driving the app's production build on a random port, against
 * this run's fresh database. Missing Chromium fails the test: a skipped browser test would pass for nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.productionMode=true")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public abstract class BrowserTest {

    private static Playwright playwright;
    protected static Browser browser;

    @LocalServerPort
    protected int port;
    @Autowired
    protected DSLContext db;
    @Autowired
    protected TestMembers testMembers;

    @BeforeAll
    static void startBrowser() {
        // A loaded 2-core CI machine can take more than Playwright's default 5 s to show a page.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void registrarIsTheFirstAccount() {
        testMembers.registrarFirst();
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected static Locator textbox(Page page, String label) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    protected static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Registers through the form, then follows the emailed link that verifies the address; the member's party then
     * confirms them (as its organiser would, on "My party").
     */
    protected void register(Page page, String email, String name, String party) {
        registerUnverified(page, email, name, party);
        followVerificationLink(page, email);
        testMembers.confirmParty(email);
    }

    protected void registerUnverified(Page page, String email, String name, String party) {
        page.navigate(url("register"));
        textbox(page, "Email").fill(email);
        textbox(page, "Display name").fill(name);
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Party")).fill(party);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(party)).first().click();
        textbox(page, "Password").fill(TestMembers.PASSWORD);
        button(page, "Create account").click();
        // Signed in at once, and asked to verify the address.
        page.waitForURL("**/verify-email");
    }

    /** Opens the newest verification link mailed to the address, as its owner would from their inbox. */
    protected void followVerificationLink(Page page, String email) {
        page.navigate(url("verify-email?token=" + Mailbox.token(db, email, "verify-email")));
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your address is verified"))).isVisible();
        page.navigate(url("login"));
    }

    protected void signIn(Page page, String email) {
        textbox(page, "Email").fill(email);
        textbox(page, "Password").fill(TestMembers.PASSWORD);
        button(page, "Sign in").click();
        page.waitForURL(u -> !u.contains("/login"));
        // A member with an authenticator app (every test admin) is asked for its code next.
        if (page.url().contains("/second-factor")) {
            textbox(page, "Code").fill(testMembers.authenticatorCode(testMembers.signedIn(email).id()));
            button(page, "Continue").click();
            page.waitForURL(u -> !u.contains("/second-factor"));
        }
    }
}
