package io.migrationinsights.returns;

import io.migrationinsights.documents.CellText;
import io.migrationinsights.documents.StableZip;
import io.migrationinsights.documents.WorkbookStyles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the roll-up workbook: sheet {@code Roll-up} with one row per
 * organisation (ODS code, name, status, version, then one numeric column per
 * return code) and a total row. Organisation names come from people, so they
 * pass through {@link CellText} with the quote-prefix style; everything else is
 * codes and numbers. Aggregates only. Deterministic like the return workbook
 * (fixed widths, pinned properties, {@link StableZip}).
 */
final class RollUpWorkbook {

    static final String SHEET = "Roll-up";
    static final String TOTAL = "Total";
    /** Columns before the first code: ODS code, organisation, status, version. */
    static final int FIRST_CODE_COLUMN = 4;
    /** The row of the column headings (0-based); organisations follow. */
    static final int HEADER_ROW = 3;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private RollUpWorkbook() {
    }

    static byte[] render(RollUp rollUp) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(16 * 1024);
        YearMonth period = YearMonth.parse(rollUp.period());
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookStyles s = new Styles(wb);
            Sheet sheet = wb.createSheet(SHEET);
            int[] widths = {12, 40, 10, 9};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            ReturnCode[] codes = ReturnCode.values();
            for (int i = 0; i < codes.length; i++) {
                sheet.setColumnWidth(FIRST_CODE_COLUMN + i, 28 * 256);
            }
            text(sheet.createRow(0), 0, "Monthly NHS Digital return, roll-up for " + period.format(MONTH)
                    + " (" + period + ")", s.title);
            text(sheet.createRow(1), 0, "Each organisation's latest final version, or its DRAFT from today's data "
                    + "when none is final. Aggregate figures only.", s.note);
            Row header = sheet.createRow(HEADER_ROW);
            text(header, 0, "ODS code", s.header);
            text(header, 1, "Organisation", s.header);
            text(header, 2, "Status", s.header);
            text(header, 3, "Version", s.headerRight);
            for (int i = 0; i < codes.length; i++) {
                text(header, FIRST_CODE_COLUMN + i, codes[i].name(), s.headerRight);
            }
            int r = HEADER_ROW + 1;
            for (RollUp.Line line : rollUp.organisations()) {
                Row row = sheet.createRow(r++);
                text(row, 0, line.odsCode(), s.text);
                text(row, 1, CellText.neutralise(line.name()), s.userText);
                text(row, 2, line.status().toUpperCase(Locale.ROOT), s.status);
                number(row, 3, line.version(), s.integer);
                for (int i = 0; i < codes.length; i++) {
                    number(row, FIRST_CODE_COLUMN + i, line.figures().get(codes[i].name()), s.integer);
                }
            }
            Row total = sheet.createRow(r);
            text(total, 0, TOTAL, s.label);
            text(total, 1, rollUp.organisations().size() + (rollUp.organisations().size() == 1 ? " organisation"
                    : " organisations"), s.label);
            for (int i = 0; i < codes.length; i++) {
                number(total, FIRST_CODE_COLUMN + i, rollUp.total().get(codes[i].name()), s.integer);
            }
            sheet.createFreezePane(2, HEADER_ROW + 1);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setFitToPage(true);
            Date date = Date.from(period.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            core.setCreated(Optional.of(date));
            core.setModified(Optional.of(date));
            core.setCreator("Migration Insights");
            core.setLastModifiedByUser("Migration Insights");
            core.setTitle("Monthly NHS Digital return roll-up " + period);
            wb.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.size());
        StableZip.copy(raw.toByteArray(), out);
        return out.toByteArray();
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

    private static final class Styles extends WorkbookStyles {
        Styles(XSSFWorkbook wb) {
            super(wb);
        }
    }
}
