package org.commonground.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.commonground.support.Chromium;
import org.commonground.support.TestDatabase;

/**
 * Measures what issue 2 promises: start-up time to the first served page, and the heap one signed-in session on the
 * groups view retains. Runs the packaged jar as a separate process, as a user would. Run it with bench/run.
 */
public final class StartupAndSessionBenchmark {

    private static final int PORT = Integer.getInteger("bench.port", 18080);
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 30);
    /** Not Amara, the demo's admin: her first page is the Security page, where she must add a second factor. */
    private static final String[] DEMO = {"ben", "liam", "chloe", "dev", "kate", "eleanor", "hannah", "fergus", "gwen", "isla", "jamal"};

    public static void main(String[] args) throws Exception {
        Files.deleteIfExists(Path.of("target/bench-app.log"));
        Path jar = findJar();
        String database = TestDatabase.url();
        System.out.println("jar: " + jar);

        // Cold: an empty database, so Flyway migrates and --demo fills it. The demo is written after the server
        // answers, so the app is stopped only once it has finished: stopped before, it left half a demo, and every later
        // start found members there and added none (the sessions below then could not sign in).
        Process first = start(java("-jar", jar.toString()), database);
        double cold;
        try {
            cold = secondsToFirstPage(first);
            awaitInLog("Demo content created", first);
        } finally {
            stop(first);
        }
        // Warm: the same database again, as on every later start.
        double warm = startAndStop(java("-jar", jar.toString()), database);

        // The deployment the README recommends: the jar extracted, with an AOT cache from a training run.
        Path extracted = Path.of("target/bench-app");
        run(java("-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", extracted.toString()));
        Path app = extracted.resolve(jar.getFileName());
        Path cache = extracted.resolve("app.aot");
        run(with(java("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh", "-jar", app.toString()), database));
        double cached = startAndStop(java("-XX:AOTCache=" + cache, "-jar", app.toString()), database);

        Process running = start(java("-XX:AOTCache=" + cache, "-jar", app.toString()), database);
        try {
            secondsToFirstPage(running);
            long perSession = retainedBytesPerSession(running.pid());
            System.out.printf("%nstart-up to first served page (target < 8 s):%n");
            System.out.printf("  java -jar, first start on an empty database: %.2f s%n", cold);
            System.out.printf("  java -jar, later start:                      %.2f s%n", warm);
            System.out.printf("  extracted jar with AOT cache, later start:   %.2f s%n", cached);
            System.out.printf("heap retained per signed-in session on the groups view (target < 250 KB): %.0f KB (mean over %d sessions)%n",
                    perSession / 1024.0, SESSIONS);
            Summary.line("run", "start-up, java -jar, first start / later start", "-", String.format(java.util.Locale.ROOT, "%.1f s / %.1f s", cold, warm), null);
            Summary.line("run", "start-up, extracted jar with AOT cache", "< 8 s", String.format(java.util.Locale.ROOT, "%.1f s", cached), cached < 8);
            Summary.line("run", "heap per signed-in session on the groups view (" + SESSIONS + " sessions)", "< 250 KB",
                    String.format(java.util.Locale.ROOT, "%.0f KB", perSession / 1024.0), perSession / 1024.0 < 250);
        } finally {
            stop(running);
        }
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        return command;
    }

    private static List<String> with(List<String> command, String database) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--demo", "--server.port=" + PORT, "--spring.datasource.url=" + database, "--logging.level.root=warn",
                "--logging.level.org.commonground.demo=info"));
        return full;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/bench-app.log").toFile())).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Failed: " + command + "; see target/bench-app.log");
        }
    }

    private static double startAndStop(List<String> command, String database) throws Exception {
        Process app = start(command, database);
        try {
            return secondsToFirstPage(app);
        } finally {
            stop(app);
        }
    }

    private static Path findJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("common-ground-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw -DskipTests package"));
        }
    }

    private static Process start(List<String> command, String database) throws IOException {
        return new ProcessBuilder(with(command, database)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target/bench-app.log").toFile())).start();
    }

    private static void awaitInLog(String line, Process app) throws Exception {
        long started = System.nanoTime();
        while (!Files.readString(Path.of("target/bench-app.log")).contains(line)) {
            if (!app.isAlive() || System.nanoTime() - started > Duration.ofSeconds(300).toNanos()) {
                throw new IllegalStateException("The app did not log '" + line + "'; see target/bench-app.log");
            }
            Thread.sleep(200);
        }
    }

    /** From launching the process to the first 200 on the sign-in page. */
    private static double secondsToFirstPage(Process app) throws Exception {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/login")).build();
        while (System.nanoTime() - started < Duration.ofSeconds(120).toNanos()) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The app stopped; see target/bench-app.log");
            }
            try {
                if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("No page within 120 s");
    }

    private static long retainedBytesPerSession(long pid) throws Exception {
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            // One session first, so classes, caches and pools that every session shares are loaded before the baseline.
            signInToGroups(browser, 0).close();
            long before = liveHeap(pid);
            List<BrowserContext> open = new ArrayList<>();
            for (int i = 1; i <= SESSIONS; i++) {
                open.add(signInToGroups(browser, i));
            }
            long after = liveHeap(pid);
            open.forEach(BrowserContext::close);
            return (after - before) / SESSIONS;
        }
    }

    private static BrowserContext signInToGroups(Browser browser, int i) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.navigate("http://localhost:" + PORT + "/login");
        String name = DEMO[i % DEMO.length];
        try {
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Email").setExact(true)).fill(name + "@demo.commonground.test");
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Password").setExact(true)).fill(name + "-common-ground");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
            page.waitForURL(u -> !u.contains("/login"));
            // Where a sign-in lands is not this benchmark's concern: it measures a session on the groups view.
            page.navigate("http://localhost:" + PORT + "/groups");
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My groups").setExact(true)).waitFor();
        } catch (RuntimeException stuck) {
            throw new IllegalStateException("Signing in as " + name + " stopped at " + page.url() + ", which said: "
                    + page.locator("body").innerText().strip(), stuck);
        }
        return context;
    }

    /** Live bytes after a full collection, read from a class histogram of the app's process. */
    private static long liveHeap(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(out);
        if (!total.find()) {
            throw new IllegalStateException("Unexpected jcmd output: " + out);
        }
        return Long.parseLong(total.group(1));
    }

    private static void stop(Process app) throws InterruptedException {
        app.destroy();
        app.waitFor();
    }

    private StartupAndSessionBenchmark() {
    }
}
