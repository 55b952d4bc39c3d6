package io.migrationinsights.ingest;

/**
 * One finding in a rejected import. {@code row} counts the header as row 1, as a
 * spreadsheet shows it; {@code column} is the CSV header name (null for the row).
 */
public record RowError(long row, String column, String value, String message) {

    static final int MAX_VALUE_LENGTH = 200;

    static RowError of(long row, String column, String value, String message) {
        String shown = value != null && value.length() > MAX_VALUE_LENGTH
                ? value.substring(0, MAX_VALUE_LENGTH) + "…" : value;
        return new RowError(row, column, shown, message);
    }
}
