package io.migrationinsights.returns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.documents.CellText;
import io.migrationinsights.system.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.migrationinsights.ingest.ImportLedger.ImportSource;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook writer on its own: no service, no database. */
class ReturnWorkbookTest {

    static ReturnDocument document(String name, String reason, Instant preparedAt) {
        Map<ReturnCode, Long> values = new EnumMap<>(ReturnCode.class);
        long n = 1_234;
        for (ReturnCode code : ReturnCode.values()) {
            values.put(code, n++);
        }
        return new ReturnDocument(name, new ReturnFigures("ABC12", YearMonth.of(2026, 3), values), reason != null,
                reason == null ? 1 : 2, preparedAt, preparedAt, reason != null, reason,
                List.of(ReturnCheck.warning("MISSING_DATASET", "No staff export has been imported.")),
                List.of(new ImportSource("appointments", 7, "ab".repeat(32), 648, Instant.parse("2026-03-02T09:15:00Z"))));
    }

    @Test
    void rendersTheSameBytesUnderAnyDefaultTimeZoneAndLocale() {
        ReturnDocument doc = document("Oxford NHS Trust", "Late export", Instant.parse("2026-03-31T23:30:00Z"));
        byte[] first = ReturnWorkbook.render(doc);
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            for (String[] setting : new String[][] {{"America/Los_Angeles", "de-DE"}, {"Asia/Kolkata", "hi-IN-u-nu-deva"},
                    {"UTC", "fr-FR"}}) {
                TimeZone.setDefault(TimeZone.getTimeZone(setting[0]));
                Locale.setDefault(Locale.forLanguageTag(setting[1]));
                assertArrayEquals(first, ReturnWorkbook.render(doc), String.join(" ", setting));
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void printsTimesInUkTimeAndNumbersAsNumericCells() throws IOException {
        // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in British Summer Time.
        ReturnDocument doc = document("Oxford NHS Trust", null, Instant.parse("2026-03-31T23:30:00Z"));
        try (XSSFWorkbook wb = Workbooks.open(ReturnWorkbook.render(doc))) {
            assertTrue(Workbooks.coverValue(wb, "Prepared at").getStringCellValue().startsWith("2026-04-01 00:30:00 UK time"));
            Cell cell = Workbooks.returnRow(wb, "ACC_CREATED").getCell(2);
            assertEquals(CellType.NUMERIC, cell.getCellType());
            assertEquals(1234, cell.getNumericCellValue());
            assertEquals("2026-03 (March 2026)", Workbooks.coverValue(wb, "Period").getStringCellValue());
        }
    }

    @Test
    void differentPreparedAtGivesDifferentBytesSoTheTimeIsReallyInTheFile() {
        assertNotEquals(List.of(ReturnWorkbook.render(document("A", null, Instant.parse("2026-04-01T10:00:00Z")))),
                List.of(ReturnWorkbook.render(document("A", null, Instant.parse("2026-04-02T10:00:00Z")))));
    }

    @Test
    void neutralisesEveryFormulaStartAndLeavesOtherTextAlone() {
        for (String s : List.of("=1", "+1", "-1", "@A1", "\t1", "\r1", "\n1")) {
            assertEquals("'" + s, CellText.neutralise(s));
        }
        assertEquals("NHS Trust = good", CellText.neutralise("NHS Trust = good"));
        assertEquals("", CellText.neutralise(null));
    }

    @Test
    void everyUserTextCellIsQuotePrefixedTextAndNoCellIsAFormula() throws IOException {
        ReturnDocument doc = document("@SUM(A1:A9)", "=HYPERLINK(\"http://x\",\"y\")", Instant.parse("2026-04-01T10:00:00Z"));
        try (XSSFWorkbook wb = Workbooks.open(ReturnWorkbook.render(doc))) {
            ReturnTest.assertNoFormulaAnywhere(wb);
            for (String label : List.of("Organisation", "Reason for revision")) {
                Cell cell = Workbooks.coverValue(wb, label);
                assertEquals(CellType.STRING, cell.getCellType());
                assertTrue(cell.getCellStyle().getQuotePrefixed(), label);
            }
            // Styles are created once per workbook, not once per cell.
            assertTrue(wb.getNumCellStyles() < 20, "styles: " + wb.getNumCellStyles());
        }
    }

    @Test
    void figuresHashIsTheHashOfTheCanonicalCsv() {
        ReturnFigures f = document("A", null, null).figures();
        assertTrue(f.canonicalCsv().startsWith("ods_code,period,code,value\nABC12,2026-03,ACC_CREATED,1234\n"));
        assertEquals(10, f.canonicalCsv().split("\n").length);
        assertEquals(Sha256.of(f.canonicalCsv().getBytes(StandardCharsets.UTF_8)), f.sha256());
        assertEquals(64, f.sha256().length());
    }
}
