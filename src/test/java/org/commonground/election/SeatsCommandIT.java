package org.commonground.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar runs {@code seats} before Spring starts: no web server, no database, done in moments. */
class SeatsCommandIT {

    private static final Path JAR = Path.of("target", "common-ground-0.1.0-SNAPSHOT.jar");
    private static final Path GE2024 = Path.of("..", "shared", "data", "elections", "HoC-GE2024-results-by-constituency.csv");

    @TempDir
    Path folder;

    @Test
    void theJarAnalysesTheGeneralElectionOf2024WithoutStartingTheApp() throws Exception {
        assertThat(GE2024).as("the shared GE2024 results file").isRegularFile();

        Finished run = runJar("seats", "--results", GE2024.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.err).isEmpty();
        assertThat(run.out).doesNotContain("Started CommonGroundApplication", ":: Spring Boot ::", "Tomcat");
        assertThat(run.took).isLessThan(Duration.ofSeconds(10));
        List<String> lines = run.out.lines().toList();
        assertThat(lines).hasSize(652);
        assertThat(lines.get(0)).startsWith("ons_id,constituency,winner,winner_votes,best_placed,alliance_votes,target");
        long targets = lines.subList(1, 651).stream().filter(line -> line.contains(",true,")).count();
        assertThat(lines.get(651)).isEqualTo("targets: " + targets);
        // Byte for byte what the command prints in this JVM, accents included.
        assertThat(run.out).isEqualTo(inProcess("--results", GE2024.toString()));
    }

    @Test
    void theJarReportsAnErrorOnOneLineWithExitCode2() throws Exception {
        Path missing = folder.resolve("missing.csv");

        Finished run = runJar("seats", "--results", missing.toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.lines().toList()).containsExactly("seats: there is no file \"" + missing + "\".");
    }

    private Finished runJar(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged app (./mvnw -DskipTests package)").isRegularFile();
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("seats did not finish within 60 s: " + Files.readString(err));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), took);
    }

    private static String inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exitCode = SeatsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exitCode).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private record Finished(int exitCode, String out, String err, Duration took) {
    }
}
