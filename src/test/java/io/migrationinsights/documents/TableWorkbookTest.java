package io.migrationinsights.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The table export read back with POI, as a spreadsheet program would open it. */
class TableWorkbookTest {

    private static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void writesCaptionHeadersAndTypedCells() throws IOException {
        TableWorkbook.Table table = new TableWorkbook.Table("Benefits register", List.of("Benefit", "Value",
                "Saving", "Measured on", "Met", "Note"), List.of(
                Arrays.asList("=HYPERLINK(\"x\")", 42L, new BigDecimal("1234.50"), LocalDate.of(2026, 3, 31), true,
                        null),
                Arrays.asList("Fewer calls", 7, 0.25, null, false, "+44 is a phone number")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(out);
        try (XSSFWorkbook wb = open(out.toByteArray())) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("Benefits register", sheet.getSheetName());
            assertEquals("Benefits register", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(List.of("Benefit", "Value", "Saving", "Measured on", "Met", "Note"),
                    Stream.of(sheet.getRow(TableWorkbook.HEADER_ROW)).flatMap(r -> Stream.iterate(0, i -> i < 6, i -> i + 1)
                            .map(i -> r.getCell(i).getStringCellValue())).toList());
            Row first = sheet.getRow(TableWorkbook.FIRST_ROW);
            // uploaded text never becomes a formula
            assertEquals(CellType.STRING, first.getCell(0).getCellType());
            assertEquals("'=HYPERLINK(\"x\")", first.getCell(0).getStringCellValue());
            assertTrue(first.getCell(0).getCellStyle().getQuotePrefixed());
            assertEquals(CellType.NUMERIC, first.getCell(1).getCellType());
            assertEquals(42.0, first.getCell(1).getNumericCellValue());
            assertEquals(1234.5, first.getCell(2).getNumericCellValue());
            assertEquals("#,##0.00", first.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(2026, 3, 31), first.getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yes", first.getCell(4).getStringCellValue());
            assertEquals(null, first.getCell(5));
            Row second = sheet.getRow(TableWorkbook.FIRST_ROW + 1);
            assertEquals(7.0, second.getCell(1).getNumericCellValue());
            assertEquals(0.25, second.getCell(2).getNumericCellValue());
            assertEquals("no", second.getCell(4).getStringCellValue());
            assertEquals("'+44 is a phone number", second.getCell(5).getStringCellValue());
            assertEquals(TableWorkbook.FIRST_ROW + 1, sheet.getLastRowNum());
            assertEquals(TableWorkbook.FIRST_ROW, sheet.getPaneInformation().getHorizontalSplitPosition());
        }
    }

    @Test
    void aCaptionThatCannotNameASheetStillNamesIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableWorkbook.Table("Reconciliation [T1]: needs_account / a very long caption indeed",
                List.of("A"), List.of()).write(out);
        try (XSSFWorkbook wb = open(out.toByteArray())) {
            String name = wb.getSheetAt(0).getSheetName();
            assertTrue(name.length() <= 31, name);
            assertEquals(TableWorkbook.HEADER_ROW, wb.getSheetAt(0).getLastRowNum());
        }
    }

    @Test
    void refusesARowWiderThanItsHeaders() {
        TableWorkbook.Table table = new TableWorkbook.Table("T", List.of("A"), List.of(List.of("x", "y")));
        assertThrows(IllegalArgumentException.class, () -> table.write(new ByteArrayOutputStream()));
    }

    @Test
    void streamsThousandsOfRowsProducedOneByOneAndDeletesItsTemporaryFile() throws IOException {
        int rows = 5000;
        Set<String> before = sheetTempFiles();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] tempFilesWhileWriting = {0};
        // rows are produced one at a time (as from a database cursor), never as a list
        TableWorkbook.write("Many", List.of("N", "Text"), sink -> {
            for (int i = 0; i < rows; i++) {
                sink.row(List.of(i, "row " + i));
                if (i == rows - 1) {
                    tempFilesWhileWriting[0] = sheetTempFiles().size() - before.size();
                }
            }
        }, out);
        // while writing, the flushed rows sat in a temporary file; it is gone afterwards
        assertEquals(1, tempFilesWhileWriting[0]);
        assertEquals(before, sheetTempFiles());
        try (XSSFWorkbook wb = open(out.toByteArray())) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(rows + TableWorkbook.FIRST_ROW - 1, sheet.getLastRowNum());
            assertEquals(rows - 1.0, sheet.getRow(TableWorkbook.FIRST_ROW + rows - 1).getCell(0).getNumericCellValue());
            assertEquals("row 0", sheet.getRow(TableWorkbook.FIRST_ROW).getCell(1).getStringCellValue());
        }
    }

    @Test
    void deletesItsTemporaryFileWhenTheRowsFail() {
        Set<String> before = sheetTempFiles();
        assertThrows(IllegalStateException.class, () -> TableWorkbook.write("Broken", List.of("N"), sink -> {
            for (int i = 0; i < 1000; i++) {
                sink.row(List.of(i));
            }
            throw new IllegalStateException("the database went away");
        }, new ByteArrayOutputStream()));
        assertEquals(before, sheetTempFiles());
    }

    @Test
    void writesInstantsInUkTime() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // 30 June 2026 23:30 UTC is 1 July 00:30 in London (BST)
        new TableWorkbook.Table("T", List.of("At"), List.of(List.of(Instant.parse("2026-06-30T23:30:00Z"))))
                .write(out);
        try (XSSFWorkbook wb = open(out.toByteArray())) {
            assertEquals("2026-07-01T00:30", wb.getSheetAt(0).getRow(TableWorkbook.FIRST_ROW).getCell(0).getLocalDateTimeCellValue()
                    .toString());
        }
    }

    /** POI's temporary sheet files (poi-sxssf-sheet*.xml.gz in its temp folder). */
    private static Set<String> sheetTempFiles() {
        try {
            File probe = TempFile.createTempFile("probe", ".tmp");
            File dir = probe.getParentFile();
            assertTrue(probe.delete());
            String[] names = dir.list((d, n) -> n.startsWith("poi-sxssf-sheet"));
            return names == null ? Set.of() : Arrays.stream(names).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTableWithNoRowsHasItsHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TableWorkbook.Table("Empty", List.of("A", "B"), List.of()).write(out);
        try (XSSFWorkbook wb = open(out.toByteArray())) {
            assertEquals("B", wb.getSheetAt(0).getRow(TableWorkbook.HEADER_ROW).getCell(1).getStringCellValue());
            assertEquals(null, wb.getSheetAt(0).getRow(TableWorkbook.FIRST_ROW));
        }
    }
}
