package io.migrationinsights.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.migrationinsights.system.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams one CSV upload through the header and row rules of its kind. Valid
 * rows go to a consumer one at a time; findings are collected (the first
 * {@value #MAX_ERRORS}) and counted. Memory does not grow with the file.
 */
final class CsvRows {

    static final int MAX_ERRORS = 1000;
    private static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    private final ImportKind kind;
    private final int maxFieldLength;
    private final List<RowError> errors = new ArrayList<>();
    private long errorCount;
    private long dataRows;
    private final Set<String> ignoredColumns = new LinkedHashSet<>();
    private String[] headerNames;

    CsvRows(ImportKind kind, int maxFieldLength) {
        this.kind = kind;
        this.maxFieldLength = maxFieldLength;
    }

    /** Header names are case-insensitive; spaces, '-' and '_' are the same. */
    static String normalise(String header) {
        String h = header.startsWith("\uFEFF") ? header.substring(1) : header;
        return h.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }

    /**
     * Reads the whole upload. Valid rows are passed to {@code sink} only while
     * no finding has been made: once the import is doomed, rows are still
     * checked (to report them) but no longer written.
     */
    void read(GuardedReader reader, Consumer<Row> sink) {
        long rowNumber = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .skipEmptyLines(false)
                .maxBufferSize(MAX_RECORD_CHARS)
                .ofCsvRecord(reader)) {
            int[] target = null;
            int width = 0;
            String[] names = Row.names(kind.fields());
            for (CsvRecord record : csv) {
                rowNumber++;
                if (target == null) {
                    width = record.getFieldCount();
                    target = header(record);
                    if (target == null) {
                        return;
                    }
                    continue;
                }
                if (blank(record)) {
                    continue; // a blank line, or a row of empty cells as spreadsheets leave below the data
                }
                if (record.getFieldCount() != width) {
                    error(rowNumber, null, null, "has " + record.getFieldCount() + " cells but the header has "
                            + width + ": check for a missing or extra comma, or an unquoted comma in a value");
                    continue;
                }
                dataRows++;
                Row row = new Row(names);
                row.number = rowNumber;
                if (readCells(record, target, row) && checkRules(row) && errorCount == 0) {
                    sink.accept(row);
                }
            }
            if (target == null) {
                throw new ProblemException(400, "Empty file",
                        "The file is empty: the first row must be the header with the column names.");
            }
            long unclosed = reader.unclosedQuoteRow();
            if (unclosed > 0) {
                // The parser read the open quote to the end of the file as one value: what it made
                // of that last record is noise, the unclosed quote is the finding.
                long before = errors.size();
                errors.removeIf(e -> e.row() >= unclosed);
                errorCount -= before - errors.size();
                error(unclosed, null, null, "has a quoted value that is never closed: check that every opening "
                        + "quote has a closing quote, and that quotes inside a quoted value are doubled (\"\")");
            }
        } catch (CsvParseException e) {
            // The parser wraps what the reader throws: a refusal of the upload (413, 400, 415) stays one.
            if (e.getCause() instanceof ProblemException p) {
                throw p;
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            error(rowNumber + 1, null, null, "cannot be read as CSV: " + describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(CsvRecord record) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(CsvParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("after closing quote")) {
            return "a quoted value has text after its closing quote. Quote the whole value and double any quote "
                    + "inside it (\"\")";
        }
        if (m.contains("buffer") || m.contains("maximum")) {
            return "a value is longer than " + MAX_RECORD_CHARS + " characters. Check that every opening quote "
                    + "has a closing quote";
        }
        return "the row is not valid CSV (RFC 4180). Check its quotes and commas";
    }

    /** Maps header positions to fields (-1 = ignored); null when the header is unusable. */
    private int[] header(CsvRecord record) {
        int[] target = new int[record.getFieldCount()];
        headerNames = new String[record.getFieldCount()];
        Map<String, Integer> seen = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < record.getFieldCount(); i++) {
            String raw = record.getField(i);
            String name = normalise(raw);
            headerNames[i] = raw.strip();
            int field = fieldIndex(name);
            target[i] = field;
            if (field < 0) {
                if (!name.isEmpty()) {
                    ignoredColumns.add(raw.strip().replace("\uFEFF", ""));
                }
                continue;
            }
            String canonical = kind.fields().get(field).name();
            if (seen.putIfAbsent(canonical, i) != null) {
                error(1, raw.strip(), raw.strip(), "the column " + canonical + " appears more than once");
                ok = false;
            }
        }
        for (Field f : kind.fields()) {
            if (f.required() && !seen.containsKey(f.name())) {
                error(1, f.name(), null, "required column " + f.name() + " is missing from the header"
                        + (f.aliases().isEmpty() ? "" : " (or its alias " + String.join(", ", f.aliases()) + ")"));
                ok = false;
            }
        }
        return ok ? target : null;
    }

    private int fieldIndex(String name) {
        List<Field> fields = kind.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            if (f.name().equals(name) || f.aliases().contains(name)) {
                return i;
            }
        }
        return -1;
    }

    private boolean readCells(CsvRecord record, int[] target, Row row) {
        boolean ok = true;
        for (int i = 0; i < target.length; i++) {
            if (target[i] < 0) {
                if (record.getField(i).length() > maxFieldLength) {
                    error(row.number, headerNames[i], null, "is longer than the limit of " + maxFieldLength
                            + " characters (insights.import.max-field-length)");
                    ok = false;
                }
                continue;
            }
            Field field = kind.fields().get(target[i]);
            String text = record.getField(i).strip();
            int limit = Math.min(maxFieldLength, field.maxLength());
            if (text.length() > limit) {
                error(row.number, field.name(), text, "is longer than the limit of " + limit + " characters");
                ok = false;
                continue;
            }
            row.raw[target[i]] = text;
            if (text.isEmpty()) {
                continue;
            }
            try {
                row.values[target[i]] = Values.read(field, text);
            } catch (IllegalArgumentException e) {
                error(row.number, field.name(), text, e.getMessage());
                ok = false;
            }
        }
        for (int at = 0; at < kind.fields().size(); at++) {
            Field field = kind.fields().get(at);
            if (field.required() && row.raw[at] != null && row.raw[at].isEmpty()) {
                error(row.number, field.name(), "", "is required");
                ok = false;
            }
        }
        return ok;
    }

    private boolean checkRules(Row row) {
        long before = errorCount;
        for (ImportKind.RowRule rule : kind.rules()) {
            rule.check(row, (column, message) -> error(row.number, column, row.raw(column), message));
        }
        return errorCount == before;
    }

    void error(long row, String column, String value, String message) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(RowError.of(row, column, value, message));
        }
    }

    List<RowError> errors() {
        return errors;
    }

    long errorCount() {
        return errorCount;
    }

    long dataRows() {
        return dataRows;
    }

    List<String> ignoredColumns() {
        return List.copyOf(ignoredColumns);
    }
}
