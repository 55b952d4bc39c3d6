package io.migrationinsights.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Where an import's valid rows go: the kind's table, on the import's own
 * connection and transaction, each row with its organisation, import and
 * source row (the row number the set-based checks name). On PostgreSQL the rows
 * stream in with COPY ({@link CopyRowSink}); elsewhere (H2) in JDBC batches
 * ({@link JdbcRowSink}).
 */
interface RowSink extends AutoCloseable {

    /** Writes one valid row (buffered). */
    void add(Row row);

    /** Writes whatever is buffered; after this every added row is in the table. */
    void flush() throws SQLException;

    /** Ends the sink; a write still open is abandoned (the transaction rolls back). */
    @Override
    void close() throws SQLException;

    /**
     * A sink into {@code table}: the kind's table, or a snapshot import's own table (SnapshotPartitions), whose
     * column defaults are the organisation and import ({@code ownerByDefault}: then they are not sent).
     */
    static RowSink open(Connection connection, ImportKind kind, String table, boolean ownerByDefault,
                        long organisationId, long importId, int batchSize) throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            return new CopyRowSink(connection, kind, table, ownerByDefault, organisationId, importId);
        }
        return new JdbcRowSink(connection, kind, table, organisationId, importId, batchSize);
    }
}
