package io.migrationinsights.documents;

import io.migrationinsights.system.ClockProducer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Any table as a one-sheet workbook: the caption in the first row, the column
 * headers in the third (frozen, with a filter), then one row per table row.
 * The same helper exports the tables of the pages and the long lists of the
 * API (reconciliation members, legacy mailboxes).
 *
 * <p>Cells are typed by their value: whole numbers and decimals are numeric
 * cells, dates are date cells ({@code yyyy-mm-dd}), instants are UK date-times,
 * booleans read yes/no, null is a blank cell, and every other value is text
 * passed through {@link CellText} with the quote-prefix style, so nothing
 * uploaded can become a formula.
 *
 * <p>Streaming: rows go through POI's {@link SXSSFWorkbook}, which keeps
 * {@link #WINDOW} rows in memory and flushes the rest to a compressed temporary
 * file; the file is deleted when the write ends, whatever happens. Memory does
 * not grow with the number of rows, and the workbook is written straight to
 * the caller's stream (no byte array of the whole file).
 */
public final class TableWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Rows kept in memory while writing; older rows are flushed to the temporary file. */
    static final int WINDOW = 200;
    /** The header row's index in the sheet (the caption is in row 0, row 1 is blank). */
    public static final int HEADER_ROW = 2;
    /** The first table row's index in the sheet (after caption and headers). */
    public static final int FIRST_ROW = HEADER_ROW + 1;

    private TableWorkbook() {
    }

    /** Receives the rows of a table, one call per row, cells in column order. */
    @FunctionalInterface
    public interface RowSink {
        void row(List<?> cells);
    }

    /** Produces the rows of a table into a sink, for example from a database cursor. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(RowSink sink);
    }

    /** A table held in memory (a page's table): caption, column headers and rows of typed cells. */
    public record Table(String caption, List<String> headers, List<? extends List<?>> rows) {

        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
        }

        /** Writes this table as a workbook to {@code out} (not closed). */
        public void write(OutputStream out) throws IOException {
            TableWorkbook.write(caption, headers, sink -> rows.forEach(sink::row), out);
        }
    }

    /**
     * Writes a workbook of one sheet named after the caption to {@code out} (not closed): the caption,
     * the headers, then the rows {@code rows} produces. A row with more cells than headers is refused.
     */
    public static void write(String caption, List<String> headers, Rows rows, OutputStream out) throws IOException {
        // close() also deletes the temporary sheet files (POI 5.5 deprecates dispose() for this reason)
        try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW, true)) {
            Styles styles = new Styles(wb.getXSSFWorkbook());
            SXSSFSheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(sheetName(caption)));
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(CellText.neutralise(caption));
            title.setCellStyle(styles.title);
            Row head = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(CellText.neutralise(headers.get(c)));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, Math.min(60, Math.max(14, headers.get(c).length() + 4)) * 256);
            }
            sheet.createFreezePane(0, FIRST_ROW);
            if (!headers.isEmpty()) {
                sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, headers.size() - 1));
            }
            int[] next = {FIRST_ROW};
            rows.writeTo(cells -> {
                if (cells.size() > headers.size()) {
                    throw new IllegalArgumentException("A row of " + cells.size() + " cells under "
                            + headers.size() + " headers");
                }
                Row row = sheet.createRow(next[0]++);
                for (int c = 0; c < cells.size(); c++) {
                    cell(row, c, cells.get(c), styles);
                }
            });
            wb.write(out);
        }
    }

    private static void cell(Row row, int c, Object value, Styles styles) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(c);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number(cell, ((Number) value).doubleValue(), styles.integer);
        } else if (value instanceof BigDecimal d) {
            number(cell, d.doubleValue(), d.scale() <= 0 ? styles.integer : styles.decimal);
        } else if (value instanceof Number n) {
            number(cell, n.doubleValue(), styles.decimal);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.date);
        } else if (value instanceof LocalDateTime t) {
            cell.setCellValue(t);
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof Instant t) {
            cell.setCellValue(t.atZone(ClockProducer.UK).toLocalDateTime());
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof OffsetDateTime t) {
            cell.setCellValue(t.atZoneSameInstant(ClockProducer.UK).toLocalDateTime());
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b ? "yes" : "no");
            cell.setCellStyle(styles.text);
        } else {
            cell.setCellValue(CellText.neutralise(value.toString()));
            cell.setCellStyle(styles.userText);
        }
    }

    private static void number(Cell cell, double value, CellStyle style) {
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String sheetName(String caption) {
        String name = caption == null || caption.isBlank() ? "Table" : caption.strip();
        // createSafeSheetName replaces the characters a sheet name may not hold, and cuts to 31
        return name.replace('\'', ' ').strip();
    }

    /** The shared styles plus decimals, dates and date-times. */
    private static final class Styles extends WorkbookStyles {
        final CellStyle decimal;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(XSSFWorkbook wb) {
            super(wb);
            decimal = numeric(wb, wb.createDataFormat().getFormat("#,##0.00"), HorizontalAlignment.RIGHT);
            date = numeric(wb, wb.createDataFormat().getFormat("yyyy-mm-dd"), HorizontalAlignment.LEFT);
            dateTime = numeric(wb, wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"), HorizontalAlignment.LEFT);
        }
    }
}
