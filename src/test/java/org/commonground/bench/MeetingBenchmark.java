package org.commonground.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonground.CommonGroundApplication;
import org.commonground.ballot.BallotService;
import org.commonground.ballot.BallotSettings;
import org.commonground.ballot.Choice;
import org.commonground.ballot.rules.DecisionRule;
import org.commonground.group.GroupService;
import org.commonground.proposal.ProposalDraft;
import org.commonground.proposal.ProposalService;
import org.commonground.proposal.ProposalState;
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
 * Issue 20's mass meeting: one group of 2,000 members, all with the same open ballot page (concurrent majority, six
 * parties), voting within two minutes and some changing their votes; every page must show the tally within 2 s of
 * each vote. Targets: vote p95 < 300 ms, no errors, every confirmed vote counted, every page's final tally equal to
 * the database's. The members speak Vaadin's UI protocol over HTTP ({@link UiSession}), which has no push
 * connection: a sample of pages (the observers) asks for what changed every {@link #POLL_MILLIS} ms, as a browser's
 * push connection would deliver it, and the vote-to-visible time is measured on them from the click that cast the
 * vote to the first reply whose list of who voted how shows it (so it includes up to one polling interval). The
 * other pages receive what changed with the replies to their own votes, and all pages are read once at the end.
 * The app's CPU time, the simulator's and the rest of the machine's (PostgreSQL, anything else running) are reported
 * for the voting phase. Run it with bench/run-meeting [members] [seconds]; -Dbench.jfr=path records a flight
 * recording of the app there ({@link AppProcess}).
 */
public final class MeetingBenchmark {

    private static final int OBSERVERS = Integer.getInteger("bench.observers", 20);
    private static final long POLL_MILLIS = Long.getLong("bench.poll-ms", 250);
    /** Share of members who change their vote once, later in the meeting. */
    private static final double CHANGERS = 0.25;
    /** Votes in the first seconds are not timed (errors are counted): the JIT is still compiling the vote's path. */
    private static final long WARM_UP_SECONDS = Long.getLong("bench.warm-up-s", 10);
    private static final long VISIBLE_WITHIN_MILLIS = 2_000;
    /** What the app answers a vote it could not store under overload (BallotService, TooBusyException). */
    private static final String TRY_AGAIN = "Your vote was not recorded: the site is too busy just now. Please try again in a moment.";
    private static final Pattern NAMED = Pattern.compile("<p>[^<]*? \u00b7 (.*?): (For|Against|Abstain)(?: \u2014 [^<]*)?</p>");
    private static final Pattern CHART_ROW = Pattern.compile(
            "font-weight=\"600\">([^<]+)</text>.*?>(\\d+) for, (\\d+) against, (\\d+) abstain of (\\d+)</text>", Pattern.DOTALL);

    /** One vote as cast: by whom, what, when it was sent, and whether the server confirmed it. */
    private static final class Cast {
        final String name;
        final Choice choice;
        final long sentAt;
        volatile boolean confirmed;
        volatile boolean answered;

        Cast(String name, Choice choice, long sentAt) {
            this.name = name;
            this.choice = choice;
            this.sentAt = sentAt;
        }
    }

    /** One sampled page: what its list of who voted how showed last, and which casts it has been seen to show. */
    private static final class Observer {
        final UiSession session;
        String shownList;
        final Map<Cast, Long> seenAfter = new HashMap<>();

        Observer(UiSession session) {
            this.session = session;
        }
    }

    public static void main(String[] args) throws Exception {
        int memberCount = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        String database = TestDatabase.url();

        List<Seat> seats;
        Map<Long, String> names = new HashMap<>();
        long ballotId;
        try (ConfigurableApplicationContext seeding = new SpringApplicationBuilder(CommonGroundApplication.class)
                .run("--server.port=0", "--logging.level.com.vaadin=off", "--spring.datasource.url=" + database, "--logging.level.root=warn")) {
            TestMembers members = TestMembers.of(seeding);
            DSLContext db = seeding.getBean(DSLContext.class);
            ProposalService proposals = seeding.getBean(ProposalService.class);
            seats = BusyGroups.create(members, db, seeding.getBean(GroupService.class), proposals, seeding.getBean(BallotService.class), 1, memberCount);
            // BusyGroups' ballot is a simple majority; the meeting votes on one of its own, by concurrent majority.
            TestMembers.signIn(members.signedIn(seats.getFirst().email()));
            long group = db.fetchSingle("select group_id from proposal where id = ?", seats.getFirst().proposalId()).get(0, Long.class);
            long motion = proposals.create(group, new ProposalDraft("The launch motion", "", "A text the whole meeting votes on.\n", ""));
            proposals.move(motion, ProposalState.DISCUSSION);
            proposals.move(motion, ProposalState.VOTING);
            ballotId = seeding.getBean(BallotService.class).open(motion, null, new BallotSettings(DecisionRule.CONCURRENT_MAJORITY, false, 50, 50, null));
            TestMembers.signOut();
            db.fetch("select id, display_name from member where id = any(?)", (Object) seats.stream().map(Seat::memberId).toArray(Long[]::new))
                    .forEach(r -> names.put(r.get(0, Long.class), r.get(1, String.class)));
        }

        int port = AppProcess.freePort();
        Path log = Path.of("target", "bench-meeting-app.log");
        Files.deleteIfExists(log);
        try (AppProcess app = AppProcess.start(List.of(), port, database, log)) {
            URI base = URI.create("http://localhost:" + port + "/");
            ProcessHandle appProcess = ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().orElse("").contains("common-ground-")).findFirst().orElseThrow();

            // Signing in hashes a password (Argon2), and the app checks only a few at once: members arrive 8 at a time.
            String route = "ballots/" + ballotId;
            UiSession[] sessions = new UiSession[seats.size()];
            AtomicInteger signInErrors = new AtomicInteger();
            long signingIn = System.nanoTime();
            Semaphore arriving = new Semaphore(8);
            try (ExecutorService arrivals = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < seats.size(); i++) {
                    int index = i;
                    arrivals.submit(() -> {
                        arriving.acquireUninterruptibly();
                        try {
                            UiSession s = signIn(base, seats.get(index).email());
                            if (s.open(route).status() != 200) {
                                throw new IllegalStateException("the ballot page was refused");
                            }
                            sessions[index] = s;
                        } catch (Exception failed) {
                            if (signInErrors.incrementAndGet() <= 3) {
                                System.err.println("sign-in or page failed: " + failed);
                            }
                        } finally {
                            arriving.release();
                        }
                    });
                }
            }
            double signInSeconds = (System.nanoTime() - signingIn) / 1e9;
            System.out.printf("%d members signed in with the ballot page open in %.1f s (%d failed, %d sign-ins turned away and tried again)%n",
                    seats.size() - signInErrors.get(), signInSeconds, signInErrors.get(), SIGN_IN_RETRIES.get());

            List<Integer> present = new ArrayList<>();
            for (int i = 0; i < sessions.length; i++) {
                if (sessions[i] != null) {
                    sessions[i].logRefusals(i < 6);
                    present.add(i);
                }
            }
            List<Observer> observers = new ArrayList<>();
            Map<UiSession, Observer> observerOf = new HashMap<>();
            for (int i = 0; i < Math.min(OBSERVERS, present.size()); i++) {
                Observer o = new Observer(sessions[present.get(i)]);
                observers.add(o);
                observerOf.put(o.session, o);
            }

            List<Cast> casts = new CopyOnWriteArrayList<>();
            ConcurrentLinkedQueue<Long> voteMillis = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger();
            AtomicInteger refusedTryAgain = new AtomicInteger();
            Map<Integer, Cast> lastAnswered = new java.util.concurrent.ConcurrentHashMap<>();
            long votingFrom = System.nanoTime();
            long timedFrom = votingFrom + WARM_UP_SECONDS * 1_000_000_000L;
            long votingUntil = votingFrom + seconds * 1_000_000_000L;
            Cpu before = Cpu.now(appProcess);
            try (ExecutorService members = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int index : present) {
                    UiSession session = sessions[index];
                    String name = names.get(seats.get(index).memberId());
                    Observer observer = observerOf.get(session);
                    members.submit(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        long first = votingFrom + (long) (random.nextDouble() * (votingUntil - votingFrom));
                        List<Long> at = new ArrayList<>(List.of(first));
                        if (random.nextDouble() < CHANGERS) {
                            at.add(first + (long) (random.nextDouble() * (votingUntil - first)));
                        }
                        Choice previous = null;
                        for (long when : at) {
                            sleepUntil(when);
                            Choice choice;
                            do {
                                choice = Choice.values()[random.nextInt(3)];
                            } while (choice == previous);
                            previous = choice;
                            Cast cast = new Cast(name, choice, System.nanoTime());
                            casts.add(cast);
                            boolean confirmed = false;
                            try {
                                synchronized (session) {
                                    UiSession.Reply reply = session.click(session.find(session.withText("vaadin-button", choice.label())));
                                    cast.answered = true;
                                    confirmed = reply.status() == 200 && reply.contains("Your vote is recorded: " + choice.label() + ".");
                                    if (!confirmed && reply.status() == 200 && reply.contains(TRY_AGAIN)) {
                                        refusedTryAgain.incrementAndGet();
                                    } else if (!confirmed && errors.get() < 3) {
                                        System.err.println("vote not confirmed: " + reply);
                                    }
                                    if (observer != null) {
                                        see(observer, System.nanoTime(), casts);
                                    }
                                }
                            } catch (Exception failed) {
                                // No answer within UiSession's 30 s (or none at all): counted as unanswered.
                                if (errors.get() < 3) {
                                    System.err.println("vote failed: " + failed);
                                }
                            }
                            long took = System.nanoTime() - cast.sentAt;
                            cast.confirmed = confirmed;
                            lastAnswered.put(index, cast);
                            if (!confirmed) {
                                errors.incrementAndGet();
                            } else if (cast.sentAt >= timedFrom) {
                                voteMillis.add(took / 1_000_000);
                            }
                        }
                        return null;
                    });
                }
                for (Observer o : observers) {
                    members.submit(() -> {
                        // Watches until a little after the last vote, so the last votes can be seen too.
                        while (System.nanoTime() < votingUntil + 5_000_000_000L) {
                            Thread.sleep(POLL_MILLIS);
                            try {
                                synchronized (o.session) {
                                    o.session.poll();
                                    see(o, System.nanoTime(), casts);
                                }
                            } catch (IOException failed) {
                                System.err.println("poll failed: " + failed);
                            }
                        }
                        return null;
                    });
                }
            }
            Cpu after = Cpu.now(appProcess);

            // Every page once more, after the last change has had time to reach it: its tally against the database's.
            Map<String, int[]> stored = storedTally(database, ballotId);
            AtomicInteger pagesRight = new AtomicInteger();
            AtomicInteger pagesWrong = new AtomicInteger();
            Semaphore reading = new Semaphore(16);
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int index : present) {
                    UiSession session = sessions[index];
                    readers.submit(() -> {
                        reading.acquireUninterruptibly();
                        try {
                            synchronized (session) {
                                session.poll();
                                Map<String, int[]> shown = chartTally(session);
                                if (sameTally(shown, stored)) {
                                    pagesRight.incrementAndGet();
                                } else {
                                    if (pagesWrong.incrementAndGet() <= 3) {
                                        System.err.println("page " + index + " shows " + describe(shown) + ", the database " + describe(stored));
                                    }
                                }
                            }
                        } finally {
                            reading.release();
                        }
                        return null;
                    });
                }
            }

            // Every member's last confirmed vote, against what the database holds for them.
            Map<String, Choice> storedVotes = storedVotes(database, ballotId);
            int counted = 0;
            int lost = 0;
            int unanswered = 0;
            for (Map.Entry<Integer, Cast> last : lastAnswered.entrySet()) {
                Cast c = last.getValue();
                if (!c.confirmed) {
                    continue;
                }
                if (c.choice == storedVotes.get(c.name)) {
                    counted++;
                } else {
                    lost++;
                }
            }
            for (Cast c : casts) {
                if (!c.answered) {
                    unanswered++;
                }
            }

            List<Long> visible = new ArrayList<>();
            int seenLate = 0;
            int neverSeen = 0;
            for (Observer o : observers) {
                for (Cast c : casts) {
                    if (!c.confirmed) {
                        continue;
                    }
                    Long seen = o.seenAfter.get(c);
                    if (seen == null) {
                        neverSeen++; // changed again before this page showed it, or never shown
                    } else {
                        visible.add(seen / 1_000_000);
                        if (seen / 1_000_000 > VISIBLE_WITHIN_MILLIS) {
                            seenLate++;
                        }
                    }
                }
            }
            List<Long> votes = new ArrayList<>(voteMillis);
            Collections.sort(votes);
            Collections.sort(visible);

            long wall = after.wallNanos - before.wallNanos;
            double cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("%nIssue 20 mass meeting: %d members of one group on one open ballot page (concurrent majority, %d parties), %d votes "
                    + "(%d of them changes) over %d s on one instance (%d cores)%n", present.size(), stored.size(), casts.size(),
                    casts.size() - lastAnswered.size(), seconds, (int) cores);
            System.out.printf("  sign-in of %d members (8 at a time, Argon2 each): %.1f s, %d failed, %d turned away and tried again%n",
                    seats.size(), signInSeconds, signInErrors.get(), SIGN_IN_RETRIES.get());
            System.out.printf("  cast a vote: %d timed (after %d s of warm-up); median %d ms, p95 %d ms, p99 %d ms, max %d ms (target p95 < 300 ms)%n",
                    votes.size(), WARM_UP_SECONDS, at(votes, 0.5), at(votes, 0.95), at(votes, 0.99), at(votes, 1.0));
            System.out.printf("  errors: %d votes not confirmed (target 0): %d refused saying try again, %d with no answer within 30 s, %d other%n",
                    errors.get(), refusedTryAgain.get(), unanswered, errors.get() - refusedTryAgain.get() - unanswered);
            System.out.printf("  confirmed votes counted: %d of %d members' last confirmed votes are the database's, %d lost (target: all)%n",
                    counted, counted + lost, lost);
            System.out.printf("  final tally: %d of %d pages equal to the database's, %d differ (target: all)%n",
                    pagesRight.get(), present.size(), pagesWrong.get());
            System.out.printf("  vote to visible, %d sampled pages polled every %d ms, from the click: median %d ms, p95 %d ms, max %d ms; "
                    + "%d of %d over %d ms; %d not shown before the member changed it again%n", observers.size(), POLL_MILLIS,
                    at(visible, 0.5), at(visible, 0.95), at(visible, 1.0), seenLate, visible.size(), VISIBLE_WITHIN_MILLIS, neverSeen);
            System.out.printf("  CPU during voting (%.0f s wall, %.0f core-seconds available): app %.0f%%, simulator %.0f%%, "
                            + "rest of the machine (PostgreSQL, anything else) %.0f%% of the machine%n", wall / 1e9, wall / 1e9 * cores,
                    share(after.appNanos - before.appNanos, wall, cores), share(after.selfNanos - before.selfNanos, wall, cores),
                    share(after.machineBusyNanos - before.machineBusyNanos - (after.appNanos - before.appNanos) - (after.selfNanos - before.selfNanos), wall, cores));
            String name = "run-meeting " + present.size() + " members";
            Summary.line(name, "cast a vote p95", "< 300 ms", Summary.ms(at(votes, 0.95)), at(votes, 0.95) < 300);
            Summary.line(name, "votes not confirmed", "0", String.valueOf(errors.get()), errors.get() == 0);
            Summary.line(name, "confirmed votes lost", "0", lost + " of " + (counted + lost), lost == 0);
            Summary.line(name, "pages whose final tally differs from the database's", "0", pagesWrong.get() + " of " + present.size(),
                    pagesWrong.get() == 0 && pagesRight.get() == present.size());
            Summary.line(name, "vote visible on a sampled page, p95 (median)", "< 2,000 ms",
                    Summary.ms(at(visible, 0.95)) + " (" + Summary.ms(at(visible, 0.5)) + ")", at(visible, 0.95) < VISIBLE_WITHIN_MILLIS);
            Summary.line(name, "CPU share of the machine: app / simulator", "", String.format(java.util.Locale.ROOT, "%.0f%% / %.0f%%",
                    share(after.appNanos - before.appNanos, wall, cores), share(after.selfNanos - before.selfNanos, wall, cores)), null);
        }
    }

    /**
     * Signs in as a member would on a busy evening: the app checks only a few passwords at once and turns the rest
     * away to try again, so a refused sign-in is tried again after a pause, up to five times, and counted as retried.
     */
    private static UiSession signIn(URI base, String email) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return UiSession.signIn(base, email, TestMembers.PASSWORD);
            } catch (IllegalStateException refused) {
                if (attempt == 5) {
                    throw refused;
                }
                SIGN_IN_RETRIES.incrementAndGet();
                Thread.sleep(1000L * attempt);
            }
        }
    }

    private static final AtomicInteger SIGN_IN_RETRIES = new AtomicInteger();

    /** Reads the observer's list of who voted how, if it changed, and notes the casts it shows for the first time. */
    private static void see(Observer o, long now, List<Cast> casts) {
        String list = o.session.findAll(n -> Optional.ofNullable(n.string("innerHTML")).orElse("").contains("cg-person"))
                .stream().findFirst().map(n -> n.string("innerHTML")).orElse("");
        if (list.equals(o.shownList)) {
            return;
        }
        o.shownList = list;
        Map<String, Choice> shown = new HashMap<>();
        Matcher m = NAMED.matcher(list);
        while (m.find()) {
            shown.put(m.group(1), Choice.valueOf(m.group(2).toUpperCase()));
        }
        for (Cast c : casts) {
            if (c.sentAt < now && !o.seenAfter.containsKey(c) && shown.get(c.name) == c.choice) {
                o.seenAfter.put(c, now - c.sentAt);
            }
        }
    }

    /** The page's chart: per party, for, against, abstain and electorate, as the member reads them. */
    private static Map<String, int[]> chartTally(UiSession session) {
        String svg = session.findAll(n -> Optional.ofNullable(n.string("innerHTML")).orElse("").contains("cg-chart"))
                .stream().findFirst().map(n -> n.string("innerHTML")).orElse("");
        Map<String, int[]> tally = new java.util.TreeMap<>();
        Matcher m = CHART_ROW.matcher(svg);
        while (m.find()) {
            tally.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5))});
        }
        return tally;
    }

    private static Map<String, int[]> storedTally(String database, long ballotId) throws SQLException {
        Map<String, int[]> tally = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select p.code, count(*) filter (where v.choice = 'FOR'), count(*) filter (where v.choice = 'AGAINST'), "
                     + "count(*) filter (where v.choice = 'ABSTAIN'), count(*) from ballot_elector e join party p on p.id = e.party_id "
                     + "left join vote v on v.ballot_id = e.ballot_id and v.member_id = e.member_id where e.ballot_id = " + ballotId + " group by p.code")) {
            while (r.next()) {
                tally.put(r.getString(1), new int[] {r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5)});
            }
        }
        return tally;
    }

    private static Map<String, Choice> storedVotes(String database, long ballotId) throws SQLException {
        Map<String, Choice> votes = new HashMap<>();
        try (Connection c = DriverManager.getConnection(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select m.display_name, v.choice from vote v join member m on m.id = v.member_id where v.ballot_id = " + ballotId)) {
            while (r.next()) {
                votes.put(r.getString(1), Choice.valueOf(r.getString(2)));
            }
        }
        return votes;
    }

    private static boolean sameTally(Map<String, int[]> a, Map<String, int[]> b) {
        return a.size() == b.size() && a.entrySet().stream().allMatch(e -> b.containsKey(e.getKey()) && java.util.Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    private static String describe(Map<String, int[]> tally) {
        StringBuilder text = new StringBuilder();
        tally.forEach((party, n) -> text.append(party).append(' ').append(java.util.Arrays.toString(n)).append(' '));
        return text.toString().trim();
    }

    /** CPU time so far: the app's process, this simulator's, and the whole machine's busy time, with the wall clock. */
    private record Cpu(long wallNanos, long appNanos, long selfNanos, long machineBusyNanos) {
        static Cpu now(ProcessHandle app) throws IOException {
            long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long appCpu = app.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            // /proc/stat's first line: jiffies (1/100 s) per kind of time; idle and iowait are the machine's rest.
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return new Cpu(System.nanoTime(), appCpu, self, busy * 10_000_000L);
        }
    }

    private static double share(long cpuNanos, long wallNanos, double cores) {
        return 100.0 * cpuNanos / (wallNanos * cores);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    private static long at(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private MeetingBenchmark() {
    }
}
