package io.migrationinsights.ingest;

/** How a CSV cell is read (CONTRACT section 2, file rules). */
enum FieldType {
    /** Free text, surrounding spaces removed. */
    TEXT,
    /** Text compared case-insensitively, stored lower case (keys such as email addresses). */
    LOWER_TEXT,
    /** One of a fixed set of words, any case, stored lower case. */
    ENUM,
    /** {@code YYYY-MM-DD} or {@code DD/MM/YYYY}. */
    DATE,
    /** UK local date and time, stored as an instant. */
    TIMESTAMP,
    /** true/false, yes/no, y/n, 1/0, any case. */
    BOOLEAN,
    /** A decimal number. */
    DECIMAL
}
