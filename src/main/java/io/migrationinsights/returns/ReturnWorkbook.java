package io.migrationinsights.returns;

import io.migrationinsights.documents.CellText;
import io.migrationinsights.documents.SourcesTable;
import io.migrationinsights.documents.StableZip;
import io.migrationinsights.documents.WorkbookStyles;
import io.migrationinsights.system.ClockProducer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the monthly return workbook (CONTRACT section 5): sheets {@code Cover}
 * and {@code Return}.
 *
 * <p>Safe to open: every text that a user supplied (the organisation name, the
 * reason for a revision) is a string cell with the quote-prefix style, neutralised
 * by {@link CellText}, so neither Excel nor a CSV export of the sheet can turn it
 * into a formula. Nothing else in the file comes from uploads, and it holds aggregates
 * only: no staff names, ids, email addresses or user names.
 *
 * <p>Deterministic: the same document gives the same bytes whatever the time
 * zone, locale or date. Dates are formatted in UK time with fixed patterns,
 * numbers by cell style (never by the Java locale), column widths are fixed
 * (auto-size would depend on the installed fonts), the document properties are
 * pinned to the document's prepared-at time and the zip entries get a fixed time
 * (see {@link StableZip}).
 */
public final class ReturnWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String COVER = "Cover";
    static final String RETURN = "Return";

    private static final DateTimeFormatter UK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ClockProducer.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private ReturnWorkbook() {
    }

    /** The workbook as bytes. */
    public static byte[] render(ReturnDocument doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        write(doc, out);
        return out.toByteArray();
    }

    /** Writes the workbook to {@code out} (not closed). */
    public static void write(ReturnDocument doc, OutputStream out) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(16 * 1024);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            cover(wb.createSheet(COVER), doc, styles);
            figures(wb.createSheet(RETURN), doc, styles);
            for (Sheet sheet : wb) {
                // Prints on one page width, as it is read on screen.
                sheet.getPrintSetup().setLandscape(true);
                sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
                sheet.getPrintSetup().setFitWidth((short) 1);
                sheet.getPrintSetup().setFitHeight((short) 0);
                sheet.setFitToPage(true);
            }
            wb.setActiveSheet(0);
            properties(wb, doc);
            wb.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StableZip.copy(raw.toByteArray(), out);
    }

    private static void cover(Sheet sheet, ReturnDocument doc, Styles s) {
        ReturnFigures f = doc.figures();
        sheet.setColumnWidth(0, 32 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        // the sources table's last three columns: rows, imported at, SHA-256
        sheet.setColumnWidth(2, 10 * 256);
        sheet.setColumnWidth(3, 18 * 256);
        sheet.setColumnWidth(4, 68 * 256);
        int r = 0;
        text(sheet.createRow(r++), 0, "Monthly NHS Digital return: NHSmail migration", s.title);
        text(sheet.createRow(r++), 0, "Aggregate figures only: this workbook holds no names, staff ids or email addresses.",
                s.note);
        r++;
        r = pair(sheet, r, "Organisation", CellText.neutralise(doc.organisationName()), s.label, s.userText);
        r = pair(sheet, r, "ODS code", f.odsCode(), s.label, s.text);
        r = pair(sheet, r, "Period", f.period() + " (" + f.period().format(MONTH) + ")", s.label, s.text);
        r = pair(sheet, r, "Status", doc.isFinal() ? "FINAL" : "DRAFT", s.label, s.status);
        Row versionRow = sheet.createRow(r++);
        text(versionRow, 0, "Version", s.label);
        Cell version = versionRow.createCell(1);
        version.setCellValue(doc.version());
        version.setCellStyle(s.integerLeft);
        r = pair(sheet, r, "Prepared at", preparedAt(doc), s.label, s.text);
        r = pair(sheet, r, "Data as at", doc.dataAsAt() == null ? "no staff, account or appointment data imported yet"
                : UK_TIME.format(doc.dataAsAt()) + " UK time (latest import of staff, accounts or appointments)",
                s.label, s.text);
        r = pair(sheet, r, "SHA-256 of the figures", f.sha256(), s.label, s.mono);
        r = pair(sheet, r, "Revised", revised(doc), s.label, s.text);
        if (doc.revised() && doc.isFinal()) {
            r = pair(sheet, r, "Reason for revision", CellText.neutralise(doc.revisionReason()), s.label, s.userText);
        }
        r++;
        text(sheet.createRow(r++), 0, "Checks before sending", s.header);
        if (doc.checks().isEmpty()) {
            r = pair(sheet, r, "OK", "All checks passed.", s.label, s.text);
        }
        for (ReturnCheck c : doc.checks()) {
            r = pair(sheet, r, c.isError() ? "ERROR " + c.code() : "WARNING " + c.code(), c.message(),
                    c.isError() ? s.error : s.warning, s.wrap);
        }
        r++;
        r = SourcesTable.write(sheet, r, doc.sources(), s);
        r++;
        text(sheet.createRow(r++), 0, "About the SHA-256", s.header);
        text(sheet.createRow(r), 0, "It is the hash of the figures alone, as the CSV download of this return "
                + "(ods_code,period,code,value; UTF-8; one line per code): sha256sum of that file gives the same value.",
                s.note);
    }

    private static String preparedAt(ReturnDocument doc) {
        if (doc.preparedAt() == null) {
            return "draft: no data imported yet";
        }
        String when = UK_TIME.format(doc.preparedAt()) + " UK time";
        return doc.isFinal() ? when + " (finalised)" : when + " (draft: time of the latest import it reads)";
    }

    private static String revised(ReturnDocument doc) {
        if (!doc.revised()) {
            return "No: primary submission";
        }
        if (!doc.isFinal()) {
            return "Draft of a revision: version " + (doc.version() - 1) + " is the latest final";
        }
        return "Yes: revises version " + (doc.version() - 1);
    }

    private static void figures(Sheet sheet, ReturnDocument doc, Styles s) {
        ReturnFigures f = doc.figures();
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, 80 * 256);
        sheet.setColumnWidth(2, 14 * 256);
        text(sheet.createRow(0), 0, "NHS Digital monthly return for " + f.period().format(MONTH), s.title);
        text(sheet.createRow(1), 0, f.odsCode() + ", period " + f.period() + ", " + (doc.isFinal() ? "FINAL" : "DRAFT")
                + " version " + doc.version(), s.note);
        Row header = sheet.createRow(3);
        text(header, 0, "Code", s.header);
        text(header, 1, "Figure", s.header);
        text(header, 2, "Value", s.headerRight);
        int r = 4;
        for (ReturnCode code : ReturnCode.values()) {
            Row row = sheet.createRow(r++);
            text(row, 0, code.name(), s.mono);
            text(row, 1, code.label(), s.text);
            Cell value = row.createCell(2);
            value.setCellValue(f.get(code));
            value.setCellStyle(s.integer);
        }
        sheet.createFreezePane(0, 4);
    }

    private static int pair(Sheet sheet, int r, String label, String value, CellStyle labelStyle, CellStyle valueStyle) {
        Row row = sheet.createRow(r);
        text(row, 0, label, labelStyle);
        text(row, 1, value, valueStyle);
        return r + 1;
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Pins the document properties that POI would otherwise fill with "now". */
    private static void properties(XSSFWorkbook wb, ReturnDocument doc) {
        Instant when = doc.preparedAt() != null ? doc.preparedAt()
                : doc.figures().period().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Date date = Date.from(when);
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator("Migration Insights");
        core.setLastModifiedByUser("Migration Insights");
        core.setTitle("Monthly NHS Digital return " + doc.figures().odsCode() + " " + doc.figures().period());
        core.setSubjectProperty("NHSmail migration: " + (doc.isFinal() ? "final" : "draft") + " version " + doc.version());
    }

    /** The styles of one workbook, created once and shared by every cell. */
    private static final class Styles extends WorkbookStyles {
        final CellStyle wrap;
        final CellStyle error;
        final CellStyle warning;

        Styles(XSSFWorkbook wb) {
            super(wb);
            wrap = style(wb, null);
            wrap.setWrapText(true);
            error = coloured(wb, IndexedColors.DARK_RED);
            warning = coloured(wb, IndexedColors.BROWN);
        }
    }
}
