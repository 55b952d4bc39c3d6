package io.migrationinsights.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * PostgreSQL: streams an import's valid rows into a table with
 * {@code COPY ... FROM STDIN (FORMAT csv)} on the import's own connection, so
 * they are part of its transaction (all or nothing as before) and the
 * set-based checks that follow see them with their source row. The server
 * loads while this thread parses the next rows: the socket between them is
 * the overlap. Rows are encoded here straight into bytes (most cells are
 * dates and plain ASCII text, written without a scan for quotes beyond one
 * pass): nulls are unquoted empty fields, an empty text a quoted one
 * (PostgreSQL's CSV rule), and values take the ISO forms PostgreSQL reads
 * whatever its DateStyle. Into a snapshot import's own table the organisation
 * and import are not sent: they are its column defaults (SnapshotPartitions).
 */
final class CopyRowSink implements RowSink {

    private static final int BUFFER = 1 << 16;

    private final PGCopyOutputStream copy;
    private final ImportKind kind;
    private final byte[] organisationId;
    private final byte[] importId;
    private final byte[] buffer = new byte[BUFFER];
    private int at;

    CopyRowSink(PGConnection connection, ImportKind kind, String table, boolean ownerByDefault, long organisationId,
                long importId) throws SQLException {
        this.kind = kind;
        this.organisationId = ownerByDefault ? null : ascii(Long.toString(organisationId));
        this.importId = ownerByDefault ? null : ascii(Long.toString(importId));
        List<String> columns = new ArrayList<>();
        if (!ownerByDefault) {
            columns.addAll(List.of("organisation_id", "import_id"));
        }
        columns.add("source_row");
        kind.fields().forEach(f -> columns.add(f.dbColumn()));
        kind.derived().forEach(d -> columns.add(d.dbColumn()));
        this.copy = new PGCopyOutputStream(connection, "copy " + table + " (" + String.join(", ", columns)
                + ") from stdin (format csv)", BUFFER);
    }

    @Override
    public void add(Row row) {
        try {
            if (organisationId != null) {
                bytes(organisationId);
                put((byte) ',');
                bytes(importId);
                put((byte) ',');
            }
            number(row.number);
            for (Object value : row.values) {
                put((byte) ',');
                cell(value);
            }
            for (ImportKind.Derived d : kind.derived()) {
                put((byte) ',');
                cell(d.value().apply(row));
            }
            put((byte) '\n');
        } catch (IOException e) {
            throw new IllegalStateException("Could not write row " + row.number + " to the database", e);
        }
    }

    /** LocalDate and OffsetDateTime print ISO 8601; booleans true/false; decimals without exponent. */
    private void cell(Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            text(text);
        } else if (value instanceof LocalDate date && date.getYear() >= 0 && date.getYear() <= 9999) {
            digits(date.getYear(), 4);
            put((byte) '-');
            digits(date.getMonthValue(), 2);
            put((byte) '-');
            digits(date.getDayOfMonth(), 2);
        } else if (value instanceof BigDecimal decimal) {
            bytes(ascii(decimal.toPlainString()));
        } else {
            text(value.toString());
        }
    }

    /** Plain ASCII without a comma, quote or line break goes as it is; anything else quoted, in UTF-8. */
    private void text(String text) throws IOException {
        if (text.isEmpty()) {
            put((byte) '"');
            put((byte) '"');
            return;
        }
        int n = text.length();
        boolean plain = true;
        for (int i = 0; i < n && plain; i++) {
            char c = text.charAt(i);
            plain = c >= ' ' && c < 0x7F && c != ',' && c != '"';
        }
        if (plain) {
            if (BUFFER - at < n) {
                drain();
            }
            if (n > BUFFER) {
                copy.write(text.getBytes(StandardCharsets.US_ASCII));
                return;
            }
            for (int i = 0; i < n; i++) {
                buffer[at + i] = (byte) text.charAt(i); // ASCII: each char is its byte
            }
            at += n;
            return;
        }
        put((byte) '"');
        bytes(text.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8));
        put((byte) '"');
    }

    private void number(long value) throws IOException {
        bytes(ascii(Long.toString(value)));
    }

    private void digits(int value, int width) throws IOException {
        if (BUFFER - at < width) {
            drain();
        }
        for (int i = width - 1; i >= 0; i--) {
            buffer[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        at += width;
    }

    private void bytes(byte[] bytes) throws IOException {
        if (BUFFER - at < bytes.length) {
            drain();
            if (bytes.length > BUFFER) {
                copy.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, at, bytes.length);
        at += bytes.length;
    }

    private void put(byte b) throws IOException {
        if (at == BUFFER) {
            drain();
        }
        buffer[at++] = b;
    }

    private void drain() throws IOException {
        copy.write(buffer, 0, at);
        at = 0;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void flush() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        try {
            drain();
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
