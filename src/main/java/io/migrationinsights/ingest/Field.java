package io.migrationinsights.ingest;

import java.util.List;
import java.util.Set;

/**
 * One column of an import kind: its CSV name, the table column it fills, how it
 * is read, whether it must have a value and, for text, the longest value its
 * table column holds (so a long cell is a finding on its row, not a database error).
 */
record Field(String name, String dbColumn, FieldType type, boolean required, List<String> allowed,
             Set<String> aliases, int maxLength) {

    static Field text(String name, boolean required, int maxLength) {
        return new Field(name, name, FieldType.TEXT, required, List.of(), Set.of(), maxLength);
    }

    static Field of(String name, FieldType type, boolean required) {
        return new Field(name, name, type, required, List.of(), Set.of(), Integer.MAX_VALUE);
    }

    static Field oneOf(String name, boolean required, String... allowed) {
        return new Field(name, name, FieldType.ENUM, required, List.of(allowed), Set.of(), Integer.MAX_VALUE);
    }

    Field column(String dbColumn) {
        return new Field(name, dbColumn, type, required, allowed, aliases, maxLength);
    }

    Field alias(String alias) {
        return new Field(name, dbColumn, type, required, allowed, Set.of(alias), maxLength);
    }

    /** The longest value the table column holds (varchar length in V1__schema.sql). */
    Field max(int length) {
        return new Field(name, dbColumn, type, required, allowed, aliases, length);
    }
}
