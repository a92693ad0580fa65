package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.commonground.jooq.Tables.MAIL_OUTBOX;
import static org.commonground.jooq.Tables.USER_CREDENTIALS;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.member.MemberRepository;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Second factors in a real Chromium (issue 17): a passkey made with Chromium's virtual authenticator (through the
 * DevTools protocol) signs its member in after they sign out; an authenticator app's code is the second step after
 * the password, where a wrong code is refused at the field; an admin without a factor is sent to add one.
 */
class SecondFactorBrowserIT extends BrowserTest {

    @Autowired
    MemberRepository memberRepository;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    private static void addVirtualAuthenticator(BrowserContext context, Page page) {
        CDPSession devTools = context.newCDPSession(page);
        devTools.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        JsonObject parameters = new JsonObject();
        parameters.add("options", options);
        devTools.send("WebAuthn.addVirtualAuthenticator", parameters);
    }

    private int mails(String email, String subject) {
        return db.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.RECIPIENT.eq(email).and(MAIL_OUTBOX.SUBJECT.eq(subject)));
    }

    @Test
    void aPasskeyAddedOnTheSecurityPageSignsItsMemberInAfterSigningOut() {
        SignedInMember member = testMembers.register("Pat Passkey", "GRN");
        TestMembers.signOut();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            addVirtualAuthenticator(context, page);
            page.navigate(url("login"));
            signIn(page, member.email());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Security")).click();
            page.waitForURL("**/security");

            textbox(page, "Name of the new passkey").fill("Test laptop");
            page.getByLabel("Your password").fill(TestMembers.PASSWORD);
            button(page, "Add a passkey").click();
            assertThat(page.getByText("Test laptop, added")).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove passkey Test laptop"))).isVisible();
            org.assertj.core.api.Assertions.assertThat(db.fetchCount(USER_CREDENTIALS, USER_CREDENTIALS.LABEL.eq("Test laptop"))).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(mails(member.email(), "A second factor was added to your Common Ground account")).isEqualTo(1);

            // Removing goes through the Security page (password, email); Spring's own delete endpoint stays closed (by an
            // explicit rule, and by Vaadin's refusing addresses that are not its own), and registering another passkey
            // needs the password again; the same headers do reach Spring's passkey sign-in options.
            String credential = db.select(USER_CREDENTIALS.CREDENTIAL_ID).from(USER_CREDENTIALS)
                    .where(USER_CREDENTIALS.LABEL.eq("Test laptop")).fetchOne(USER_CREDENTIALS.CREDENTIAL_ID);
            String call = "async ([method, path]) => (await fetch(path, {method, headers: {"
                    + "[document.querySelector('meta[name=_csrf_header]').content]: document.querySelector('meta[name=_csrf]').content}})).status";
            org.assertj.core.api.Assertions.assertThat(page.evaluate(call, java.util.List.of("POST", "webauthn/authenticate/options"))).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(page.evaluate(call, java.util.List.of("POST", "webauthn/register/options"))).isEqualTo(403);
            org.assertj.core.api.Assertions.assertThat(page.evaluate(call, java.util.List.of("DELETE", "webauthn/register/" + credential))).isEqualTo(403);
            org.assertj.core.api.Assertions.assertThat(db.fetchCount(USER_CREDENTIALS, USER_CREDENTIALS.LABEL.eq("Test laptop"))).isEqualTo(1);

            button(page, "Sign out").click();
            page.waitForURL("**/login");
            button(page, "Sign in with a passkey").click();
            page.waitForURL(u -> !u.contains("/login"));
            assertThat(page.locator(".cg-member-name")).hasText("Pat Passkey");
            org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("second-factor");
        }
    }

    @Test
    void theSecondStepRefusesAWrongCodeAtTheFieldThenTakesTheAppsCode() {
        SignedInMember admin = testMembers.registerAdmin("Two-step admin");
        TestMembers.signOut();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("login"));
            textbox(page, "Email").fill(admin.email());
            textbox(page, "Password").fill(TestMembers.PASSWORD);
            button(page, "Sign in").click();
            page.waitForURL("**/second-factor");
            // The password alone has not signed the session in.
            page.navigate(url("groups"));
            page.waitForURL("**/login");

            textbox(page, "Email").fill(admin.email());
            textbox(page, "Password").fill(TestMembers.PASSWORD);
            button(page, "Sign in").click();
            page.waitForURL("**/second-factor");
            textbox(page, "Code").fill("000000");
            button(page, "Continue").click();
            assertThat(page.getByText("That code did not work")).isVisible();
            org.assertj.core.api.Assertions.assertThat(mails(admin.email(), "A failed sign-in to your Common Ground account")).isEqualTo(1);

            textbox(page, "Code").fill(testMembers.authenticatorCode(admin.id()));
            button(page, "Continue").click();
            page.waitForURL(u -> !u.contains("/second-factor") && !u.contains("/login"));
            assertThat(page.locator(".cg-member-name")).hasText("Two-step admin");
        }
    }

    @Test
    void anAdminWithoutASecondFactorIsSentToAddOne() {
        SignedInMember plain = testMembers.register("Unprotected admin", "NONE");
        memberRepository.makeAdmin(plain.id());
        TestMembers.signOut();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate(url("login"));
            signIn(page, plain.email());
            page.navigate(url("admin/parties"));
            page.waitForURL("**/security");
            assertThat(page.getByText("As an administrator you must protect your account")).isVisible();
        }
    }
}
