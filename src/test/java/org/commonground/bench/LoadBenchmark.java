package org.commonground.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.commonground.CommonGroundApplication;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.Choice;
import org.commonground.group.GroupService;
import org.commonground.proposal.ProposalService;
import org.commonground.support.AppProcess;
import org.commonground.support.BusyGroups;
import org.commonground.support.BusyGroups.Seat;
import org.commonground.support.TestDatabase;
import org.commonground.support.TestMembers;
import org.commonground.support.UiSession;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 8's load target: 500 members signed in at once on one instance, each with a page open (half on a proposal
 * under discussion, half on an open ballot), posting a comment or casting a vote every few seconds; p95 of those
 * two actions under 300 ms with no errors. The members speak Vaadin's UI protocol over HTTP ({@link UiSession});
 * the app runs as the packaged jar in a JVM of its own, so its heap per session can be read. Every comment and
 * vote also reaches the other open pages of its group through live events, as it would in use.
 * Run it with bench/run-load [sessions] [seconds].
 */
public final class LoadBenchmark {

    private static final int PER_GROUP = 20;
    private static final long THINK_MILLIS = Long.getLong("bench.think-ms", 10_000);
    /** Writes in the first seconds are not timed: the JIT is still compiling the paths that posting and voting take. */
    private static final long WARM_UP_SECONDS = Long.getLong("bench.warm-up-s", 15);
    private static final int WINDOW_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String database = TestDatabase.url();

        List<Seat> created;
        try (ConfigurableApplicationContext seeding = new SpringApplicationBuilder(CommonGroundApplication.class)
                // Only the services are used; the dev-mode front-end build it would start in the background is silenced.
                .run("--server.port=0", "--logging.level.com.vaadin=off", "--spring.datasource.url=" + database, "--logging.level.root=warn")) {
            TestMembers members = TestMembers.of(seeding);
            created = BusyGroups.create(members, seeding.getBean(DSLContext.class), seeding.getBean(GroupService.class),
                    seeding.getBean(ProposalService.class), seeding.getBean(BallotService.class), (sessions + PER_GROUP - 1) / PER_GROUP, PER_GROUP);
        }
        List<Seat> seats = created.subList(0, sessions);

