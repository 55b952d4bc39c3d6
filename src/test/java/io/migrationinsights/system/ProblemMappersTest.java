package io.migrationinsights.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database is out of reach" (503 with Retry-After, try
 * again) and which are faults (500), as the JDBC driver, Hibernate and our own
 * JDBC code wrap them. The end-to-end trial with a database that went away is
 * described in the README ("How imports behave").
 */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers(() -> true);

    private static void assertRetryLater(Response r, int status, String retryAfter) {
        assertEquals(status, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(retryAfter, r.getHeaderString("Retry-After"));
        assertEquals(status, ((Problem) r.getEntity()).status());
    }

    @Test
    void refusedConnectionFromOurJdbcCodeIsServiceUnavailable() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
                new ConnectException("Connection refused"));
        assertRetryLater(mappers.unexpected(new IllegalStateException("Import failed in the database", refused)),
                503, "30");
    }

    @Test
    void backendEndedByTheServerIsServiceUnavailable() {
        SQLException terminated = new SQLException("terminating connection due to administrator command", "57P01");
        assertRetryLater(mappers.unexpected(new PersistenceException(
                new JDBCConnectionException("could not execute query", terminated))), 503, "30");
    }

    @Test
    void credentialsThatCannotBeCheckedForWantOfADatabaseAreNotUnauthorized() {
        // The user store swallows the cause, so the database is asked whether it answers.
        AuthenticationFailedException failed = new AuthenticationFailedException();
        assertRetryLater(new ProblemMappers(() -> false).authenticationFailed(failed).await().indefinitely(),
                503, "30");
        Response wrongPassword = new ProblemMappers(() -> true).authenticationFailed(failed).await().indefinitely();
        assertEquals(401, wrongPassword.getStatus());
        assertEquals(null, wrongPassword.getHeaderString("Retry-After"));
    }

    @Test
    void otherDatabaseErrorsStayInternalErrors() {
        SQLException syntax = new SQLException("syntax error", "42601");
        Response r = mappers.unexpected(new IllegalStateException("bug", syntax));
        assertEquals(500, r.getStatus());
        assertEquals(null, r.getHeaderString("Retry-After"));
    }

    @Test
    void aRunningImportIsAConflictWithRetryAfter() {
        assertRetryLater(mappers.retryLater(new RetryLaterException(409, "Import running", "…", 30)), 409, "30");
    }
}
