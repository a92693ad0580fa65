package org.commonground.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a reason the embedded PostgreSQL cannot start into one clear sentence instead of a stack trace. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "export SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/DATABASE SPRING_DATASOURCE_USERNAME=USER "
                + "SPRING_DATASOURCE_PASSWORD=PASSWORD, then start Common Ground again.", cause);
    }
}