        int port = AppProcess.freePort();
        try (AppProcess app = AppProcess.start(port, database, Path.of("target", "bench-load-app.log"))) {
            URI base = URI.create("http://localhost:" + port + "/");
            // One session first, so what all sessions share (classes, caches, pools) is in the baseline.
            open(base, seats.getFirst(), 0);
            long heapBefore = app.liveHeapBytes();

            List<UiSession> open = Collections.synchronizedList(new ArrayList<>());
            List<Seat> openSeats = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger signInErrors = new AtomicInteger();
            long signingIn = System.nanoTime();
            // Signing in hashes a password (Argon2): a few at a time, as members arrive over a morning.
            Semaphore arriving = new Semaphore(8);
            try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < seats.size(); i++) {
                    int index = i;
                    members.submit(() -> {
                        arriving.acquireUninterruptibly();
                        try {
                            open.add(open(base, seats.get(index), index));
                            openSeats.add(seats.get(index));
                        } catch (Exception failed) {
                            signInErrors.incrementAndGet();
                            System.err.println("sign-in or page failed: " + failed);
                        } finally {
                            arriving.release();
                        }
                    });
                }
            }
            System.out.printf("%d sessions signed in with a page open in %.1f s (%d failed)%n", open.size(),
                    (System.nanoTime() - signingIn) / 1e9, signInErrors.get());
            long heapAfter = app.liveHeapBytes();

            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            // Every write's latency by the window it started in, to tell a steady p95 from one spoilt by a stall.
            Map<Integer, ConcurrentLinkedQueue<Long>> byWindow = new ConcurrentHashMap<>();
            long timedFrom = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
            long deadline = timedFrom + seconds * 1_000_000_000L;
            // The simulated members run on the same cores as the app: how the CPU was shared tells whether the app
            // or the simulator was short of it.
            long wallStart = System.nanoTime();
            java.time.Duration appCpuStart = app.cpuTime();
            java.time.Duration simulatorCpuStart = ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
            try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < open.size(); i++) {
                    UiSession session = open.get(i);
                    session.logRefusals(i < 6);
                    boolean commenter = session.findAll(UiSession.labelled("vaadin-text-area", "Comment")).size() == 1;
                    String action = commenter ? "post a comment" : "cast a vote";
                    latencies.put(action, latencies.getOrDefault(action, new ConcurrentLinkedQueue<>()));
                    errors.putIfAbsent(action, new AtomicInteger());
                    int member = i;
                    members.submit(() -> {
                        int n = 0;
                        while (true) {
                            long think = (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) * THINK_MILLIS);
                            if (System.nanoTime() + think * 1_000_000 > deadline) {
                                return null;
                            }
                            Thread.sleep(think);
                            long start = System.nanoTime();
                            boolean acknowledged;
                            try {
                                acknowledged = commenter ? session.postComment("Load comment " + member + "." + n++) : session.castVote(Choice.values()[n++ % 3].label());
                            } catch (Exception failed) {
                                acknowledged = false;
                                if (errors.get(action).get() < 3) {
                                    System.err.println(action + " failed: " + failed);
                                }
                            }
                            long took = System.nanoTime() - start;
                            if (acknowledged) {
                                if (start >= timedFrom) {
                                    latencies.get(action).add(took);
                                    byWindow.computeIfAbsent((int) ((start - timedFrom) / 1_000_000_000L / WINDOW_SECONDS),
                                            w -> new ConcurrentLinkedQueue<>()).add(took);
                                }
                            } else {
                                errors.get(action).incrementAndGet();
                            }
                        }
                    });
                }
            }

            double wall = (System.nanoTime() - wallStart) / 1e9;
            double appCpu = app.cpuTime().minus(appCpuStart).toMillis() / 1e3;
            double simulatorCpu = ProcessHandle.current().info().totalCpuDuration().orElse(java.time.Duration.ZERO)
                    .minus(simulatorCpuStart).toMillis() / 1e3;
            int cores = Runtime.getRuntime().availableProcessors();

            System.out.printf("%nIssue 8 load: %d simultaneous signed-in members on one instance (%d cores), a comment or vote each every %.0f s on average,"
                    + " timed for %d s after %d s of warm-up (errors counted throughout)%n",
                    open.size(), Runtime.getRuntime().availableProcessors(), THINK_MILLIS / 1000.0, seconds, WARM_UP_SECONDS);
            String name = "run-load " + open.size() + " sessions";
            int allErrors = signInErrors.get();
            for (String action : latencies.keySet()) {
                List<Long> sorted = new ArrayList<>(latencies.get(action));
                Collections.sort(sorted);
                System.out.printf("  %-15s %6d done, %d errors; median %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (target p95 < 300 ms)%n",
                        action, sorted.size(), errors.get(action).get(), at(sorted, 0.5), at(sorted, 0.95), at(sorted, 0.99), at(sorted, 1.0));
                Summary.line(name, action + " p95", "< 300 ms", Summary.ms(at(sorted, 0.95)), at(sorted, 0.95) < 300);
                allErrors += errors.get(action).get();
            }
            Summary.line(name, "errors (sign-in and writes)", "0", String.valueOf(allErrors), allErrors == 0);
            System.out.printf("  CPU over the %.0f s of writes (%d cores = %.0f core-seconds): the app %.0f%%, the simulator %.0f%% of the machine%n",
                    wall, cores, wall * cores, 100 * appCpu / (wall * cores), 100 * simulatorCpu / (wall * cores));
            Summary.line(name, "CPU share app / simulator", "-", String.format(java.util.Locale.ROOT, "%.0f%% / %.0f%%",
                    100 * appCpu / (wall * cores), 100 * simulatorCpu / (wall * cores)), null);
            StringBuilder windows = new StringBuilder();
            for (int w = 0; byWindow.containsKey(w); w++) {
                List<Long> sorted = new ArrayList<>(byWindow.get(w));
                Collections.sort(sorted);
                windows.append(w == 0 ? "" : ", ").append(Math.round(at(sorted, 0.95)));
            }
            System.out.printf("  p95 of both actions per %d s window, ms: %s%n", WINDOW_SECONDS, windows);
            System.out.printf("  heap retained per session (live heap after a full GC, %d sessions): %.0f KB%n",
                    open.size(), (heapAfter - heapBefore) / 1024.0 / Math.max(1, open.size()));
            Summary.line(name, "heap per session", "-", String.format(java.util.Locale.ROOT, "%.0f KB",
                    (heapAfter - heapBefore) / 1024.0 / Math.max(1, open.size())), null);
        }
    }

    private static UiSession open(URI base, Seat seat, int index) throws IOException, InterruptedException {
        UiSession session = UiSession.signIn(base, seat.email(), TestMembers.PASSWORD);
        UiSession.Reply page = session.open(index % 2 == 0 ? "proposals/" + seat.proposalId() : "ballots/" + seat.ballotId());
        if (page.status() != 200) {
            throw new IllegalStateException("Page refused: " + page.status());
        }
        return session;
    }

    private static double at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private LoadBenchmark() {
    }
}
