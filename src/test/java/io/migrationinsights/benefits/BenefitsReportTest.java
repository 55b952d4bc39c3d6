package io.migrationinsights.benefits;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.system.Sha256;
import io.migrationinsights.support.Api;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The benefits report end to end over HTTP, on the hand-worked fixture in
 * csv/benefits-report, on the tests' fixed clock ({@code %test.insights.clock.fixed}: today is
 * 15 April 2026):
 *
 * <ul>
 * <li>first migrated 4 Aug 2025, completion (last migrated, the wash-up) 31 Aug 2025;
 * 6 months = 28 Feb 2026 (clamped), past: draft; 12 months = 31 Aug 2026: provisional,
 * figures as of 15 Apr 2026;</li>
 * <li>baseline May-Jul 2025: T01-T06 = 6 tickets, 2.00 a month (T07 on 1 Aug is after);
 * 6-month comparison Nov 2025-Jan 2026 across the year end: T09 (1 Nov 00:10), T10
 * (31 Dec 23:59), T11 = 3, 1.00 a month, reduction 50.0 (T08 on 31 Oct 23:50 is before);
 * provisional comparison Jan-Mar 2026: T11-T14 = 4, 1.33 a month, reduction
 * (2 - 4/3) / 2 = 33.3;</li>
 * <li>savings at 28 Feb 2026: cost avoided 500 (A1); legacy L1 300 a month x 4 full months
 * from 30 Sep 2025 = 1,200; project 1,000 (P1); new running N1 50 x 5 = 250; net 450.00,
 * cashable 1,200 - 1,000 = 200.00, non-cashable 500 - 250 = 250.00; at 15 Apr 2026 legacy
 * 6 months = 1,800, new 7 = 350, net 950.00; cumulative by month from Jul 2025:
 * -1,000, -500, -500, -250, 0, 250, 500, 450: break-even Nov 2025;</li>
 * <li>RAG at 28 Feb 2026: B1 on target (green, 100.0%), B2 exactly half way (amber, 50.0%),
 * B3 decreasing 100 to 60 at 81, short of half way (red, 47.5%), B4 and B6 no measurement
 * by then (grey), B5 a dis-benefit half way down (amber), listed on its own.</li>
 * </ul>
 */
@QuarkusTest
class BenefitsReportTest {

    static final String XLSX = BenefitsReportWorkbook.MEDIA_TYPE;
    static final List<String> KINDS = List.of("staff", "appointments", "nhsmail-accounts", "legacy-accounts",
            "tickets", "finance", "benefits", "benefit-measurements");
    /** Personal data in the fixture (and the users' names) that must never reach the report. */
    static final List<String> PERSONAL = List.of("S7001", "S7002", "S7003", "S7004", "Alice", "Archer", "Baker",
            "Carol", "Carter", "Dawes", "@nhs.net", "example.nhs.uk", "alice.archer", "carol.carter", "test-pm",
            "test-finance", "test-admin");

    static String organisationWithFixture() {
        String ods = Api.newOrganisation();
        for (String kind : KINDS) {
            Uploads.imported(ods, kind, Uploads.fixture("benefits-report/" + kind + ".csv"));
        }
        return ods;
    }

    static String url(String ods, String rest) {
        return "/api/organisations/" + ods + "/benefits-report" + rest;
    }

    /** Decimals read as BigDecimal, so 450.00 stays "450.00" as the service wrote it. */
    static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    static JsonPath json(String ods, String query) {
        return as("viewer").accept("application/json").get(url(ods, query)).then().log().ifValidationFails()
                .statusCode(200).extract().jsonPath().using(DECIMALS);
    }

    static byte[] download(String ods, String query, String accept) {
        return as("viewer").accept(accept).get(url(ods, query)).then().log().ifValidationFails().statusCode(200)
                .extract().asByteArray();
    }

    // --- JSON: the contract's fields, hand-worked ----------------------------------------

