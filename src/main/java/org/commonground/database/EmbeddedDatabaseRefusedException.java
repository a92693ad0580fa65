package org.commonground.database;

/** Why the embedded PostgreSQL cannot start, said as one sentence that also says what to do instead. */
public class EmbeddedDatabaseRefusedException extends RuntimeException {

    private static final String USE_A_SERVER = "point it at a PostgreSQL server by setting SPRING_DATASOURCE_URL "
            + "(for example jdbc:postgresql://127.0.0.1:5432/commonground) with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.";

    static final String AS_ROOT = "Common Ground cannot start its embedded PostgreSQL because PostgreSQL refuses to run as root; "
            + "run it as an ordinary user, or " + USE_A_SERVER;

    static final String NO_BINARIES = "No database is configured, and this build of Common Ground has no embedded PostgreSQL "
            + "(the packaged jar leaves it out; ./mvnw spring-boot:run has it): " + USE_A_SERVER;

    EmbeddedDatabaseRefusedException(String explanation) {
        super(explanation);
    }
}
