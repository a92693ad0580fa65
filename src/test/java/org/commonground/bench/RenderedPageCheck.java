package org.commonground.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.support.Chromium;

/**
 * Opens a running Common Ground's sign-in page in Debian's Chromium, as a new user would, and checks that it
 * rendered with the app's own stylesheet; with demo credentials it also signs in and finds the demo groups.
 * Prints one line and exits 1 when the page is not what a member should see. Used by {@code bench/run-fresh-machine}.
 *
 * <p>Arguments: base address, expected value of the stylesheet's {@code --cg-accent}, then optionally an email and
 * password to sign in with.
 */
public final class RenderedPageCheck {

    private RenderedPageCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: RenderedPageCheck BASE_URL EXPECTED_ACCENT [EMAIL PASSWORD]");
            System.exit(2);
        }
        String problem = check(args[0].replaceAll("/$", ""), args[1], args.length == 4 ? args[2] : null, args.length == 4 ? args[3] : null);
        if (problem != null) {
            System.err.println("FAILED: " + problem);
            System.exit(1);
        }
        System.out.println("OK: " + args[0] + " rendered the sign-in page with accent " + args[1] + (args.length == 4 ? ", and the demo signed in" : ""));
    }

    private static String check(String base, String expectedAccent, String email, String password) {
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage();
            page.setDefaultTimeout(120_000);
            page.navigate(base + "/login");
            Locator signIn = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true));
            try {
                signIn.waitFor();
            } catch (RuntimeException notRendered) {
                return "no Sign in button within 120 s; the page said: " + page.locator("body").innerText().strip();
            }
            String accent = (String) page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--cg-accent').trim()");
            if (!expectedAccent.equalsIgnoreCase(accent)) {
                return "the sign-in page's --cg-accent is '" + accent + "', not '" + expectedAccent + "': the app's stylesheet is missing or stale";
            }
            if (email == null) {
                return null;
            }
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email").setExact(true)).fill(email);
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password").setExact(true)).fill(password);
            signIn.click();
            page.waitForURL(url -> !url.contains("/login"));
            page.navigate(base + "/groups");
            try {
                page.getByText("Bristol Progressives").first().waitFor();
            } catch (RuntimeException noDemo) {
                return "signed in as " + email + ", but the groups page does not list the demo's Bristol Progressives: " + page.locator("body").innerText().strip();
            }
            return null;
        }
    }
}
