package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.election.ElectionService;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.publishing.PublishingService;
import org.commonground.support.Agreements;
import org.commonground.support.Axe;
import org.commonground.support.BrowserTest;
import org.commonground.support.TestMembers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** axe-core on the main pages, signed in and not: no serious or critical violation anywhere, and each fits a 320 px screen. */
class AccessibilityBrowserIT extends BrowserTest {

    /** The public pages' CSP forbids inline script, rightly; the checker's own script is let through. */
    private static final Browser.NewContextOptions CHECKER = new Browser.NewContextOptions().setBypassCSP(true);

    @Autowired
    Agreements agreements;
    @Autowired
    PublishingService publishing;
    @Autowired
    ProposalService proposals;
    @Autowired
    BallotService ballots;
    @Autowired
    ElectionService elections;
    @Autowired
    TestMembers testMembers;

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theMainPagesHaveNoSeriousOrCriticalViolations() throws Exception {
        TestMembers.signIn(testMembers.registerAdmin("Axe admin"));
        long election;
        try (var csv = getClass().getResourceAsStream("/demo/demo-election-2024.csv")) {
            election = elections.importResults("AXE2024", "Accessibility election", csv.readAllBytes(), percent -> { }).id();
        }
        Agreements.Agreed agreed = agreements.agreedProposal("Accessible buses", "# Buses\n\nA bus every ten minutes.\n\n- Night buses\n- Step-free stops\n");
        String slug = publishing.publishProposal(agreed.proposal()).slug();
        long discussed = proposals.create(agreed.group(), new ProposalDraft("Accessible trams", "Trams too", "Trams on every main road.\n", ""));
        proposals.move(discussed, ProposalState.DISCUSSION);
        proposals.move(discussed, ProposalState.VOTING);
        long ballot = ballots.open(discussed, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));
        Agreements.Ratified ratified = agreements.ratifiedPact("Accessible pact");
        TestMembers.signOut();

        Map<String, List<String>> found = new LinkedHashMap<>();
        try (BrowserContext anyone = browser.newContext(CHECKER)) {
            Page page = anyone.newPage();
            for (String path : List.of("login", "p", "p/" + slug, "p/verify")) {
                check(page, path, found);
            }
        }
        try (BrowserContext member = browser.newContext(CHECKER)) {
            Page page = member.newPage();
            page.navigate(url("login"));
            signIn(page, agreed.convenor().email());
            for (String path : List.of("groups", "groups/" + agreed.group(), "proposals/" + discussed, "ballots/" + ballot,
                    "proposals/" + agreed.proposal() + "/publish", "notifications", "search?q=buses", "elections/" + election)) {
                check(page, path, found);
            }
        }
        try (BrowserContext convenor = browser.newContext(CHECKER)) {
            Page page = convenor.newPage();
            page.navigate(url("login"));
            signIn(page, ratified.convenor().email());
            check(page, "pacts/" + ratified.pact(), found);
        }
        assertThat(found).as("serious or critical accessibility violations, by page").isEmpty();
    }

    private void check(Page page, String path, Map<String, List<String>> found) throws Exception {
        page.navigate(url(path));
        page.waitForLoadState();
        // Vaadin renders after load; wait for the page's own content, not a fixed time.
        page.locator("h1, h2").first().waitFor();
        List<String> violations = new ArrayList<>(Axe.seriousViolations(page));
        // A phone 320 px wide: the page reflows instead of scrolling sideways.
        page.setViewportSize(320, 800);
        page.waitForTimeout(300);
        int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        if (width > 320) {
            violations.add("wider than a 320 px screen: " + width + " px");
        }
        page.setViewportSize(1280, 800);
        if (!violations.isEmpty()) {
            found.put(path, violations);
        }
    }
}
