package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonground.election.ElectionService;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.Ratifying;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two parties' representatives have a pact open; one signs and the other's page shows it without a reload. Then
 * the hexagon map is used with the keyboard alone: Tab moves between constituencies, Enter opens one.
 */
class PactAndSeatsBrowserIT extends BrowserTest {

    static final Path DATA = Path.of("..", "shared", "data");

    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    Ratifying ratifying;
    @Autowired
    ElectionService elections;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void aSignatureShowsLiveOnTheOtherPartysPageAndTheMapWorksWithTheKeyboard() throws Exception {
        TestMembers.signIn(testMembers.registerAdmin("Map admin"));
        long election = elections.importResults("IT2024", "Browser test 2024",
                Files.readAllBytes(DATA.resolve("elections/HoC-GE2024-results-by-constituency.csv")), p -> { }).id();
        elections.importHexMap(Files.readAllBytes(DATA.resolve("boundaries/uk-constituencies-2024.hexjson")));

        SignedInMember labour = testMembers.register("Lena Labour", "LAB");
        TestMembers.signIn(labour);
        long group = groups.create(new NewGroup("Pact street " + labour.id(), GroupKind.LOCAL, null, "Aldershot (E14001063)"));
        SignedInMember libDem = testMembers.register("Lars LibDem", "LD");
        TestMembers.signIn(libDem);
        groups.requestToJoin(group);
        TestMembers.signIn(labour);
        groups.approve(group, libDem.id());
        long pact = pacts.start(group, "Aldershot pact", List.of("E14001063"), election);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms("E14001063", "Aldershot", "LAB", Map.of("LD", Stance.STANDS_DOWN))), ""), "");
        pacts.openNegotiation(pact);
        ratifying.byRepresentatives(group, pact, labour, labour, libDem);
        TestMembers.signOut();

        try (BrowserContext lenaContext = browser.newContext(); BrowserContext larsContext = browser.newContext()) {
            Page lars = larsContext.newPage();
            lars.navigate(url("login"));
            signIn(lars, libDem.email());
            lars.navigate(url("pacts/" + pact));
            assertThat(lars.locator("[data-party=LAB]")).hasAttribute("data-status", "waiting");

            Page lena = lenaContext.newPage();
            lena.navigate(url("login"));
            signIn(lena, labour.email());
            lena.navigate(url("pacts/" + pact));
            // With the keyboard: signing asks first; Escape answers no and focus is back on the button that asked.
            button(lena, "Ratify for LAB").focus();
            lena.keyboard().press("Enter");
            assertThat(lena.getByText("Ratify the pact for LAB?")).isVisible();
            lena.keyboard().press("Escape");
            assertThat(button(lena, "Ratify for LAB")).isFocused();
            // The server then removes the cancelled question, and puts focus back on the button once more.
            assertThat(lena.locator("vaadin-confirm-dialog")).hasCount(0);
            assertThat(button(lena, "Ratify for LAB")).isFocused();
            // Confirmed, the page is rebuilt after signing, and focus goes to the pact's title, not the top;
            // the live news of the signature, arriving just after, leaves it there.
            lena.keyboard().press("Enter");
            assertThat(lena.locator("vaadin-button:focus")).hasText("Give LAB's consent");
            lena.waitForFunction("() => Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
            assertThat(lena.locator("vaadin-button:focus")).hasText("Give LAB's consent");
            assertThat(lena.locator("[data-party=LAB]")).hasAttribute("data-status", "waiting");
            lena.keyboard().press("Enter");
            assertThat(lena.locator("[data-party=LAB]")).hasAttribute("data-status", "ratified");
            assertThat(lena.locator("h2", new Page.LocatorOptions().setHasText("Aldershot pact"))).isFocused();

            // No reload: Push brings Labour's signature to the Lib Dem's page.
            assertThat(lars.locator("[data-party=LAB]")).hasAttribute("data-status", "ratified");
            button(lars, "Ratify for LD").click();
            button(lars, "Give LD's consent").click();
            assertThat(lars.locator(".cg-status").first()).hasText("Ratified");
            assertThat(lena.locator(".cg-status").first()).hasText("Ratified");

            // The map with the keyboard alone.
            lars.navigate(url("elections/" + election));
            var hexes = lars.locator("svg.cg-hexmap a");
            assertThat(hexes).hasCount(650);
            hexes.first().focus();
            String first = (String) lars.evaluate("document.activeElement.getAttribute('aria-label')");
            lars.keyboard().press("Tab");
            String second = (String) lars.evaluate("document.activeElement.getAttribute('aria-label')");
            assertThat(second).isNotEqualTo(first).contains(": ");
            String name = second.substring(0, second.indexOf(": "));
            lars.keyboard().press("Enter");
            lars.waitForURL(u -> u.matches(".*/constituencies/[EWSN]\\d{8}$"));
            assertThat(lars.locator("h2")).hasText(name);
            // Earlier tests may have imported other elections: one chart per election.
            assertThat(lars.locator("svg.cg-chart").first()).isVisible();
        }
    }
}
