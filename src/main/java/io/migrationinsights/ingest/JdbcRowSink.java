package io.migrationinsights.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes valid rows into the kind's table with JDBC batches on the import's
 * own connection and transaction (H2; PostgreSQL uses {@link CopyRowSink}).
 */
final class JdbcRowSink implements RowSink {

    private final PreparedStatement insert;
    private final ImportKind kind;
    private final long organisationId;
    private final long importId;
    private final int batchSize;
    private final int[] sqlTypes;
    private int pending;

    JdbcRowSink(Connection connection, ImportKind kind, String table, long organisationId, long importId,
                int batchSize)
            throws SQLException {
        this.kind = kind;
        this.organisationId = organisationId;
        this.importId = importId;
        this.batchSize = batchSize;
        List<String> columns = new ArrayList<>(List.of("organisation_id", "import_id", "source_row"));
        kind.fields().forEach(f -> columns.add(f.dbColumn()));
        kind.derived().forEach(d -> columns.add(d.dbColumn()));
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        this.insert = connection.prepareStatement(sql);
        this.sqlTypes = new int[kind.fields().size()];
        for (int i = 0; i < sqlTypes.length; i++) {
            sqlTypes[i] = switch (kind.fields().get(i).type()) {
                case TEXT, LOWER_TEXT, ENUM -> Types.VARCHAR;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
                case BOOLEAN -> Types.BOOLEAN;
                case DECIMAL -> Types.NUMERIC;
            };
        }
    }

    @Override
    public void add(Row row) {
        try {
            int p = 1;
            insert.setLong(p++, organisationId);
            insert.setLong(p++, importId);
            insert.setInt(p++, (int) row.number);
            for (int i = 0; i < row.values.length; i++) {
                set(p++, row.values[i], sqlTypes[i]);
            }
            for (ImportKind.Derived d : kind.derived()) {
                set(p++, d.value().apply(row), d.sqlType());
            }
            insert.addBatch();
            if (++pending >= batchSize) {
                flush();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write row " + row.number, e);
        }
    }

    private void set(int position, Object value, int sqlType) throws SQLException {
        if (value == null) {
            insert.setNull(position, sqlType);
        } else {
            insert.setObject(position, value);
        }
    }

    @Override
    public void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