    @Test
    void sixMonthReportIsTakenAtTheClampedReportDateWithTheContractFigures() {
        String ods = organisationWithFixture();
        JsonPath j = json(ods, "?months=6");
        assertEquals(ods, j.getString("odsCode"));
        assertEquals(6, j.getInt("months"));
        assertEquals("2025-08-31", j.getString("completionDate"));
        assertEquals("2026-02-28", j.getString("reportDate"), "31 August + 6 months = end of February");
        assertEquals("2026-02-28", j.getString("asOf"));
        assertEquals("draft", j.getString("status"));
        assertEquals(1, j.getInt("version"));
        // savings: as metrics/savings at the report date
        assertEquals("450.00", j.getString("savings.netSaving"));
        assertEquals("200.00", j.getString("savings.cashable.netSaving"));
        assertEquals("250.00", j.getString("savings.nonCashable.netSaving"));
        assertEquals("1200.00", j.getString("savings.legacyRunningSaved"));
        Map<String, Object> metric = as("viewer").get("/api/organisations/" + ods + "/metrics/savings?asOf=2026-02-28")
                .then().statusCode(200).extract().jsonPath().using(DECIMALS).getMap("");
        assertEquals(metric, j.getMap("savings"), "the report's savings are the metric's, unchanged");
        // service desk windows across the year end
        assertEquals("2025-05", j.getString("serviceDesk.baselineFrom"));
        assertEquals("2025-07", j.getString("serviceDesk.baselineTo"));
        assertEquals("2025-11", j.getString("serviceDesk.comparisonFrom"));
        assertEquals("2026-01", j.getString("serviceDesk.comparisonTo"));
        assertEquals("2.00", j.getString("serviceDesk.baselinePerMonth"));
        assertEquals("1.00", j.getString("serviceDesk.comparisonPerMonth"));
        assertEquals("50.0", j.getString("serviceDesk.reductionPercent"));
        // RAG at its edges
        assertEquals(List.of("B1", "B2", "B3", "B4", "B5", "B6"), j.getList("benefits.benefitId"));
        assertEquals(List.of("green", "amber", "red", "grey", "amber", "grey"), j.getList("benefits.rag"));
        assertEquals(List.of("2026-02-01", "2026-02-28", "2026-01-31"), j.getList("benefits.measuredOn").subList(0, 3));
        assertNull(j.get("benefits[3].value"));
        assertNull(j.get("benefits[5].measuredOn"), "B6's only measurement is after the report date");
        assertEquals(List.of("100.0", "50.0", "47.5"), j.getList("benefits.progressPercent", String.class).subList(0, 3));
        assertEquals(true, j.getBoolean("benefits[4].disBenefit"));
        assertEquals(Map.of("green", 1, "amber", 1, "red", 1, "grey", 2), j.getMap("ragCounts"),
                "dis-benefits are not counted with the benefits");
        // the rest of the summary
        assertEquals(3, j.getInt("migration.inScope"));
        assertEquals(3, j.getInt("migration.migrated"));
        assertEquals(2, j.getInt("migration.onNhsmail"));
        assertEquals(3, j.getInt("migration.activeStaff"));
        assertEquals("66.7", j.getString("migration.onNhsmailPercent"));
        assertEquals("2025-09-30", j.getString("decommissioning.date"));
        assertEquals(1, j.getInt("decommissioning.activeUserMailboxesLeft"));
        assertEquals("2025-11", j.getString("savingsDetail.breakEvenMonth"));
        assertEquals(List.of("-1000.00", "-500.00", "-500.00", "-250.00", "0.00", "250.00", "500.00", "450.00"),
                j.getList("savingsDetail.perMonth.netSaving", String.class));
        assertEquals(List.of("Pilot", "Go-live", "Wash-up", "Decommissioning"), j.getList("events.name"));
        assertEquals(List.of("2025-08-04", "2025-08-20", "2025-08-31", "2025-09-30"), j.getList("events.date"));
        // sources: the latest import of each kind, as the ledger has it
        assertEquals(KINDS, j.getList("sources.kind"));
        List<Map<String, Object>> ledger = as("viewer").get("/api/organisations/" + ods + "/imports").then()
                .statusCode(200).extract().jsonPath().getList("");
        for (int i = 0; i < KINDS.size(); i++) {
            String kind = KINDS.get(i);
            // the ledger lists newest first: the first of a kind is its latest import
            Map<String, Object> imported = ledger.stream().filter(l -> kind.equals(l.get("kind"))).findFirst().orElseThrow();
            assertEquals(imported.get("importId"), j.get("sources[" + i + "].importId"));
            assertEquals(imported.get("sha256"), j.get("sources[" + i + "].sha256"));
            assertEquals(imported.get("rows"), j.get("sources[" + i + "].rows"));
        }
    }

