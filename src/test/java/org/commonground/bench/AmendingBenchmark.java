package org.commonground.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.commonground.CommonGroundApplication;
import org.commonground.comment.CommentService;
import org.commonground.comment.NewComment;
import org.commonground.comment.Visibility;
import org.commonground.group.GroupKind;
import org.commonground.group.GroupService;
import org.commonground.group.NewGroup;
import org.commonground.proposal.AmendmentService;
import org.commonground.proposal.PendingAmendment;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
import org.commonground.proposal.TrackedChangesService;
import org.commonground.proposal.TrackedText;
import org.commonground.proposal.text.LineNumbering;
import org.commonground.proposal.text.NumberedLine;
import org.commonground.proposal.text.Passages;
import org.commonground.security.SignedInMember;
import org.commonground.support.AppProcess;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.commonground.support.UiSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 18's numbers for amending, on a 50,000-word text: turning a member's edit into passages (target < 100 ms);
 * the tracked-changes view with 100 open amendments, its service call with the database reads and the HTML
 * (target < 300 ms); and the heap a signed-in session holds with that proposal and its 500 comments open (target
 * < 2 MB), read as {@link LoadBenchmark} does: live heap of the packaged jar after a full collection, before and
 * after opening the sessions. Run it with bench/run-amending [sessions].
 */
public final class AmendingBenchmark {

    private static final int WIDTH = 80;

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String text = ProposalBenchmark.manifesto(50_000, new Random(1));
        List<NumberedLine> lines = LineNumbering.number(text, WIDTH);
        String twoPlaces = changeWords(text, lines, new Random(5), 2);
        String everywhere = changeWords(text, lines, new Random(7), lines.size() / 10);
        List<String> results = new ArrayList<>();
        results.add(row("edit \u2192 passages, two places changed", "< 100 ms", median(() -> Passages.between(text, twoPlaces, WIDTH))));
        results.add(row("edit \u2192 passages, one line in ten changed", "< 100 ms", median(() -> Passages.between(text, everywhere, WIDTH))));

