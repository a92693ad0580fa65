package org.commonground.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, Common Ground runs its own PostgreSQL so that {@code ./mvnw spring-boot:run}
 * works on a fresh machine. Its data persists between runs in {@code commonground.embedded-database.directory}.
 * Only development runs and tests have its binaries (for their own platform); the packaged jar has none.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfiguredCondition.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${commonground.embedded-database.directory}") Path directory,
                                      @Value("${commonground.embedded-database.port:0}") int port) throws IOException {
        if (!EmbeddedBinaries.present(getClass().getClassLoader())) {
            throw new EmbeddedDatabaseRefusedException(EmbeddedDatabaseRefusedException.NO_BINARIES);
        }
        if (RunningUser.isRoot()) {
            throw new EmbeddedDatabaseRefusedException(EmbeddedDatabaseRefusedException.AS_ROOT);
        }
        Files.createDirectories(directory);
        log.info("No database configured: starting an embedded PostgreSQL with its data in {}", directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("data"))
                .setOverrideWorkingDirectory(directory.resolve("binaries").toFile())
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
