package io.migrationinsights.ingest;

import java.util.List;
import java.util.Set;

/**
 * One column of an import kind: its CSV name, the table column it fills, how it
 * is read and whether it must have a value.
 */
record Field(String name, String dbColumn, FieldType type, boolean required, List<String> allowed,
             Set<String> aliases) {

    static Field text(String name, boolean required) {
        return new Field(name, name, FieldType.TEXT, required, List.of(), Set.of());
    }

    static Field of(String name, FieldType type, boolean required) {
        return new Field(name, name, type, required, List.of(), Set.of());
    }

    static Field oneOf(String name, boolean required, String... allowed) {
        return new Field(name, name, FieldType.ENUM, required, List.of(allowed), Set.of());
    }

    Field column(String dbColumn) {
        return new Field(name, dbColumn, type, required, allowed, aliases);
    }

    Field alias(String alias) {
        return new Field(name, dbColumn, type, required, allowed, Set.of(alias));
    }
}
