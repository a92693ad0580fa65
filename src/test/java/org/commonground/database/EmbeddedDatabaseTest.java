package org.commonground.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.commonground.CommonGroundApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With no database configured the app runs its own PostgreSQL, except as root, where it says why it cannot. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    private String[] withoutDatabase() {
        // Command-line arguments outrank an SPRING_DATASOURCE_URL that CI might have set.
        return new String[] {"--spring.datasource.url=", "--server.port=0",
                "--commonground.embedded-database.directory=" + dataDirectory};
    }

    @Test
    void testsAndDevelopmentRunsHaveTheirPlatformsBinariesWhichAnEmptyClassPathLacks() {
        assertThat(EmbeddedBinaries.present(getClass().getClassLoader())).isTrue();
        assertThat(EmbeddedBinaries.present(new URLClassLoader(new URL[0], null))).isFalse();
    }

    @Test
    void startsAnEmbeddedDatabaseOrExplainsWhyNotInOneSentence(CapturedOutput output) throws Exception {
        SpringApplicationBuilder app = new SpringApplicationBuilder(CommonGroundApplication.class);
        if (RunningUser.isRoot()) {
            Throwable failure = catchThrowable(() -> app.run(withoutDatabase()));
            assertThat(failure).rootCause().isInstanceOf(EmbeddedDatabaseRefusedException.class).hasMessage(EmbeddedDatabaseRefusedException.AS_ROOT);
            assertThat(output.getAll())
                    .contains("PostgreSQL refuses to run as root")
                    .contains("SPRING_DATASOURCE_URL")
                    .contains("APPLICATION FAILED TO START");
        } else {
            try (ConfigurableApplicationContext context = app.run(withoutDatabase())) {
                Integer tables = new JdbcTemplate(context.getBean(DataSource.class))
                        .queryForObject("select count(*) from information_schema.tables where table_name = 'member'", Integer.class);
                assertThat(tables).isEqualTo(1);
                assertThat(dataDirectory.resolve("data/PG_VERSION")).exists();
            }
        }
    }
}
