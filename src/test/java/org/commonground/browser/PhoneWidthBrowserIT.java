package org.commonground.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.commonground.election.ElectionService;
import org.commonground.election.results.Alliance;
import org.commonground.election.results.SeatVerdict;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.pact.PactService;
import org.commonground.pact.terms.PactTerms;
import org.commonground.pact.terms.SeatTerms;
import org.commonground.pact.terms.Stance;
import org.commonground.security.SignedInMember;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * At 390 px, a phone's width (issue 19): the pact's terms and the seat analysis show every party's stance and the
 * figures that decide a stand-down inside the window, the page never scrolls sideways, the seat filters fold away,
 * and the header keeps the app's name on one line and who is signed in. At desktop width the terms stay a table.
 */
class PhoneWidthBrowserIT extends BrowserTest {

    static final int PHONE = 390;
    static final String BRISTOL_CENTRAL = "E14001131";
    static final String BRISTOL_NORTH_WEST = "E14001134";

    @Autowired
    GroupService groups;
    @Autowired
    PactService pacts;
    @Autowired
    ElectionService elections;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    long election;
    long pact;
    SignedInMember labour;

    /** A local group of three parties with a pact on two Bristol seats, and an election to weigh them by. */
    @BeforeEach
    void pactOfThreeParties() throws Exception {
        TestMembers.signIn(testMembers.registerAdmin("Phone admin"));
        try (var csv = getClass().getResourceAsStream("/demo/demo-election-2024.csv")) {
            election = elections.importResults("PHONE" + System.nanoTime() % 100000, "Phone election", csv.readAllBytes(), p -> { }).id();
        }
        labour = testMembers.register("Priya Phone-Labour", "LAB");
        TestMembers.signIn(labour);
        long group = groups.create(new NewGroup("Phone street " + labour.id(), GroupKind.LOCAL, null,
                "Bristol Central (" + BRISTOL_CENTRAL + ")\nBristol North West (" + BRISTOL_NORTH_WEST + ")"));
        testMembers.joined(groups, group, labour, "Gary Phone-Green", "GRN");
        testMembers.joined(groups, group, labour, "Lucy Phone-LibDem", "LD");
        TestMembers.signIn(labour);
        pact = pacts.start(group, "Bristol phone pact", List.of(BRISTOL_CENTRAL, BRISTOL_NORTH_WEST), election);
        Map<String, Stance> central = new LinkedHashMap<>();
        central.put("LAB", Stance.STANDS_DOWN);
        central.put("LD", Stance.PAPER_CANDIDATE);
        Map<String, Stance> northWest = new LinkedHashMap<>();
        northWest.put("GRN", Stance.STANDS_DOWN);
        northWest.put("LD", Stance.STANDS);
        pacts.revise(pact, 1, new PactTerms(List.of(new SeatTerms(BRISTOL_CENTRAL, "Bristol Central", "GRN", central),
                new SeatTerms(BRISTOL_NORTH_WEST, "Bristol North West", "LAB", northWest)), ""), "");
        TestMembers.signOut();
    }

    @Test
    void thePactTermsShowEveryPartysStanceInTheWindow() {
        try (BrowserContext phone = phone()) {
            Page page = signedIn(phone, "pacts/" + pact);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bristol phone pact"))).isVisible();
            // Each seat names every party beside its stance, all within the window.
            seesStances(page, "Bristol Central", Map.of("GRN", "candidate", "LAB", "stands down", "LD", "paper candidate"));
            seesStances(page, "Bristol North West", Map.of("LAB", "candidate", "GRN", "stands down", "LD", "stands"));
            assertThat(pageWidth(page)).as("the pact page's width").isLessThanOrEqualTo(PHONE);
        }
        try (BrowserContext desktop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = signedIn(desktop, "pacts/" + pact);
            // At desktop width the terms stay a table, a column a party.
            Locator table = page.locator("table", new Page.LocatorOptions().setHasText("Who stands where"));
            assertThat(table.locator("thead th")).hasCount(5);
            for (String party : List.of("GRN", "LAB", "LD")) {
                assertThat(table.locator("thead th", new Locator.LocatorOptions().setHasText(party))).isVisible();
            }
            assertThat(table.locator(".cg-stacked-label").first()).isHidden();
        }
    }

