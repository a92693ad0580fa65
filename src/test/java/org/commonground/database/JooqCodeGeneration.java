package org.commonground.database;

import java.nio.file.Path;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes from a PostgreSQL database that Flyway has migrated. The committed output lives in
 * {@code src/main/jooq}; {@link JooqCodeDriftTest} regenerates it on every test run and fails on any difference.
 */
public final class JooqCodeGeneration {

    public static final String PACKAGE = "org.commonground.jooq";

    private JooqCodeGeneration() {
    }

    public static void generate(String jdbcUrl, String user, String password, Path targetDirectory) throws Exception {
        GenerationTool.generate(new Configuration()
                .withLogging(org.jooq.meta.jaxb.Logging.WARN)
                .withJdbc(new Jdbc().withUrl(jdbcUrl).withUser(user).withPassword(password))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withIncludes(".*")
                                // The search columns (tsvector, V11) are read only by the search's own SQL; leaving
                                // them out of the records keeps every other query from fetching them.
                                .withIncludeExcludeColumns(true)
                                .withExcludes("flyway_schema_history|audit_event_is_append_only|proposal_revision_is_immutable|pact_revision_is_immutable|publication_is_immutable|audit_event_announce|notification_announce"
                                        + "|search_vector|proposal_search_vector|.*\\.search"))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withDaos(false)
                                .withRoutines(false)
                                .withJavaTimeTypes(true)
                                .withGeneratedAnnotation(false)
                                .withComments(false))
                        .withTarget(new Target()
                                .withPackageName(PACKAGE)
                                .withDirectory(targetDirectory.toString())
                                .withClean(true))));
    }

    /** Regenerates {@code src/main/jooq}: {@code java ... JooqCodeGeneration JDBC_URL USER PASSWORD DIR}. */
    public static void main(String[] args) throws Exception {
        generate(args[0], args[1], args.length > 2 ? args[2] : "", Path.of(args.length > 3 ? args[3] : "src/main/jooq"));
    }
}
