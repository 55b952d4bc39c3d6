package io.migrationinsights.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as a page shows it and as its workbook export writes it, built once
 * from metric objects: {@code tags/table.html} renders it (caption, header
 * row, numbers right-aligned, a link to the workbook) and
 * {@link TableWorkbook} writes the same rows (numbers as numeric cells, text
 * through CellText). Cells are numbers (Long, Integer, BigDecimal...), text, or
 * null (empty); other values are written as their text.
 *
 * @param id        unique on its page: the HTML id and the export's file name
 * @param caption   the caption (every table has one)
 * @param columns   the header row
 * @param rows      the data rows, each as long as the header row
 * @param exportHref where its workbook is downloaded (see {@link #exportPath})
 */
public record Table(String id, String caption, List<String> columns, List<List<Object>> rows, String exportHref) {

    /** The address of a page's table export: {@code <page path>/tables/<id>.xlsx}. */
    public static String exportPath(String pagePath, String id) {
        return pagePath + "/tables/" + id + ".xlsx";
    }

    /** Starts a table shown on the page at {@code pagePath}. */
    public static Builder on(String pagePath, String id, String caption) {
        return new Builder(pagePath, id, caption);
    }

    /** Whether every non-empty cell of the column is a number (rendered right-aligned). */
    public boolean numeric(int column) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object v = row.get(column);
            if (v != null && !(v instanceof Number)) {
                return false;
            }
            any |= v != null;
        }
        return any;
    }

    /** Writes this table as a workbook to {@code out} (not closed), typed cells, streamed. */
    public void writeWorkbook(java.io.OutputStream out) throws java.io.IOException {
        io.migrationinsights.documents.TableWorkbook.write(caption, columns, sink -> rows.forEach(sink::row), out);
    }

    /**
     * A cell as the page shows it: numbers with thousands separators, dates as YYYY-MM-DD, instants in UK
     * time, booleans yes/no, a RAG status as its word (Red, Amber, Green, Grey), empty for null.
     */
    public static String display(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof java.time.Instant t) {
            return UK_TIME.format(t);
        }
        if (value instanceof io.migrationinsights.metrics.BenefitStatus.Rag r) {
            return r.name().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + r.name().substring(1);
        }
        if (value instanceof BigDecimal d) {
            return String.format(java.util.Locale.UK, "%,." + Math.max(0, d.scale()) + "f", d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(java.util.Locale.UK, "%,d", ((Number) value).longValue());
        }
        return value.toString();
    }

    /** {@link #display} for the template: works on an empty (null) cell, which a template extension does not. */
    public String text(Object value) {
        return display(value);
    }

    /** {@link #rag} for the template, null cells included. */
    public String ragOf(Object value) {
        return rag(value);
    }

    /** The RAG status of a cell (its CSS class: red, amber, green, grey), or null for other values. */
    public static String rag(Object value) {
        return value instanceof io.migrationinsights.metrics.BenefitStatus.Rag r ? r.name() : null;
    }

    private static final java.time.format.DateTimeFormatter UK_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT).withZone(io.migrationinsights.system.ClockProducer.UK);

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Builds a {@link Table} row by row. */
    public static final class Builder {
        private final String pagePath;
        private final String id;
        private final String caption;
        private List<String> columns = List.of();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String pagePath, String id, String caption) {
            this.pagePath = pagePath;
            this.id = id;
            this.caption = caption;
        }

        public Builder columns(String... names) {
            columns = List.of(names);
            return this;
        }

        public Builder row(Object... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("Table " + id + ": a row of " + cells.length + " cells for "
                        + columns.size() + " columns");
            }
            rows.add(java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(cells))));
            return this;
        }

        public Table build() {
            return new Table(id, caption, columns, List.copyOf(rows), exportPath(pagePath, id));
        }
    }
}
