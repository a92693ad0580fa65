package org.commonground.database;

public class EmbeddedDatabaseRefusedException extends RuntimeException {

    static final String EXPLANATION =
            "Common Ground cannot start its embedded PostgreSQL because PostgreSQL refuses to run as root; "
            + "run it as an ordinary user, or point it at a PostgreSQL server by setting SPRING_DATASOURCE_URL "
            + "(for example jdbc:postgresql://127.0.0.1:5432/commonground) with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.";

    public EmbeddedDatabaseRefusedException() {
        super(EXPLANATION);
    }
}