    @Test
    void theSeatAnalysisFoldsItsFiltersAndShowsEachSeatsFiguresInTheWindow() {
        TestMembers.signIn(labour);
        SeatVerdict centralResult = elections.analysis(election, List.of(BRISTOL_CENTRAL), Alliance.standard()).getFirst();
        TestMembers.signOut();
        try (BrowserContext phone = phone()) {
            Page page = signedIn(phone, "elections/" + election);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Seat analysis: Phone election"))).isVisible();
            // The filters fold away behind a button, which unfolds them and counts those in use.
            Locator byName = textbox(page, "Constituency");
            assertThat(byName).isHidden();
            Locator filters = button(page, "Filters");
            assertThat(filters).hasAttribute("aria-expanded", "false");
            filters.click();
            assertThat(byName).isVisible();
            assertThat(filters).hasAttribute("aria-expanded", "true");
            byName.fill("Bristol Central");
            byName.press("Enter");
            assertThat(button(page, "Filters (1 in use)")).isVisible();
            // The seat: who won, the best-placed ally and the alliance's votes, every one in the window.
            Locator seat = page.locator(".cg-seat-card").filter(new Locator.FilterOptions().setHasText("Bristol Central"));
            assertThat(seat).hasCount(1);
            for (String fact : List.of(centralResult.winner(), centralResult.bestPlaced(),
                    String.format(Locale.UK, "%,d votes", centralResult.allianceVotes()))) {
                inWindow(seat.getByText(fact, new Locator.GetByTextOptions().setExact(true)).first(), "Bristol Central's " + fact);
            }
            assertThat(pageWidth(page)).as("the seat analysis page's width").isLessThanOrEqualTo(PHONE);
        }
    }

    @Test
    void theHeaderKeepsTheAppsNameOnOneLineAndWhoIsSignedIn() {
        try (BrowserContext phone = phone()) {
            Page page = signedIn(phone, "pacts/" + pact);
            Locator brand = page.locator(".cg-brand");
            assertThat(brand).isVisible();
            double lines = ((Number) brand.evaluate("e => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)")).doubleValue();
            assertThat(lines).as("lines taken by \"Common Ground\"").isLessThan(1.5);
            inWindow(brand, "the app's name");
            // The name, or on a phone its initials, with the name as their tooltip.
            Locator member = page.locator(".cg-member-name, vaadin-avatar[name=\"Priya Phone-Labour\"]").locator("visible=true");
            assertThat(member).hasCount(1);
            inWindow(member, "the member's name");
            inWindow(button(page, "Sign out"), "Sign out");
            // The navigation still opens.
            page.locator("vaadin-drawer-toggle").click();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Elections and seats"))).isVisible();
        }
    }

    private BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE, 844));
    }

    private Page signedIn(BrowserContext context, String path) {
        Page page = context.newPage();
        page.navigate(url("login"));
        signIn(page, labour.email());
        page.navigate(url(path));
        return page;
    }

    /** The seat's card names each party with its stance, and every one of them is in the window. */
    private static void seesStances(Page page, String seat, Map<String, String> stances) {
        Locator card = page.locator("tr").filter(new Locator.FilterOptions().setHas(page.getByRole(AriaRole.ROWHEADER,
                new Page.GetByRoleOptions().setName(seat).setExact(true))));
        stances.forEach((party, stance) -> {
            Locator line = card.locator("td").filter(new Locator.FilterOptions().setHasText(party))
                    .filter(new Locator.FilterOptions().setHas(page.getByText(stance, new Page.GetByTextOptions().setExact(true))));
            assertThat(line).hasCount(1);
            inWindow(line.getByText(party, new Locator.GetByTextOptions().setExact(true)), seat + ": " + party);
            inWindow(line.getByText(stance, new Locator.GetByTextOptions().setExact(true)), seat + ": " + party + " " + stance);
        });
    }

    private static void inWindow(Locator element, String what) {
        assertThat(element).isVisible();
        BoundingBox box = element.boundingBox();
        assertThat(box.x).as(what + ": left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as(what + ": right edge").isLessThanOrEqualTo(PHONE);
    }

    /** How wide the page is laid out: the document's width, or the main region's if it reaches further (it scrolls apart). */
    private static int pageWidth(Page page) {
        return ((Number) page.evaluate("Math.max(document.documentElement.scrollWidth, "
                + "Math.ceil(document.querySelector('[role=main]').getBoundingClientRect().left) + document.querySelector('[role=main]').scrollWidth)")).intValue();
    }
}
