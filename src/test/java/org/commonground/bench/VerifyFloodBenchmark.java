package org.commonground.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.commonground.support.AppProcess;
import org.commonground.support.TestDatabase;
import org.commonground.support.VerifyFlood;

/**
 * Issue 17: the public pages' response times and the app's heap while uploads of 20 MB flood {@code /p/verify}, the
 * packaged app running in a JVM of its own with a 256 MB heap. Run it with bench/run-verify-flood; arguments: the
 * number of uploads (200), and {@code limited} to keep the per-address limit (10 a minute) instead of raising it.
 */
public final class VerifyFloodBenchmark {

    public static void main(String[] args) throws Exception {
        int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean perAddressLimit = args.length > 1 && args[1].equals("limited");
        int port = AppProcess.freePort();
        String limit = "--commonground.verify.uploads-per-address-per-minute=" + (perAddressLimit ? 10 : 100_000);
        try (AppProcess app = AppProcess.start(List.of("-Xmx256m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"), port,
                TestDatabase.anotherUrl(), Path.of("target", "bench-verify-flood-app.log"), limit)) {
            URI base = URI.create("http://localhost:" + port + "/");
            VerifyFlood.run(app, base, 0); // warm-up: the first requests of a fresh JVM are slow
            VerifyFlood.Result quiet = VerifyFlood.run(app, base, 0);
            VerifyFlood.Result flood = VerifyFlood.run(app, base, uploads);
            System.out.printf("%n%d uploads of %.1f MB to /p/verify at once (per-address limit %s), app with -Xmx256m:%n",
                    uploads, VerifyFlood.UPLOAD_BYTES / 1048576.0, perAddressLimit ? "10 a minute" : "raised");
            System.out.printf("  answers: %s (status: count; -1 = no answer), all in %.1f s%n", flood.uploadStatuses(), flood.floodMillis() / 1000.0);
            System.out.printf("  app alive after: %s%n", app.isAlive());
            print("quiet", quiet);
            print("flood", flood);
            int answered = flood.uploadStatuses().entrySet().stream().filter(e -> e.getKey() != -1).mapToInt(Map.Entry::getValue).sum();
            Summary.line("run-verify-flood", uploads + " uploads of 20 MB at once: answered", "all", answered + " of " + uploads, answered == uploads);
            Summary.line("run-verify-flood", "app alive, heap in use at most (-Xmx256m)", "alive", (app.isAlive() ? "alive, " : "DEAD, ")
                    + flood.maxUsedHeapBytes() / 1048576 + " MB", app.isAlive());
            Summary.line("run-verify-flood", "public pages during the flood: failed, p95", "0 failed", flood.pageFailures() + ", "
                    + flood.pagePercentileMillis(95) + " ms", flood.pageFailures() == 0);
        }
    }

    private static void print(String name, VerifyFlood.Result r) {
        System.out.printf("  %s: public pages median %d ms, p95 %d ms, max %d ms over %d requests, %d failed; "
                        + "heap in use at most %d MB (%d samples)%n", name, r.pagePercentileMillis(50), r.pagePercentileMillis(95),
                r.pagePercentileMillis(100), r.pageMillis().size(), r.pageFailures(), r.maxUsedHeapBytes() / 1048576, r.samples());
    }
}
