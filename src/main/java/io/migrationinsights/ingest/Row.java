package io.migrationinsights.ingest;

import java.util.List;
import java.util.Map;

/** One parsed data row: typed values by field, with the row number a spreadsheet shows. */
final class Row implements ImportSummary.ImportedRow {

    /** Collects findings about the current row. */
    interface Errors {
        void add(String column, String message);
    }

    private final Map<String, Integer> index;
    final Object[] values;
    final String[] raw;
    long number;

    Row(List<Field> fields, Map<String, Integer> index) {
        this.index = index;
        this.values = new Object[fields.size()];
        this.raw = new String[fields.size()];
    }

    @Override
    public Object get(String field) {
        return values[index.get(field)];
    }

    String raw(String field) {
        return raw[index.get(field)];
    }
}
