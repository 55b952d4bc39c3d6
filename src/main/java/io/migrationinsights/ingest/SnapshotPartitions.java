package io.migrationinsights.ingest;

import io.migrationinsights.system.RetryLaterException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * PostgreSQL: where a snapshot import's rows go, and how they replace the
 * organisation's old rows (V12 partitions each snapshot table by
 * organisation). The rows are copied into a new table of their own, shaped
 * like the kind's table, with no index to maintain and a check constraint
 * that proves every row is the organisation's; once the import is accepted,
 * {@link #swap} drops the organisation's old partition and attaches the new
 * table in its place. Both are DDL inside the import's transaction: a
 * rollback leaves the old partition where it was and the new table gone, and
 * readers see the old rows until the commit, then the new ones.
 * <p>
 * Nothing in the import touches the partitioned table before the swap, so an
 * import holds no lock on it that another organisation's swap could wait for.
 * The swap needs the table to itself for a moment: it waits for running
 * queries to end in short turns ({@link #TURN}), so readers queued behind it
 * wait at most a turn each time, until {@code insights.import.lock-wait} is
 * spent (then 409, nothing imported).
 */
final class SnapshotPartitions {

    static final Duration TURN = Duration.ofMillis(200);
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private SnapshotPartitions() {
    }

    /** Whether this import writes into a table of its own: a snapshot kind on PostgreSQL. */
    static boolean applies(Connection c, ImportKind kind) throws SQLException {
        return kind.mode() == ImportKind.Mode.SNAPSHOT && c.isWrapperFor(PGConnection.class);
    }

    /** The name of the import's own table. */
    static String tableFor(ImportKind kind, long organisationId, long importId) {
        return prefix(kind, organisationId) + "i" + importId;
    }

    private static String prefix(ImportKind kind, long organisationId) {
        return kind.table() + "_o" + organisationId + "_";
    }

    /**
     * Creates the import's table with the kind's columns, read from the catalogue (which takes no lock on the
     * partitioned table), the organisation and import as defaults, and a check that every row is the
     * organisation's (so attaching needs no scan).
     */
    static String create(Connection c, ImportKind kind, long organisationId, long importId) throws SQLException {
        String columns;
        try (PreparedStatement ps = c.prepareStatement("select string_agg(format('%I %s%s', a.attname, "
                + "format_type(a.atttypid, a.atttypmod), case when a.attnotnull then ' not null' else '' end), "
                + "', ' order by a.attnum) from pg_attribute a where a.attrelid = cast(? as regclass) "
                + "and a.attnum > 0 and not a.attisdropped")) {
            ps.setString(1, kind.table());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                columns = rs.getString(1);
            }
        }
        String table = tableFor(kind, organisationId, importId);
        try (Statement s = c.createStatement()) {
            s.execute("create table " + table + " (" + columns + ", constraint " + table + "_org check "
                    + "(organisation_id = " + organisationId + "))");
            // what every row has, so COPY need not send it (CopyRowSink)
            s.execute("alter table " + table + " alter column organisation_id set default " + organisationId
                    + ", alter column import_id set default " + importId);
        }
        return table;
    }

    /**
     * Puts the import's table in place of the organisation's old partition (if any), waiting for running
     * queries in turns of {@link #TURN} up to {@code wait}.
     */
    static void swap(Connection c, ImportKind kind, long organisationId, String table, Duration wait, String odsCode)
            throws SQLException {
        List<String> old = partitions(c, kind, organisationId);
        old.remove(table);
        long deadline = System.nanoTime() + wait.toNanos();
        try (Statement s = c.createStatement()) {
            // Savepoints in SQL: the pool refuses Connection.rollback(Savepoint) inside a JTA transaction.
            s.execute("set local lock_timeout = " + TURN.toMillis());
            while (true) {
                s.execute("savepoint swap");
                try {
                    s.execute("lock table " + kind.table() + " in access exclusive mode");
                    s.execute("release savepoint swap");
                    break;
                } catch (SQLException e) {
                    if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                        throw e;
                    }
                    s.execute("rollback to savepoint swap");
                    if (System.nanoTime() > deadline) {
                        throw new RetryLaterException(409, "Database busy", "The " + kind + " of organisation "
                                + odsCode + " could not be replaced within " + wait.toSeconds() + " s because "
                                + "long-running reads (such as a large download) were using them; nothing was "
                                + "imported. Upload the file again in a minute.", wait.toSeconds());
                    }
                    pause(TURN);
                }
            }
            s.execute("set local lock_timeout to default");
            for (String partition : old) {
                s.execute("drop table " + partition);
            }
            s.execute("alter table " + kind.table() + " attach partition " + table + " for values in ("
                    + organisationId + ")");
        }
    }

    /** The organisation's partitions of the kind's table: one, or none before its first import. */
    private static List<String> partitions(Connection c, ImportKind kind, long organisationId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select c.relname from pg_inherits i join pg_class c "
                + "on c.oid = i.inhrelid where i.inhparent = cast(? as regclass) and c.relname like ?")) {
            ps.setString(1, kind.table());
            ps.setString(2, prefix(kind, organisationId).replace("_", "\\_") + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to replace the organisation's rows", e);
        }
    }
}
