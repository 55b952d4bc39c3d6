package io.migrationinsights.ingest;

import java.util.List;

/** One parsed data row: typed values by field, with the row number a spreadsheet shows. */
final class Row implements ImportSummary.ImportedRow {

    /** Collects findings about the current row. */
    interface Errors {
        void add(String column, String message);
    }

    /** The fields' names in order, shared by the rows of one file. */
    private final String[] names;
    final Object[] values;
    final String[] raw;
    long number;

    Row(String[] names) {
        this.names = names;
        this.values = new Object[names.length];
        this.raw = new String[names.length];
    }

    /** The names of the kind's fields, in order: made once per file and passed to each row. */
    static String[] names(List<Field> fields) {
        return fields.stream().map(Field::name).toArray(String[]::new);
    }

    @Override
    public Object get(String field) {
        return values[at(field)];
    }

    String raw(String field) {
        return raw[at(field)];
    }

    /**
     * The field's position. Rules and summaries ask by the name's constant, the very string the kind was declared
     * with, so a look by identity finds it; a few fields at most, each row several times (no hashing).
     */
    private int at(String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == field) {
                return i;
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + field);
    }
}
