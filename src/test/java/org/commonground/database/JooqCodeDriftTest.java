package org.commonground.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.commonground.support.IntegrationTest;
import org.commonground.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The jOOQ classes are committed (so the build needs no database) and regenerated here from the database Flyway
 * just migrated: any difference fails the build. Run with {@code -Dcommonground.jooq.update=true} to rewrite
 * {@code src/main/jooq} after changing a migration.
 */
@IntegrationTest
class JooqCodeDriftTest {

    private static final Path COMMITTED = Path.of("src/main/jooq");

    @Test
    void committedJooqClassesMatchTheMigrations() throws Exception {
        boolean update = Boolean.getBoolean("commonground.jooq.update");
        Path target = update ? COMMITTED : Path.of("target/jooq-drift-check");
        JooqCodeGeneration.generate(TestDatabase.url(), null, null, target);
        if (update) {
            return;
        }
        Map<String, String> expected = read(target);
        Map<String, String> actual = read(COMMITTED);
        assertThat(actual.keySet()).as("generated files (regenerate with -Dcommonground.jooq.update=true)")
                .containsExactlyElementsOf(expected.keySet());
        expected.forEach((file, text) -> assertThat(actual.get(file)).as(file + " is stale; regenerate with -Dcommonground.jooq.update=true")
                .isEqualTo(text));
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".java")).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }
}
