package org.commonground.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.CommonGroundApplication;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.security.SignedInMember;
import org.commonground.support.Chromium;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 18: on a 50,000-word proposal, the amendment editor opens and accepts typing in Chromium in under 1 s. Times,
 * through Playwright, from navigating to {@code proposals/{id}/amend} until (a) the text area holds the whole text,
 * and (b) a character typed into it has reached the server and come back in the numbered preview (which waits for
 * the text area's 400 ms pause in typing, as a member's would). One warm-up, then the given number of runs, each in a
 * fresh page of the same signed-in browser. Run it with bench/run-editor [runs].
 */
public final class EditorBenchmark {

    private static final int PORT = Integer.getInteger("bench.port", 8106);
    /** A short text (-Dbench.words=500) shows what any page costs on the machine, apart from the text's length. */
    private static final int WORDS = Integer.getInteger("bench.words", 50_000);

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonGroundApplication.class)
                .run("--server.port=" + PORT, "--vaadin.productionMode=true", "--logging.level.com.vaadin=off",
                        "--spring.datasource.url=" + TestDatabase.url(), "--logging.level.root=warn")) {
            TestMembers members = TestMembers.of(app);
            members.registrarFirst();
            GroupService groups = app.getBean(GroupService.class);
            ProposalService proposals = app.getBean(ProposalService.class);
            SignedInMember convenor = members.register("Editor convenor", "LAB");
            TestMembers.signIn(convenor);
            long group = groups.create(new NewGroup("Editor bench " + System.nanoTime(), GroupKind.ALLIANCE, null, null));
            SignedInMember member = members.joined(groups, group, convenor, "Editor bench", "GRN");
            String text = ProposalBenchmark.manifesto(WORDS, new Random(1));
            long id = proposals.create(group, new ProposalDraft("A long programme", "", text, ""));
            proposals.move(id, ProposalState.DISCUSSION);
            System.out.printf("text: %,d words, %,d characters, %,d numbered lines%n", text.split("\\s+").length, text.length(),
                    proposals.details(id).lines().size());
            TestMembers.signOut();

            String base = "http://localhost:" + PORT + "/";
            List<double[]> times = new ArrayList<>();
            try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright);
                    BrowserContext context = browser.newContext()) {
                signIn(context.newPage(), base, member.email());
                for (int i = 0; i <= runs; i++) {
                    double[] run = open(context, base + "proposals/" + id + "/amend", text.length());
                    if (i > 0) {
                        times.add(run);
                    }
                    System.out.printf("  %s: text in the text area %.0f ms, typed character in the preview %.0f ms "
                            + "(%.0f ms after typing)%n", i == 0 ? "warm-up" : "run " + i, run[0], run[1], run[1] - run[2]);
                }
            }
            System.out.printf("%nThe amendment editor on a %,d-word proposal, Chromium through Playwright, %d runs after a warm-up:%n", WORDS, runs);
            System.out.printf("%-58s %-8s %s%n", "measure", "target", "median / max");
            row("open: the text area holds the whole text", "< 1 s", times, 0);
            row("open and type: the character shown in the preview", "< 1 s", times, 1);
            row("  of which: typing to the preview (400 ms pause incl.)", "-", times.stream().map(t -> new double[] {t[1] - t[2]}).toList(), 0);
        }
    }

    private static void signIn(Page page, String base, String email) {
        page.navigate(base + "login");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email").setExact(true)).fill(email);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password").setExact(true)).fill(TestMembers.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL(u -> !u.contains("/login"));
        page.close();
    }

    /**
     * Milliseconds from navigating to: the whole text in the text area; the typed character back in the preview;
     * the moment it was typed.
     */
    private static double[] open(BrowserContext context, String url, int length) {
        Page page = context.newPage();
        try {
            long start = System.nanoTime();
            page.navigate(url);
            page.waitForFunction("n => { const a = document.querySelector('.cg-amend-source textarea'); return a && a.value.length === n; }",
                    length, new Page.WaitForFunctionOptions().setTimeout(60_000));
            double loaded = since(start);
            // "## Section 1" becomes "## QSection 1": one character, at the top, where the preview's first line shows it.
            page.evaluate("() => { const a = document.querySelector('.cg-amend-source textarea'); a.focus(); a.setSelectionRange(3, 3); }");
            page.keyboard().type("Q");
            double typed = since(start);
            page.waitForFunction("() => { const l = document.querySelector('.cg-amend-preview #line-1'); return l && l.textContent.includes('QSection 1'); }",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            return new double[] {loaded, since(start), typed};
        } finally {
            page.close();
        }
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void row(String measure, String target, List<double[]> times, int column) {
        double[] values = times.stream().mapToDouble(t -> t[column]).sorted().toArray();
        System.out.printf("%-58s %-8s %.0f / %.0f ms%n", measure, target, values[values.length / 2], values[values.length - 1]);
        Summary.line("run-editor" + (WORDS == 50_000 ? "" : String.format(java.util.Locale.ROOT, " (%,d words)", WORDS)),
                measure.strip() + ", median (max) of " + values.length, target,
                Summary.ms(values[values.length / 2]) + " (" + Summary.ms(values[values.length - 1]) + ")",
                target.equals("< 1 s") ? values[values.length / 2] < 1000 : null);
    }

    private EditorBenchmark() {
    }
}
