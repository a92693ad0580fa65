package org.commonground.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.election.ElectionService;
import org.commonground.proposal.AmendmentService;
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

/**
 * The main pages, signed in and not: axe-core finds no serious or critical violation, each fits a 320 px screen, and
 * each is usable at 200% zoom (no sideways scrolling; its heading and main control in the page, neither cut off nor
 * covered).
 */
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
    AmendmentService amendments;

    /** What the main pages show: one of each, made through the services. */
    record MainPages(String slug, Agreements.Agreed agreed, long voting, long ballot, long closedBallot, long discussed, String amendment,
                     Agreements.Ratified ratified, long election) {
    }

    private MainPages mainPages(String name) throws Exception {
        TestMembers.signIn(testMembers.registerAdmin(name + " admin"));
        long election;
        try (var csv = getClass().getResourceAsStream("/demo/demo-election-2024.csv")) {
            election = elections.importResults(name.toUpperCase().replaceAll("[^A-Z]", "") + System.nanoTime() % 100000,
                    name + " election", csv.readAllBytes(), percent -> { }).id();
        }
        Agreements.Agreed agreed = agreements.agreedProposal(name + " buses", "# Buses\n\nA bus every ten minutes.\n\n- Night buses\n- Step-free stops\n");
        String slug = publishing.publishProposal(agreed.proposal()).slug();
        long closedBallot = ballots.ballotsOf(agreed.proposal()).getFirst();
        long voting = proposals.create(agreed.group(), new ProposalDraft(name + " trams", "Trams too", "Trams on every main road.\n", ""));
        proposals.move(voting, ProposalState.DISCUSSION);
        proposals.move(voting, ProposalState.VOTING);
        long ballot = ballots.open(voting, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 0, 0, null));
        long discussed = proposals.create(agreed.group(), new ProposalDraft(name + " cycle lanes", "Safe cycling",
                "# Cycle lanes\n\nA protected lane on every main road by 2030.\n", ""));
        proposals.move(discussed, ProposalState.DISCUSSION);
        String amendment = amendments.propose(discussed, 1, 2, 2, "A protected lane on every main road by 2028.", "Sooner.").citation();
        Agreements.Ratified ratified = agreements.ratifiedPact(name + " pact");
        TestMembers.signOut();
        return new MainPages(slug, agreed, voting, ballot, closedBallot, discussed, amendment, ratified, election);
    }

    @AfterEach
    void signOut() {
        TestMembers.signOut();
    }

    @Test
    void theMainPagesHaveNoSeriousOrCriticalViolations() throws Exception {
        MainPages m = mainPages("Axe");
        String slug = m.slug();
        Agreements.Agreed agreed = m.agreed();
        Agreements.Ratified ratified = m.ratified();
        long discussed = m.voting();
        long ballot = m.ballot();
        long election = m.election();
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (BrowserContext anyone = browser.newContext(CHECKER)) {
            Page page = anyone.newPage();
            for (String path : List.of("login", "verify-email?token=not-a-link", "p", "p/" + slug, "p/verify", "p/what-if", "p/map")) {
                check(page, path, found);
            }
        }
        try (BrowserContext member = browser.newContext(CHECKER)) {
            Page page = member.newPage();
            page.navigate(url("login"));
            signIn(page, agreed.convenor().email());
            for (String path : List.of("groups", "groups/" + agreed.group(), "proposals/" + discussed, "proposals/" + m.discussed(), "ballots/" + ballot,
                    "ballots/" + m.closedBallot(),
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

    /**
     * 200% zoom: a 1280 x 800 window zoomed to 200% lays pages out in 640 x 400 CSS pixels at two device pixels each.
     * On every main page the page does not scroll sideways, and its heading and main control, once scrolled to, are in
     * the window, not cut off by a container, and not covered by anything (a fixed header, a bar, a dialog).
     */
    @Test
    void theMainPagesAreUsableAt200PercentZoom() throws Exception {
        MainPages m = mainPages("Zoom");
        Map<String, List<String>> found = new LinkedHashMap<>();
        // These pages run under their own Content-Security-Policy (the axe checker above bypasses it).
        List<String> refusedByPolicy = new ArrayList<>();
        try (BrowserContext anyone = browser.newContext(ZOOMED)) {
            Page page = watchingThePolicy(anyone.newPage(), refusedByPolicy);
            zoomed(page, "login", found, heading(page, "Sign in"), button(page, "Sign in"));
            zoomed(page, "p/" + m.slug(), found, heading(page, "Zoom buses"), link(page, "Download the PDF"));
        }
        try (BrowserContext member = browser.newContext(ZOOMED)) {
            Page page = watchingThePolicy(member.newPage(), refusedByPolicy);
            page.navigate(url("login"));
            signIn(page, m.agreed().convenor().email());
            String group = "Publishing group " + m.agreed().convenor().id();
            zoomed(page, "groups", found, heading(page, "My groups"), link(page, group));
            zoomed(page, "groups/" + m.agreed().group(), found, heading(page, group), link(page, "Proposals of this group"));
            zoomed(page, "proposals/" + m.discussed(), found, heading(page, "Zoom cycle lanes"), button(page, "Write a comment"),
                    button(page, "Post comment"));
            Locator amendment = page.locator(".cg-amendment", new Page.LocatorOptions().setHasText(m.amendment()));
            zoomed(page, "proposals/" + m.discussed(), found, amendment.locator(".cg-card-title"),
                    amendment.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept and merge").setExact(true)));
            zoomed(page, "ballots/" + m.ballot(), found, heading(page, "Final text (revision 1) of \u201cZoom trams\u201d"), button(page, "For"));
            zoomed(page, "elections/" + m.election(), found, page.getByRole(AriaRole.HEADING).first(),
                    page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Alliance parties")));
        }
        try (BrowserContext convenor = browser.newContext(ZOOMED)) {
            Page page = watchingThePolicy(convenor.newPage(), refusedByPolicy);
            page.navigate(url("login"));
            signIn(page, m.ratified().convenor().email());
            zoomed(page, "pacts/" + m.ratified().pact(), found, heading(page, "Zoom pact"), link(page, "Publish"));
        }
        assertThat(found).as("problems at 200% zoom, by page").isEmpty();
        assertThat(refusedByPolicy).as("what the pages' Content-Security-Policy refused").isEmpty();
    }

    /** Chromium reports on the console each thing a Content-Security-Policy refuses. */
    private static Page watchingThePolicy(Page page, List<String> refused) {
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    private static final Browser.NewContextOptions ZOOMED = new Browser.NewContextOptions()
            .setViewportSize(640, 400).setDeviceScaleFactor(2);

    /** The page scrolls sideways neither as a document nor inside the app's frame (whose content area scrolls). */
    private static final String SIDEWAYS = """
            () => {
              const out = [];
              const doc = document.scrollingElement;
              if (doc.scrollWidth > doc.clientWidth + 1) out.push('the page scrolls sideways: ' + doc.scrollWidth + ' px wide in ' + doc.clientWidth);
              const layout = document.querySelector('vaadin-app-layout');
              const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
              if (content && content.scrollWidth > content.clientWidth + 1) {
                out.push('the main area scrolls sideways: ' + content.scrollWidth + ' px wide in ' + content.clientWidth);
              }
              return out;
            }""";

    /**
     * Scrolls the element to the middle of the window (as a reader would), then: it has a size; it lies within the
     * window's width (and height, when it is not taller); no scrolling or clipping container cuts it; and the point
     * at its middle belongs to it, not to something drawn over it. Returns the problems.
     */
    private static final String IN_VIEW = """
            el => {
              const out = [];
              const parent = n => n.assignedSlot || n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
              const name = n => n.tagName.toLowerCase() + (typeof n.className === 'string' && n.className ? '.' + n.className.trim().split(/\\s+/).join('.') : '');
              // Containers a reader cannot scroll (overflow hidden or clip): scrollIntoView would scroll them anyway.
              const fixed = [];
              for (let n = parent(el); n; n = parent(n)) {
                const s = getComputedStyle(n);
                if (/hidden|clip/.test(s.overflowX + s.overflowY)) fixed.push([n, n.scrollLeft, n.scrollTop]);
              }
              el.scrollIntoView({ block: 'center', inline: 'nearest' });
              for (const [n, left, top] of fixed) {
                if (n.scrollLeft !== left || n.scrollTop !== top) {
                  out.push('hidden inside ' + name(n) + ', which cannot be scrolled to it');
                  n.scrollLeft = left;
                  n.scrollTop = top;
                }
              }
              const r = el.getBoundingClientRect();
              const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
              if (r.width < 1 || r.height < 1) return ['has no size'];
              if (r.left < -1 || r.right > vw + 1) out.push('reaches past the window sideways (' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' of ' + vw + ')');
              if (r.height <= vh && (r.top < -1 || r.bottom > vh + 1)) out.push('does not fit the height of the window (' + Math.round(r.top) + ' to ' + Math.round(r.bottom) + ' of ' + vh + ')');
              for (let n = parent(el); n && n !== document.documentElement; n = parent(n)) {
                const s = getComputedStyle(n);
                if (s.overflowX === 'visible' && s.overflowY === 'visible' && s.clipPath === 'none') continue;
                const p = n.getBoundingClientRect();
                if (r.left < p.left - 1 || r.right > p.right + 1 || (r.height <= p.height && (r.top < p.top - 1 || r.bottom > p.bottom + 1))) {
                  out.push('cut off by ' + name(n));
                  break;
                }
              }
              const x = (Math.max(r.left, 0) + Math.min(r.right, vw)) / 2;
              const y = (Math.max(r.top, 0) + Math.min(r.bottom, vh)) / 2;
              let hit = document.elementFromPoint(x, y);
              while (hit && hit.shadowRoot) {
                const inner = hit.shadowRoot.elementFromPoint(x, y);
                if (!inner || inner === hit) break;
                hit = inner;
              }
              let covered = true;
              for (let n = hit; n; n = parent(n)) {
                if (n === el) { covered = false; break; }
              }
              if (covered) out.push('covered by ' + (hit ? name(hit) : 'nothing'));
              return out;
            }""";

    private void zoomed(Page page, String path, Map<String, List<String>> found, Locator... controls) {
        page.navigate(url(path));
        page.waitForLoadState();
        page.locator("h1, h2").first().waitFor();
        List<String> problems = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> sideways = (List<String>) page.evaluate(SIDEWAYS);
        problems.addAll(sideways);
        for (Locator control : controls) {
            control.waitFor();
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) control.evaluate(IN_VIEW);
            seen.forEach(p -> problems.add(control + " " + p));
        }
        if (!problems.isEmpty()) {
            found.merge(path, problems, (a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
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
        // The app's frame scrolls its content area itself: text cut off there does not widen the document.
        @SuppressWarnings("unchecked")
        List<String> sideways = (List<String>) page.evaluate(SIDEWAYS);
        sideways.forEach(problem -> violations.add("at 320 px, " + problem));
        page.setViewportSize(1280, 800);
        if (!violations.isEmpty()) {
            found.put(path, violations);
        }
    }
}
