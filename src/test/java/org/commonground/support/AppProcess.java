package org.commonground.support;

import java.io.IOException;
import java.net.ServerSocket;
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

/**
 * The packaged jar running in a JVM of its own, as in production: for the load benchmark (its heap is read with
 * jcmd) and the crash test (it is killed with SIGKILL and started again).
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** A port nothing listens on just now, for the jar to serve on. */
    public static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Starts the jar on {@code port} against {@code databaseUrl} and waits until it serves the sign-in page. */
    public static AppProcess start(int port, String databaseUrl, Path log, String... moreArgs) throws IOException, InterruptedException {
        return start(List.of(), port, databaseUrl, log, moreArgs);
    }

    /** As {@link #start(int, String, Path, String...)}, with options for the JVM such as {@code -Xmx256m}. */
    public static AppProcess start(List<String> jvmOptions, int port, String databaseUrl, Path log, String... moreArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        // -Dbench.app-jvm="options" tries the app's JVM with other options (another collector, say) without a rebuild.
        String more = System.getProperty("bench.app-jvm");
        if (more != null && !more.isBlank()) {
            command.addAll(List.of(more.trim().split("\\s+")));
        }
        // -Dbench.jfr=path records the app's JVM with JFR (dumped when it stops) to find where a benchmark's time goes.
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null && !jfr.isBlank()) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(jfr).toAbsolutePath());
        }
        command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--spring.datasource.url=" + databaseUrl));
        command.addAll(List.of(moreArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        AppProcess app = new AppProcess(process, log);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        app.close();
        throw new IllegalStateException("The app did not start; its log:\n" + Files.readString(log));
    }

    /** The jar that {@code package} built. */
    public static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("common-ground-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw -DskipTests package"));
        }
    }

    /** Kills the JVM at once (SIGKILL): no shutdown hooks, no graceful stop, as a power cut or the OOM killer. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Bytes live on the heap after a full collection, from a class histogram of the app's process. */
    public long liveHeapBytes() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(process.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(out);
        if (!total.find()) {
            throw new IllegalStateException("Unexpected jcmd output: " + out);
        }
        return Long.parseLong(total.group(1));
    }

    /**
     * Samples the heap in use (garbage included) every {@code millis} until {@code stop}, with one {@code jstat}
     * for the whole run (a {@code jcmd} per sample would start a JVM each time and take the cores it measures).
     * Returns the largest sample and how many there were.
     */
    public long[] maxUsedHeapBytes(int millis, java.util.function.BooleanSupplier stop) throws IOException, InterruptedException {
        String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
        Process p = new ProcessBuilder(jstat, "-gc", String.valueOf(process.pid()), String.valueOf(millis)).redirectErrorStream(true).start();
        long max = 0;
        int samples = 0;
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            List<String> columns = List.of(lines.readLine().strip().split("\\s+"));
            for (String line; !stop.getAsBoolean() && (line = lines.readLine()) != null; ) {
                String[] values = line.strip().split("\\s+");
                double usedKb = 0;
                for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                    usedKb += Double.parseDouble(values[columns.indexOf(column)]);
                }
                max = Math.max(max, (long) (usedKb * 1024));
                samples++;
            }
        } finally {
            p.destroy();
        }
        return new long[] {max, samples};
    }

    /** CPU time the app's process has used so far (all its threads, user and system). */
    public java.time.Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}
