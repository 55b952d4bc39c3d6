package io.migrationinsights.ingest;

import io.migrationinsights.system.RetryLaterException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A bounded wait for the organisation's import lock (its row, locked for the
 * import's transaction by {@code OrganisationRepository.requireLocked}), so
 * imports of one organisation run one at a time on every instance sharing the
 * database, and a second writer waits at most {@code insights.import.lock-wait}
 * before 409 with {@code Retry-After}. The wait is set on the transaction's
 * connection for the lock only: PostgreSQL's {@code lock_timeout} (SQLSTATE
 * 55P03 when it expires) and H2's session {@code LOCK_TIMEOUT} (error 50200),
 * each put back once the lock is held.
 */
final class ImportLock {

    private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";
    private static final int H2_LOCK_TIMEOUT = 50200;

    private ImportLock() {
    }

    /**
     * Runs {@code lock} (which locks the organisation in the transaction of {@code c}) with the bounded wait.
     *
     * @return what {@code lock} returns: the organisation's id
     */
    static long acquire(Connection c, String odsCode, Duration wait, LongSupplier lock) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        long millis = Math.max(1, wait.toMillis());
        String restore;
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("set local lock_timeout = " + millis);
                restore = "set local lock_timeout to default";
            } else {
                try (ResultSet rs = s.executeQuery("select lock_timeout()")) {
                    rs.next();
                    restore = "set lock_timeout " + rs.getLong(1);
                }
                s.execute("set lock_timeout " + millis);
            }
        }
        try {
            long id = lock.getAsLong();
            if (postgres) {
                // After a failed statement PostgreSQL accepts no more in the transaction, so only here.
                try (Statement s = c.createStatement()) {
                    s.execute(restore);
                }
            }
            return id;
        } catch (RuntimeException e) {
            if (lockWaitRanOut(e)) {
                throw new RetryLaterException(409, "Import running",
                        "An import for organisation " + odsCode + " is running and did not finish within "
                                + wait.toSeconds() + " s; nothing was imported. Upload the file again when it "
                                + "has finished.", wait.toSeconds());
            }
            throw e;
        } finally {
            if (!postgres) {
                // H2's setting belongs to the pooled session, not the transaction: put it back in any case.
                try (Statement s = c.createStatement()) {
                    s.execute(restore);
                }
            }
        }
    }

    private static boolean lockWaitRanOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (POSTGRES_LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
                    || sql.getErrorCode() == H2_LOCK_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
