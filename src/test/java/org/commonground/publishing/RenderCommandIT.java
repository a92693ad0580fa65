package org.commonground.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar renders a draft PDF before Spring starts: no web server, no database. */
class RenderCommandIT {

    private static final Path JAR = Path.of("target", "common-ground-0.1.0-SNAPSHOT.jar");

    @TempDir
    Path dir;

    @Test
    void theJarRendersMarkdownAndPrintsTheFingerprint() throws Exception {
        Path markdown = dir.resolve("text.md");
        Files.writeString(markdown, "# Heading\n\nSome words for the draft.\n");
        Path pdf = dir.resolve("text.pdf");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-jar", JAR.toString(), "render",
                "--markdown", markdown.toString(), "--title", "A draft", "--out", pdf.toString()).redirectErrorStream(true).start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("(?m)^[0-9a-f]{64}$").doesNotContain("Started CommonGroundApplication");
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
}
