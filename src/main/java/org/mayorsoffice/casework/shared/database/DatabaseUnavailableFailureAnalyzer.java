package org.mayorsoffice.casework.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing database into one short message that says what to do, without a stack trace. */
class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(
                "The casework application cannot reach its PostgreSQL database at " + cause.url() + ": "
                        + cause.reason() + ".",
                """
                Do one of these, then run ./mvnw spring-boot:run again:
                  - start PostgreSQL on localhost:5432 (on Debian: pg_ctlcluster <version> main start);
                  - start Docker, so the app runs the PostgreSQL in docker-compose.yml;
                  - point the app at your server with SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME
                    and SPRING_DATASOURCE_PASSWORD.""",
                null);
    }
}
