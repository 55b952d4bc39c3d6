package io.migrationinsights.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.ByteConverter;

/**
 * PostgreSQL: streams an import's valid rows into a table with
 * {@code COPY ... FROM STDIN (FORMAT binary)} on the import's own connection,
 * so they are part of its transaction (all or nothing as before) and the
 * set-based checks that follow see them with their source row. The server
 * loads while the next rows are encoded here and read ahead on another thread
 * (ImportService): the socket between them is the overlap.
 *
 * <p>Why binary: the rows are already typed here, and the server then reads a
 * date as four bytes instead of parsing its text, and no line as CSV. Loading
 * the 1.5M-row accounts file took the server 0.64 s in binary against 1.08 s
 * from CSV (reports/benchmarks-notes.md), and the server was the slower side.
 * Each column is written in the binary form of its type in the table, read
 * from the catalogue when the sink opens (binary COPY has no conversions: an
 * int8 sent to an int4 column is refused). Into a snapshot import's own table
 * the organisation and import are not sent: they are its column defaults
 * (SnapshotPartitions), and its rows are copied frozen.
 */
final class CopyRowSink implements RowSink {

    private static final int BUFFER = 1 << 16;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Days and microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long EPOCH_DAYS = 10_957;
    private static final long EPOCH_MICROS = EPOCH_DAYS * 86_400_000_000L;

    private final PGCopyOutputStream copy;
    private final ImportKind kind;
    private final Long organisationId;
    private final Long importId;
    private final Encoding[] encodings;
    private final byte[] buffer = new byte[BUFFER];
    private int at;

    CopyRowSink(Connection connection, ImportKind kind, String table, boolean ownerByDefault, long organisationId,
                long importId) throws SQLException {
        this.kind = kind;
        this.organisationId = ownerByDefault ? null : organisationId;
        this.importId = ownerByDefault ? null : importId;
        List<String> columns = new ArrayList<>();
        if (!ownerByDefault) {
            columns.addAll(List.of("organisation_id", "import_id"));
        }
        columns.add("source_row");
        kind.fields().forEach(f -> columns.add(f.dbColumn()));
        kind.derived().forEach(d -> columns.add(d.dbColumn()));
        Map<String, String> types = columnTypes(connection, table);
        this.encodings = columns.stream().map(column -> Encoding.of(types.get(column), table + "." + column))
                .toArray(Encoding[]::new);
        // FREEZE: a snapshot import's own table was created in this transaction, so its rows can be written
        // frozen and all-visible. Later reads then set no hint bits (the first figure, the ANALYZE after the
        // swap, the next VACUUM), and no other transaction can see the table before the swap commits anyway.
        this.copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), "copy " + table + " ("
                + String.join(", ", columns) + ") from stdin (format binary" + (ownerByDefault ? ", freeze" : "")
                + ")", BUFFER);
        try {
            bytes(SIGNATURE);
            int32(0); // flags: no OIDs
            int32(0); // no header extension
        } catch (IOException e) {
            throw new SQLException("Could not start sending rows to the database", e);
        }
    }

    /** The table's columns and their types as PostgreSQL names them ("integer", "character varying", ...). */
    private static Map<String, String> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("select attname, format_type(atttypid, null) "
                + "from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return types;
    }

    @Override
    public void add(Row row) {
        try {
            int column = 0;
            int16(encodings.length);
            if (organisationId != null) {
                write(encodings[column++], organisationId);
                write(encodings[column++], importId);
            }
            write(encodings[column++], row.number);
            for (Object value : row.values) {
                write(encodings[column++], value);
            }
            for (ImportKind.Derived d : kind.derived()) {
                write(encodings[column++], d.value().apply(row));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write row " + row.number + " to the database", e);
        }
    }

    /** The column types a row's values go into, each with its binary form (PostgreSQL's *_send functions). */
    private enum Encoding {
        INT2, INT4, INT8, TEXT, DATE, TIMESTAMPTZ, BOOL, NUMERIC;

        static Encoding of(String type, String column) {
            if (type == null) {
                throw new IllegalStateException("The table has no column " + column);
            }
            return switch (type) {
                case "smallint" -> INT2;
                case "integer" -> INT4;
                case "bigint" -> INT8;
                case "character varying", "text", "character" -> TEXT;
                case "date" -> DATE;
                case "timestamp with time zone" -> TIMESTAMPTZ;
                case "boolean" -> BOOL;
                case "numeric" -> NUMERIC;
                default -> throw new IllegalStateException("No binary COPY form for " + column + " (" + type + ")");
            };
        }
    }

    /** One field: its length in bytes (-1 for null), then its bytes. */
    private void write(Encoding encoding, Object value) throws IOException {
        if (value == null) {
            int32(-1);
            return;
        }
        switch (encoding) {
            case INT2 -> {
                int32(2);
                int16(((Number) value).shortValue());
            }
            case INT4 -> {
                int32(4);
                int32(Math.toIntExact(((Number) value).longValue()));
            }
            case INT8 -> {
                int32(8);
                int64(((Number) value).longValue());
            }
            case TEXT -> text(value.toString());
            case DATE -> {
                int32(4);
                int32(Math.toIntExact(((LocalDate) value).toEpochDay() - EPOCH_DAYS));
            }
            case TIMESTAMPTZ -> {
                int32(8);
                OffsetDateTime t = (OffsetDateTime) value;
                int64(t.toEpochSecond() * 1_000_000L + t.getNano() / 1_000 - EPOCH_MICROS);
            }
            case BOOL -> {
                int32(1);
                put((byte) ((Boolean) value ? 1 : 0));
            }
            case NUMERIC -> numeric((BigDecimal) value);
        }
    }

    /** UTF-8; plain ASCII (most cells) is copied char by char without an encoder. */
    private void text(String text) throws IOException {
        int n = text.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (!ascii || n > BUFFER - 4) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            bytes(utf8);
            return;
        }
        int32(n);
        if (BUFFER - at < n) {
            drain();
        }
        for (int i = 0; i < n; i++) {
            buffer[at + i] = (byte) text.charAt(i); // ASCII: each char is its byte
        }
        at += n;
    }

    /**
     * numeric_send's form, by the driver's own encoder (it sends BigDecimal parameters in it): the table's
     * precision and scale apply on receipt, as for text (rounding to the column's places, refusing a value too
     * large).
     */
    private void numeric(BigDecimal value) throws IOException {
        byte[] encoded = ByteConverter.numeric(value);
        int32(encoded.length);
        bytes(encoded);
    }

    private void int16(int value) throws IOException {
        if (BUFFER - at < 2) {
            drain();
        }
        buffer[at++] = (byte) (value >>> 8);
        buffer[at++] = (byte) value;
    }

    private void int32(int value) throws IOException {
        if (BUFFER - at < 4) {
            drain();
        }
        buffer[at++] = (byte) (value >>> 24);
        buffer[at++] = (byte) (value >>> 16);
        buffer[at++] = (byte) (value >>> 8);
        buffer[at++] = (byte) value;
    }

    private void int64(long value) throws IOException {
        int32((int) (value >>> 32));
        int32((int) value);
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

    @Override
    public void flush() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        try {
            int16(-1); // the end of the rows
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
