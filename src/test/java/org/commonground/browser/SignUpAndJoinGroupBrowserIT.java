package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.commonground.support.BrowserTest;
import org.commonground.support.Mailbox;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.Test;

/**
 * Two people register (one verifying her address from the page she is held on until she does), one creates a local
 * group, the other asks to join, and the first approves the request.
 */
class SignUpAndJoinGroupBrowserIT extends BrowserTest {

    private static Optional<String> sessionId(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map((Cookie c) -> c.value).findFirst();
    }

    @Test
    void theSignInPageWearsTheAppsOwnStylesheetForSomeoneSignedOut() {
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("login"));
            assertThat(button(page, "Sign in")).isVisible();
            // Only commonground.css sets the accent (Lumo's own primary colour is blue), and it must reach a visitor.
            String accent = (String) page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--cg-accent').trim()");
            assertThat(accent).isEqualTo("#0b6e4f");
            assertThat(button(page, "Sign in")).hasCSS("background-color", "rgb(11, 110, 79)");
        }
    }

    @Test
    void registerSignInCreateAGroupAndApproveAJoinRequest() {
        String chairEmail = TestMembers.uniqueEmail("Chair");
        String joinerEmail = TestMembers.uniqueEmail("Joiner");
        String groupName = "Bristol Together " + System.nanoTime();

        try (BrowserContext chairContext = browser.newContext(); BrowserContext joinerContext = browser.newContext()) {
            Page chair = chairContext.newPage();
            chair.navigate(url("register"));
            Optional<String> sessionBefore = sessionId(chairContext);
            // Registering signs the newcomer in straight away, in a new session.
            registerUnverified(chair, chairEmail, "Chloe Chair", "Green");
            assertThat(sessionId(chairContext)).as("a new session id after sign-in").isPresent().isNotEqualTo(sessionBefore);
            // Until the emailed link is followed, every page says how to verify the address, and sends it again.
            assertThat(chair.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your inbox"))).isVisible();
            assertThat(chair.getByText("We sent a link to " + chairEmail)).isVisible();
            chair.navigate(url("groups/new"));
            assertThat(chair.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your inbox"))).isVisible();
            button(chair, "Send the link again").click();
            assertThat(chair.getByText("less than a minute ago")).isVisible();
            chair.navigate(url("verify-email?token=" + Mailbox.token(db, chairEmail, "verify-email")));
            assertThat(chair.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your address is verified"))).isVisible();
            chair.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue to Common Ground")).click();
            assertThat(chair.locator(".cg-party-marker").first()).hasText("GRN");

            chair.navigate(url("groups/new"));
            textbox(chair, "Name").fill(groupName);
            textbox(chair, "Constituencies").fill("Bristol Central (E14001131)\nBristol East (E14001132)");
            button(chair, "Create group").click();
            assertThat(chair.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(groupName))).isVisible();
            assertThat(chair.getByText("Bristol Central (E14001131)")).isVisible();
            // The address changes just after the page does; wait for it before keeping it.
            chair.waitForURL(u -> u.matches(".*/groups/\\d+$"));
            String groupUrl = chair.url();

            Page joiner = joinerContext.newPage();
            register(joiner, joinerEmail, "Jo Joiner", "Labour");
            signIn(joiner, joinerEmail);
            joiner.navigate(url("groups/browse"));

            textbox(joiner, "Filter groups").fill(groupName);
            joiner.locator(".cg-card", new Page.LocatorOptions().setHasText(groupName))
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ask to join")).click();
            assertThat(joiner.locator(".cg-card", new Page.LocatorOptions().setHasText(groupName))).containsText("Request pending");

            chair.navigate(groupUrl);
            assertThat(chair.getByText("Requests to join (1)")).isVisible();
            button(chair, "Approve").click();
            assertThat(chair.getByText("Members (2)")).isVisible();
            assertThat(chair.locator(".cg-person", new Page.LocatorOptions().setHasText("Jo Joiner"))).containsText("LAB");

            joiner.navigate(url("groups"));
            assertThat(joiner.locator(".cg-card", new Page.LocatorOptions().setHasText(groupName))).containsText("Member");

            button(chair, "Sign out").click();
            chair.waitForURL("**/login");
            chair.navigate(groupUrl);
            chair.waitForURL("**/login");
        }
    }
}
