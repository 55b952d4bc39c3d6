package io.migrationinsights.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL: streams an import's valid rows into the kind's table with
 * {@code COPY ... FROM STDIN (FORMAT csv)} on the import's own connection, so
 * they are part of its transaction (all or nothing as before) and the
 * set-based checks that follow (duplicate keys, references) see them with
 * their source row. The server loads while this thread parses the next rows:
 * the socket between them is the overlap. Nulls are unquoted empty fields,
 * an empty text a quoted one (PostgreSQL's CSV rule). Values are written in
 * the ISO forms PostgreSQL reads whatever its DateStyle.
 */
final class CopyRowSink implements RowSink {

    private static final int BUFFER = 1 << 16;

    private final PGCopyOutputStream copy;
    private final CsvWriter csv;
    private final ImportKind kind;
    private final String[] cells;
    private final String organisationId;
    private final String importId;

    CopyRowSink(PGConnection connection, ImportKind kind, String table, long organisationId, long importId)
            throws SQLException {
        this.kind = kind;
        this.organisationId = Long.toString(organisationId);
        this.importId = Long.toString(importId);
        List<String> columns = new ArrayList<>(List.of("organisation_id", "import_id", "source_row"));
        kind.fields().forEach(f -> columns.add(f.dbColumn()));
        kind.derived().forEach(d -> columns.add(d.dbColumn()));
        this.cells = new String[columns.size()];
        this.copy = new PGCopyOutputStream(connection, "copy " + table + " (" + String.join(", ", columns)
                + ") from stdin (format csv)", BUFFER);
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).quoteStrategy(QuoteStrategies.EMPTY)
                .bufferSize(BUFFER).build(copy, StandardCharsets.UTF_8);
    }

    @Override
    public void add(Row row) {
        int p = 0;
        cells[p++] = organisationId;
        cells[p++] = importId;
        cells[p++] = Long.toString(row.number);
        for (Object value : row.values) {
            cells[p++] = text(value);
        }
        for (ImportKind.Derived d : kind.derived()) {
            cells[p++] = text(d.value().apply(row));
        }
        try {
            csv.writeRecord(cells);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Could not write row " + row.number + " to the database", e);
        }
    }

    /** LocalDate and OffsetDateTime print ISO 8601; booleans true/false; decimals without exponent. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    @Override
    public void flush() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new SQLException("Could not send rows to the database", e);
        }
        copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
