package org.commonground.election;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.commonground.support.TestDatabase;
import org.junit.jupiter.api.Test;

/** The packaged jar imports a results file from the command line, as a named admin, without the web server. */
class ImportResultsCommandIT {

    private static final Path JAR = Path.of("target", "common-ground-0.1.0-SNAPSHOT.jar");

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-jar", JAR.toString(), "import-results"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("import-out", ".txt");
        Path err = Files.createTempFile("import-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("the import finishes").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anAdminImportsTheRealFileAndAnythingElseIsRefusedWithOneLine() throws Exception {
        String database = TestDatabase.anotherUrl();
        String file = ElectionServiceTest.RESULTS.toString();
        String admin = "cli-admin@example.org";
        Run imported = run("--election", "GE2024", "--name", "General election 2024", "--file", file, "--admin", admin,
                "--spring.datasource.url=" + database, "--commonground.admin.email=" + admin,
                "--commonground.admin.password=a-long-enough-password-42");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported 650 constituencies for General election 2024 (GE2024).");
        try (Connection c = DriverManager.getConnection(database);
             ResultSet rows = c.createStatement().executeQuery("select count(*) from election_result r join election e on e.id = r.election_id where e.code = 'GE2024'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(650);
        }

        Run unknown = run("--election", "GE2024", "--name", "Again", "--file", file, "--admin", "nobody@example.org",
                "--spring.datasource.url=" + database);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("import-results: there is no account nobody@example.org.");

        Path bad = Files.createTempFile("bad", ".csv");
        Files.writeString(bad, "ONS ID,Constituency name\nE14000001,One\n");
        Run refused = run("--election", "GE2024", "--name", "Again", "--file", bad.toString(), "--admin", admin,
                "--spring.datasource.url=" + database);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("import-results: The file has no");
    }
}