    @Test
    void twelveMonthReportIsProvisionalWithFiguresAsOfTodayAndCannotBeFinalised() {
        String ods = organisationWithFixture();
        JsonPath j = json(ods, "?months=12");
        assertEquals("2026-08-31", j.getString("reportDate"));
        assertEquals("2026-04-15", j.getString("asOf"), "today, on the tests' fixed clock");
        assertEquals("provisional", j.getString("status"));
        assertEquals("950.00", j.getString("savings.netSaving"));
        assertEquals("2026-01", j.getString("serviceDesk.comparisonFrom"));
        assertEquals("2026-03", j.getString("serviceDesk.comparisonTo"));
        assertEquals("1.33", j.getString("serviceDesk.comparisonPerMonth"));
        assertEquals("33.3", j.getString("serviceDesk.reductionPercent"));
        assertEquals("green", j.getString("benefits[5].rag"), "measured on 5 March, before today");

        Response refused = as("finance").post(url(ods, "/12/finalise"));
        refused.then().statusCode(409).contentType("application/problem+json");
        assertTrue(refused.jsonPath().getString("detail").contains("provisional"), refused.asString());
        assertEquals("provisional", json(ods, "?months=12").getString("status"), "nothing was stored");

        String pdf = pdfText(download(ods, "?months=12", "application/pdf"));
        assertTrue(pdf.contains("PROVISIONAL: the report date 31 Aug 2026 is in the future"), pdf);
        try (XSSFWorkbook wb = open(download(ods, "?months=12", XLSX))) {
            assertEquals("PROVISIONAL", summaryValue(wb, "Status").getStringCellValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void refusesOtherMonthsAndUnknownVersions() {
        String ods = organisationWithFixture();
        for (String q : List.of("", "?months=7", "?months=six")) {
            as("viewer").accept("application/json").get(url(ods, q)).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as("pm").post(url(ods, "/9/finalise")).then().statusCode(400).contentType("application/problem+json");
        as("viewer").accept("application/json").get(url(ods, "?months=6&version=3")).then().statusCode(404)
                .contentType("application/problem+json");
        String empty = Api.newOrganisation();
        Response none = as("viewer").accept("application/json").get(url(empty, "?months=6"));
        none.then().statusCode(409).contentType("application/problem+json");
        assertTrue(none.jsonPath().getString("detail").contains("migrated"), none.asString());
    }

    // --- the workbook, read back with POI ------------------------------------------------

    @Test
    void workbookCarriesTheFiguresAsNumbersTheRegisterWithRagAndTheChartsAsPictures() throws IOException {
        String ods = organisationWithFixture();
        byte[] bytes = download(ods, "?months=6", "*/*");
        assertArrayEquals(bytes, download(ods, "?months=6", XLSX), "workbook by default and by Accept");
        assertArrayEquals(bytes, download(ods, "?months=6", XLSX), "same data, same bytes");
        try (XSSFWorkbook wb = open(bytes)) {
            assertEquals(List.of("Summary", "Benefits", "Dis-benefits", "Measurements", "Savings", "Service desk",
                    "Migration"), sheetNames(wb));
            assertEquals("DRAFT", summaryValue(wb, "Status").getStringCellValue());
            assertEquals(450.00, summaryValue(wb, "Net saving (GBP)").getNumericCellValue());
            assertEquals(200.00, summaryValue(wb, "  of which cashable").getNumericCellValue());
            assertEquals(2.00, summaryValue(wb, "Tickets a month, baseline 2025-05 to 2025-07").getNumericCellValue());
            assertEquals(50.0, summaryValue(wb, "Reduction in tickets a month (%)").getNumericCellValue());
            assertEquals(LocalDate.of(2026, 2, 28), summaryValue(wb,
                    "Report date (completion + 6 months)").getLocalDateTimeCellValue().toLocalDate());
            assertEquals(2.0, summaryValue(wb, "Benefits rated grey").getNumericCellValue());

            Sheet benefits = wb.getSheet("Benefits");
            Row b2 = rowOf(benefits, "B2");
            assertEquals("Exactly half way", b2.getCell(1).getStringCellValue());
            assertEquals(15.0, b2.getCell(9).getNumericCellValue());
            assertEquals(50.0, b2.getCell(12).getNumericCellValue());
            assertEquals("AMBER", b2.getCell(13).getStringCellValue());
            assertEquals("RED", rowOf(benefits, "B3").getCell(13).getStringCellValue());
            assertNull(rowOf(benefits, "B5"), "the dis-benefit is not among the benefits");
            assertEquals("AMBER", rowOf(wb.getSheet("Dis-benefits"), "B5").getCell(13).getStringCellValue());

            // uploaded text is never a formula
            Cell b4title = rowOf(benefits, "B4").getCell(1);
            assertEquals(CellType.STRING, b4title.getCellType());
            assertEquals("'=1+1 not measured", b4title.getStringCellValue());
            assertTrue(b4title.getCellStyle().getQuotePrefixed());
            Cell n1 = rowOf(wb.getSheet("Savings"), "N1").getCell(1);
            assertEquals(CellType.STRING, n1.getCellType());
            assertEquals("'=SUM(A1:A9) top-up", n1.getStringCellValue());
            for (Cell cell : cells(wb)) {
                assertFalse(cell.getCellType() == CellType.FORMULA, cell.getAddress().toString());
            }
            // charts: six realisation curves, net saving, two service desk, registrations
            assertEquals(10, wb.getAllPictures().size());
            assertNoPersonalData(cells(wb).stream().map(Object::toString).toList(), "workbook");
        }
    }

    // --- the PDF, read back with PDFBox -----------------------------------------------------

    @Test
    void pdfIsA4LandscapeWithEmbeddedFontsPageNumbersWatermarkAndTheFigures() throws IOException {
        String ods = organisationWithFixture();
        byte[] bytes = download(ods, "?months=6", "application/pdf");
        assertArrayEquals(bytes, download(ods, "?months=6", "application/pdf"), "same data, same bytes");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 6, "pages: " + pages);
            for (PDPage page : pdf.getPages()) {
                assertEquals(842, Math.round(page.getMediaBox().getWidth()));
                assertEquals(595, Math.round(page.getMediaBox().getHeight()));
                assertEquals(0, page.getRotation());
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().endsWith("+LiberationSans"), font.getName());
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            String text = stripper.getText(pdf);
            assertTrue(text.contains("6-month benefits-realisation report"), text);
            assertTrue(text.contains("Test organisation " + ods), text);
            assertTrue(text.contains("DRAFT version 1"), text);
            assertTrue(text.contains("Page 1 of " + pages), text);
            assertTrue(text.contains("Page " + pages + " of " + pages), text);
            assertTrue(text.contains("Net saving £450.00"), text);
            assertTrue(text.contains("£200.00 / £250.00"), text);
            assertTrue(text.contains("Reduction in tickets a month 50.0%"), text);
            assertTrue(text.contains("Break-even month Nov 2025"), text);
            assertTrue(text.contains("28 Feb 2026"), text);
            assertTrue(text.contains("=1+1 not measured"), text);
            assertTrue(text.contains("Dis-benefits"), text);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String register = stripper.getText(pdf);
            for (String rag : List.of("GREEN", "AMBER", "RED", "GREY")) {
                assertTrue(register.contains(rag), rag + " in " + register);
            }
            // the chart text is text too (vectors, embedded font), so the realisation curves can be found
            assertTrue(text.contains("B1 On target"), text);
            assertTrue(text.contains("Go-live"), text);
            assertNoPersonalData(List.of(text), "pdf");
            assertEquals("Migration Insights (OpenPDF)", pdf.getDocumentInformation().getProducer());
        }
    }

    @Test
    void sameDataGivesTheSameBytesInAnyTimeZoneAndLocale() {
        String ods = organisationWithFixture();
        byte[] pdf = download(ods, "?months=6", "application/pdf");
        byte[] xlsx = download(ods, "?months=6", XLSX);
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            // the service runs in this JVM: its defaults change too
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Locale.setDefault(Locale.GERMANY);
            assertArrayEquals(pdf, download(ods, "?months=6", "application/pdf"));
            assertArrayEquals(xlsx, download(ods, "?months=6", XLSX));
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    // --- sealed once issued ------------------------------------------------------------------

    @Test
    void finalisedReportKeepsItsBytesAfterALaterImportAndRevisesIntoVersionTwo() {
        String ods = organisationWithFixture();
        as("viewer").post(url(ods, "/6/finalise")).then().statusCode(403);
        Response created = as("finance").post(url(ods, "/6/finalise"));
        created.then().log().ifValidationFails().statusCode(201);
        assertEquals("final", created.jsonPath().getString("status"));
        assertEquals(1, created.jsonPath().getInt("version"));
        byte[] xlsx = download(ods, "?months=6", XLSX);
        byte[] pdf = download(ods, "?months=6", "application/pdf");
        byte[] json = download(ods, "?months=6", "application/json");
        assertEquals(Sha256.of(xlsx), created.header("X-Workbook-SHA256"));
        assertEquals(Sha256.of(pdf), created.header("X-PDF-SHA256"));
        assertArrayEquals(created.asByteArray(), json);

        Uploads.imported(ods, "tickets", Uploads.fixture("benefits-report/tickets-later.csv"));

        assertArrayEquals(xlsx, download(ods, "?months=6", XLSX));
        assertArrayEquals(pdf, download(ods, "?months=6", "application/pdf"));
        assertArrayEquals(json, download(ods, "?months=6", "application/json"));
        assertArrayEquals(pdf, download(ods, "?months=6&version=1", "application/pdf"));
        assertEquals("1.00", json(ods, "?months=6").getString("serviceDesk.comparisonPerMonth"));
        JsonPath preview = json(ods, "?months=6&draft=true");
        assertEquals("draft", preview.getString("status"));
        assertEquals(2, preview.getInt("version"));
        assertEquals("1.33", preview.getString("serviceDesk.comparisonPerMonth"), "T20 on 10 Dec 2025 counts now");

        as("pm").post(url(ods, "/6/finalise")).then().statusCode(409).contentType("application/problem+json");
        as("pm").contentType("application/json").body(Map.of()).post(url(ods, "/6/revise")).then().statusCode(422);
        Response revised = as("pm").contentType("application/json")
                .body(Map.of("reason", "Late service desk export for December")).post(url(ods, "/6/revise"));
        revised.then().statusCode(201);
        assertEquals(2, revised.jsonPath().getInt("version"));
        assertEquals("Late service desk export for December", revised.jsonPath().getString("revisionReason"));
        assertEquals("1.33", json(ods, "?months=6").getString("serviceDesk.comparisonPerMonth"));
        assertArrayEquals(pdf, download(ods, "?months=6&version=1", "application/pdf"));
        assertNotEquals(Sha256.of(pdf), Sha256.of(download(ods, "?months=6", "application/pdf")));
        try (XSSFWorkbook wb = open(download(ods, "?months=6", XLSX))) {
            assertEquals("FINAL", summaryValue(wb, "Status").getStringCellValue());
            assertEquals("Late service desk export for December",
                    summaryValue(wb, "Reason for revision").getStringCellValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = pdfText(download(ods, "?months=6", "application/pdf"));
        assertTrue(text.contains("FINAL version 2 (revised)"), text);
        assertFalse(text.contains("DRAFT"), "no watermark once final");
        assertNoPersonalData(List.of(text, new String(json)), "final report");
    }

    // --- helpers -----------------------------------------------------------------------------

    static void assertNoPersonalData(List<String> texts, String where) {
        for (String text : texts) {
            for (String personal : PERSONAL) {
                assertFalse(text.contains(personal), personal + " in the " + where);
            }
        }
    }

    static String pdfText(byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        wb.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    /** The Summary cell in column B beside a label in column A. */
    static Cell summaryValue(XSSFWorkbook wb, String label) {
        Row row = rowOf(wb.getSheet("Summary"), label);
        if (row == null) {
            throw new AssertionError("no Summary row " + label);
        }
        return row.getCell(1);
    }

    /** The first row whose column A reads {@code key} (ids may carry the formula-safe prefix), or null. */
    static Row rowOf(Sheet sheet, String key) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && key.equals(a.getStringCellValue())) {
                return row;
            }
        }
        return null;
    }

    static List<Cell> cells(XSSFWorkbook wb) {
        List<Cell> out = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                row.forEach(out::add);
            }
        }
        return out;
    }
}