        String database = TestDatabase.url();
        long proposal;
        List<SignedInMember> people = new ArrayList<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CommonGroundApplication.class)
                .run("--server.port=0", "--logging.level.com.vaadin=off", "--spring.datasource.url=" + database, "--logging.level.root=warn")) {
            proposal = seed(app, text, people, Math.max(sessions + 1, 5));
            TrackedChangesService tracked = app.getBean(TrackedChangesService.class);
            TestMembers.signIn(people.get(1));
            TrackedText shown = tracked.trackedChanges(proposal);
            System.out.printf("proposal: %,d words, %,d lines, %d open amendments (%d passages shown as collisions), tracked HTML %,d characters%n",
                    text.split("\\s+").length, lines.size(), shown.amendments().size(), shown.collisions().size(), shown.html().length());
            results.add(row("tracked changes, 100 open amendments (service + HTML)", "< 300 ms", median(() -> tracked.trackedChanges(proposal))));
            Set<Long> ten = Set.copyOf(shown.amendments().stream().limit(10).map(PendingAmendment::id).toList());
            results.add(row("preview with 10 amendments applied (service + HTML)", "(none set)", median(() -> tracked.previewWith(proposal, ten))));
            TestMembers.signOut();
        }

        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(port, database, Path.of("target", "bench-amending-app.log"))) {
            URI base = URI.create("http://localhost:" + port + "/");
            // One session first, so what all sessions share (classes, caches, pools) is in the baseline.
            List<UiSession> open = new ArrayList<>();
            open.add(openProposal(base, people.getFirst(), proposal));
            long before = app.liveHeapBytes();
            for (int i = 1; i <= sessions; i++) {
                open.add(openProposal(base, people.get(i), proposal));
            }
            long after = app.liveHeapBytes();
            results.add(row("heap per session, that proposal and its 500 comments open (" + sessions + " sessions)", "< 2 MB",
                    (after - before) / 1024.0 / 1024.0 / sessions, "MB"));
        }
        System.out.printf("%nIssue 18, amending a 50,000-word text (%d cores)%n", Runtime.getRuntime().availableProcessors());
        System.out.printf("  %-75s %-10s %s%n", "measure", "target", "figure");
        results.forEach(r -> System.out.println("  " + r));
    }

    /** A group of {@code members}, the proposal, 100 amendments (half by line, half by editing two places) and 500 comments. */
    private static long seed(ConfigurableApplicationContext app, String text, List<SignedInMember> people, int members) {
        TestMembers testMembers = TestMembers.of(app);
        // Else the first member would be the database's admin, whose pages wait for a second factor.
        testMembers.registrarFirst();
        GroupService groups = app.getBean(GroupService.class);
        ProposalService proposals = app.getBean(ProposalService.class);
        AmendmentService amendments = app.getBean(AmendmentService.class);
        CommentService comments = app.getBean(CommentService.class);
        String[] parties = {"LAB", "GRN", "LD", "SNP", "PC"};
        for (int i = 0; i < members; i++) {
            people.add(testMembers.register("Bench " + i, parties[i % parties.length]));
        }
        TestMembers.signIn(people.getFirst());
        long group = groups.create(new NewGroup("Amending bench " + System.nanoTime(), GroupKind.ALLIANCE, null, null));
        for (SignedInMember m : people.subList(1, people.size())) {
            TestMembers.signIn(m);
            groups.requestToJoin(group);
            TestMembers.signIn(people.getFirst());
            groups.approve(group, m.id());
        }
        long id = proposals.create(group, new ProposalDraft("A long programme", "", text, ""));
        proposals.move(id, ProposalState.DISCUSSION);
        List<NumberedLine> lines = LineNumbering.number(text, WIDTH);
        Random random = new Random(3);
        for (int i = 0; i < 100; i++) {
            TestMembers.signIn(people.get(i % people.size()));
            if (i % 2 == 0) {
                int line = 1 + random.nextInt(lines.size());
                amendments.propose(id, 1, line, line, "Amended wording number " + i + ".", "Reason " + i);
            } else {
                amendments.proposeByEdit(id, 1, changeWords(text, lines, random, 2), "Reason " + i);
            }
        }
        for (int i = 0; i < 500; i++) {
            TestMembers.signIn(people.get(i % people.size()));
            Visibility visibility = i % 3 == 0 ? Visibility.CAUCUS : Visibility.SHARED;
            comments.post(id, i % 2 == 0 ? new NewComment(null, null, visibility, 1, 1 + random.nextInt(lines.size()), null, false, "Comment **" + i + "**")
                    : NewComment.onProposal(visibility, "General comment " + i));
        }
        TestMembers.signOut();
        return id;
    }

    /** The text with one word replaced on each of {@code places} lines chosen at random. */
    static String changeWords(String text, List<NumberedLine> lines, Random random, int places) {
        int[] chosen = random.ints(0, lines.size()).filter(n -> !lines.get(n).text().isBlank()).distinct().limit(places).sorted().toArray();
        StringBuilder out = new StringBuilder(text.length() + places * 10);
        int at = 0;
        for (int n : chosen) {
            NumberedLine line = lines.get(n);
            int space = text.indexOf(' ', line.start());
            int wordEnd = space < 0 || space >= line.end() ? line.end() : space;
            out.append(text, at, line.start()).append("altered");
            at = wordEnd;
        }
        return out.append(text, at, text.length()).toString();
    }

    private static UiSession openProposal(URI base, SignedInMember member, long proposal) throws Exception {
        UiSession session = UiSession.signIn(base, member.email(), TestMembers.PASSWORD);
        UiSession.Reply page = session.open("proposals/" + proposal);
        if (page.status() != 200 || page.contains("Proposal not found") || !page.contains("General comment 499")) {
            java.nio.file.Files.writeString(Path.of("target", "bench-amending-page.json"), page.body());
            throw new IllegalStateException("The proposal page did not open with its comments: " + page + " (whole reply in target/bench-amending-page.json)");
        }
        return session;
    }

    private static String row(String measure, String target, double ms) {
        return row(measure, target, ms, "ms");
    }

    /** Printed as soon as measured, and again in the table at the end. */
    private static String row(String measure, String target, double figure, String unit) {
        String row = String.format("%-75s %-10s %.2f %s", measure, target, figure, unit);
        System.out.println(row);
        Summary.line("run-amending", measure, target, String.format(java.util.Locale.ROOT, "%.1f %s", figure, unit), Summary.under(target, figure));
        return row;
    }

    private static double median(Supplier<?> work) {
        for (int i = 0; i < 5; i++) {
            work.get();
        }
        double[] times = new double[11];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private AmendingBenchmark() {
    }
}
