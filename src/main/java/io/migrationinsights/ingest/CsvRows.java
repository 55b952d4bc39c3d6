package io.migrationinsights.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.Reader;
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
    void read(Reader reader, Consumer<Row> sink) {
        long rowNumber = 0;
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .skipEmptyLines(false)
                .maxBufferSize(MAX_RECORD_CHARS)
                .ofCsvRecord(reader)) {
            int[] target = null;
            int width = 0;
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < kind.fields().size(); i++) {
                index.put(kind.fields().get(i).name(), i);
            }
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
                if (record.getFieldCount() == 1 && record.getField(0).isEmpty()) {
                    continue; // a blank line
                }
                if (record.getFieldCount() != width) {
                    error(rowNumber, null, null, "has " + record.getFieldCount() + " cells but the header has "
                            + width + ": check for a missing or extra comma, or an unquoted comma in a value");
                    continue;
                }
                dataRows++;
                Row row = new Row(kind.fields(), index);
                row.number = rowNumber;
                if (readCells(record, target, row) && checkRules(row) && errorCount == 0) {
                    sink.accept(row);
                }
            }
            if (target == null) {
                error(1, null, null, "the file is empty: the first row must be the header");
            }
        } catch (CsvParseException e) {
            error(rowNumber + 1, null, null, "cannot be read as CSV: " + describe(e)
                    + ". Check that every opening quote has a closing quote.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(CsvParseException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.toLowerCase(Locale.ROOT).contains("quote")) {
            return "a quoted value is never closed";
        }
        if (m.toLowerCase(Locale.ROOT).contains("buffer")) {
            return "a value is longer than " + MAX_RECORD_CHARS + " characters";
        }
        return m.replaceAll("[\\r\\n]+", " ");
    }

    /** Maps header positions to fields (-1 = ignored); null when the header is unusable. */
    private int[] header(CsvRecord record) {
        int[] target = new int[record.getFieldCount()];
        Map<String, Integer> seen = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < record.getFieldCount(); i++) {
            String raw = record.getField(i);
            String name = normalise(raw);
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
                continue;
            }
            Field field = kind.fields().get(target[i]);
            String text = record.getField(i).strip();
            if (text.length() > maxFieldLength) {
                error(row.number, field.name(), text, "is longer than the limit of " + maxFieldLength + " characters");
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
