package org.mayorsoffice.casework.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database cannot be reached" (503 page) and which are ordinary errors (500 page). */
class DatabaseUnavailableFilterTest {

    @Test
    void failuresToReachTheDatabaseAreRecognisedHoweverDeeplyWrapped() {
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new ServletException("handler failed",
                new CannotCreateTransactionException("no connection", new SQLTransientConnectionException("timed out"))))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new RuntimeException(
                new SQLException("connection attempt failed", "08001")))).isTrue();
    }

    @Test
    void bugsAndBadDataAreNotMistakenForAnOutage() {
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailableFilter.databaseUnreachable(new RuntimeException(
                new SQLException("syntax error", "42601")))).isFalse();
    }
}
