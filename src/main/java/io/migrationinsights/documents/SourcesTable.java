package io.migrationinsights.documents;

import io.migrationinsights.ingest.ImportLedger.ImportSource;
import io.migrationinsights.system.ClockProducer;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The sources table of a document's cover (CONTRACT section 4, {@code sources}):
 * the latest import of each kind its figures read, as {@link ImportSource}s from
 * the import ledger. One layout for every cover, the return's and the benefits
 * report's workbook, and one title and set of headings for the PDF. Holds no
 * file name or user: ids, counts, times and hashes only.
 */
public final class SourcesTable {

    public static final String TITLE = "Sources: the latest import of each kind the figures read";
    public static final List<String> HEADINGS = List.of("Kind", "Import id", "Rows", "Imported at (UK)",
            "SHA-256 of the file");
    /** Import times as the covers show them, in UK time. */
    public static final DateTimeFormatter UK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ClockProducer.UK);

    private SourcesTable() {
    }

    /**
     * Writes the title, the headings and one row per source from row {@code first} of columns A to E.
     *
     * @return the index of the first row after the table
     */
    public static int write(Sheet sheet, int first, List<ImportSource> sources, WorkbookStyles s) {
        int r = first;
        text(row(sheet, r++), 0, TITLE, s.header);
        Row headings = row(sheet, r++);
        for (int i = 0; i < HEADINGS.size(); i++) {
            text(headings, i, HEADINGS.get(i), s.header);
        }
        for (ImportSource src : sources) {
            Row row = row(sheet, r++);
            text(row, 0, src.kind(), s.text);
            number(row, 1, src.importId(), s.integerLeft);
            number(row, 2, src.rows(), s.integer);
            text(row, 3, UK_TIME.format(src.importedAt()), s.text);
            text(row, 4, src.sha256(), s.mono);
        }
        if (sources.isEmpty()) {
            text(row(sheet, r++), 0, "Nothing imported yet.", s.note);
        }
        return r;
    }

    private static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, long value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
