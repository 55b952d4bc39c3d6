package io.migrationinsights.returns;

import static io.migrationinsights.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.documents.StableZip;
import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.support.Api;
import io.migrationinsights.support.Uploads;
import io.migrationinsights.system.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The monthly return end to end through the HTTP API, on the hand-computed
 * fixture in csv/returns (see the expected figures below). Each test uses its
 * own organisation.
 */
@QuarkusTest
class ReturnTest {

    @Inject
    ReturnChecks checks;
    @Inject
    OrganisationRepository organisations;

    static final String XLSX = ReturnWorkbook.MEDIA_TYPE;

    /** March 2026 of csv/returns/{staff,appointments,nhsmail-accounts}.csv, computed by hand. */
    static final Map<String, Long> MARCH = figures(
            3,  // created in March: carol, eve, dan (gone.user is deleted)
            3,  // registered in March: bob, carol, dan
            5,  // registered by 31 March: alice, bob, carol, dan, old.account
            1,  // active, April appointment, no account by 31 March: S1006 (S1005 has one from 25 March)
            5,  // active with an appointment: S1001, S1002, S1003, S1005, S1006 (S1004 left, S1007 none)
            3,  // migrated by 31 March: S1001, S1002 (wash-up), S1003
            2,  // 5 - 3
            2,  // unavailable on pilot/vip/rollout day by 31 March: S1002, S1005
            1); // migrated at wash-up by 31 March: S1002

    /** February 2026 of the same fixture. */
    static final Map<String, Long> FEBRUARY = figures(
            2,  // alice, bob
            1,  // alice
            2,  // alice, old.account
            2,  // March appointments without an account by 28 February: S1003, S1005
            5,
            1,  // S1001
            4,
            0,
            0);

    /** Personal data in the fixture that must never reach a workbook. */
    static final List<String> PERSONAL = List.of("S1001", "S1002", "S1003", "S1004", "S1005", "S1006", "S1007",
            "S1099", "Alice", "Archer", "Baker", "Carol", "Evans", "Ford", "Grant", "@nhs.net", "nhs.uk", "alice",
            "old.account", "test-pm", "test-admin");

    static Map<String, Long> figures(long... values) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            out.put(ReturnCode.values()[i].name(), values[i]);
        }
        return out;
    }

    static String fixture(String name) {
        return new String(Uploads.fixture("returns/" + name), StandardCharsets.UTF_8);
    }

    static void upload(String ods, String kind, String file) {
        Uploads.imported(ods, kind, Uploads.fixture("returns/" + file));
    }

    /** A new organisation with the whole fixture imported. */
    static String organisationWithFixture() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", "staff.csv");
        upload(ods, "appointments", "appointments.csv");
        upload(ods, "nhsmail-accounts", "nhsmail-accounts.csv");
        return ods;
    }

    static String url(String ods, String rest) {
        return "/api/organisations/" + ods + "/returns" + rest;
    }

    static JsonPath json(String ods, String period) {
        return as("viewer").accept("application/json").get(url(ods, "/" + period))
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    static byte[] workbook(String ods, String pathAndQuery) {
        return as("viewer").accept(XLSX).get(url(ods, "/" + pathAndQuery))
                .then().log().ifValidationFails().statusCode(200).contentType(XLSX).extract().asByteArray();
    }

    static Map<String, Long> jsonFigures(JsonPath json) {
        Map<String, Long> out = new LinkedHashMap<>();
        Map<String, Object> raw = json.getMap("figures");
        raw.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }

    static Map<String, Long> workbookFigures(byte[] bytes) {
        try (XSSFWorkbook wb = Workbooks.open(bytes)) {
            Map<String, Long> out = new LinkedHashMap<>();
            for (ReturnCode code : ReturnCode.values()) {
                Row row = Workbooks.returnRow(wb, code.name());
                assertNotNull(row, "row of " + code);
                Cell value = row.getCell(2);
                assertEquals(CellType.NUMERIC, value.getCellType(), code + " is a numeric cell");
                out.put(code.name(), (long) value.getNumericCellValue());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void rename(String ods, String name) {
        as("admin").contentType("application/json").body(Map.of("name", name)).put("/api/organisations/" + ods)
                .then().statusCode(200);
    }

    static Response finalise(String ods, String period) {
        return as("pm").post(url(ods, "/" + period + "/finalise"));
    }

    static Response revise(String ods, String period, String reason) {
        return as("pm").contentType("application/json").body(Map.of("reason", reason))
                .post(url(ods, "/" + period + "/revise"));
    }

    // --- figures ----------------------------------------------------------------

    @Test
    void jsonGivesEveryCodeOfTheHandComputedFixture() {
        String ods = organisationWithFixture();
        JsonPath march = json(ods, "2026-03");
        assertEquals(ods, march.getString("odsCode"));
        assertEquals("2026-03", march.getString("period"));
        assertEquals("draft", march.getString("status"));
        assertEquals(1, march.getInt("version"));
        assertEquals(MARCH, jsonFigures(march));
        assertEquals(List.copyOf(MARCH.keySet()), List.copyOf(march.getMap("figures").keySet()));
        assertEquals(FEBRUARY, jsonFigures(json(ods, "2026-02")));
    }

    @Test
    void workbookHasCoverAndReturnSheetsWithEveryFigureAsANumber() throws IOException {
        String ods = organisationWithFixture();
        byte[] bytes = workbook(ods, "2026-03");
        assertEquals(MARCH, workbookFigures(bytes));
        try (XSSFWorkbook wb = Workbooks.open(bytes)) {
            assertEquals(2, wb.getNumberOfSheets());
            assertEquals(ReturnWorkbook.COVER, wb.getSheetName(0));
            assertEquals(ReturnWorkbook.RETURN, wb.getSheetName(1));
            Row acc = Workbooks.returnRow(wb, "ACC_CREATED");
            assertEquals(ReturnCode.ACC_CREATED.label(), acc.getCell(1).getStringCellValue());
            assertEquals("#,##0", acc.getCell(2).getCellStyle().getDataFormatString());
            assertNotNull(wb.getSheet(ReturnWorkbook.RETURN).getPaneInformation(), "frozen header");
            assertEquals("Test organisation " + ods, Workbooks.coverValue(wb, "Organisation").getStringCellValue());
            assertEquals(ods, Workbooks.coverValue(wb, "ODS code").getStringCellValue());
            assertTrue(Workbooks.coverValue(wb, "Period").getStringCellValue().startsWith("2026-03"));
            assertEquals("DRAFT", Workbooks.coverValue(wb, "Status").getStringCellValue());
            assertEquals(1, Workbooks.coverValue(wb, "Version").getNumericCellValue());
            assertNotNull(Workbooks.coverValue(wb, "Prepared at"));
            assertEquals(json(ods, "2026-03").getString("sha256"),
                    Workbooks.coverValue(wb, "SHA-256 of the figures").getStringCellValue());
        }
        // The path suffix gives the same workbook as the Accept header.
        byte[] bySuffix = as("viewer").get(url(ods, "/2026-03.xlsx")).then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        assertArrayEquals(bytes, bySuffix);
    }

    @Test
    void csvDownloadIsTheCanonicalFiguresWhoseHashIsTheReturnSha() {
        String ods = organisationWithFixture();
        Response csv = as("viewer").get(url(ods, "/2026-03.csv"));
        csv.then().statusCode(200).contentType(Matchers.startsWith("text/csv"));
        byte[] body = csv.asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("ods_code,period,code,value\n" + ods + ",2026-03,ACC_CREATED,3\n"), text);
        assertEquals(Sha256.of(body), json(ods, "2026-03").getString("sha256"));
        byte[] byAccept = as("viewer").accept("text/csv").get(url(ods, "/2026-03")).then().statusCode(200)
                .extract().asByteArray();
        assertArrayEquals(body, byAccept);
    }

    // --- safe to open -------------------------------------------------------------

    @Test
    void organisationNamesThatLookLikeFormulasStayInertText() throws IOException {
        String ods = organisationWithFixture();
        for (String name : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "=1+2\tx",
                "\t=cmd|' /C calc'!A0", "\r=2*3")) {
            rename(ods, name);
            String stored = as("viewer").get("/api/organisations/" + ods).then().extract().path("name");
            byte[] bytes = workbook(ods, "2026-03");
            try (XSSFWorkbook wb = Workbooks.open(bytes)) {
                assertNoFormulaAnywhere(wb);
                Cell cell = Workbooks.coverValue(wb, "Organisation");
                assertEquals(CellType.STRING, cell.getCellType());
                assertTrue(cell.getCellStyle().getQuotePrefixed(), "quote-prefixed " + name);
                assertEquals("'" + stored, cell.getStringCellValue());
            }
        }
    }

    @Test
    void revisionReasonsThatLookLikeFormulasStayInertText() throws IOException {
        String ods = organisationWithFixture();
        finalise(ods, "2026-03").then().statusCode(201);
        int version = 1;
        for (String reason : List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)",
                "\tleading tab", "\rleading CR", "Plain reason")) {
            revise(ods, "2026-03", reason).then().log().ifValidationFails().statusCode(201);
            version++;
            byte[] bytes = workbook(ods, "2026-03");
            try (XSSFWorkbook wb = Workbooks.open(bytes)) {
                assertNoFormulaAnywhere(wb);
                Cell cell = Workbooks.coverValue(wb, "Reason for revision");
                assertEquals(CellType.STRING, cell.getCellType());
                assertTrue(cell.getCellStyle().getQuotePrefixed());
                assertEquals(reason.equals("Plain reason") ? reason : "'" + reason, cell.getStringCellValue());
                assertEquals(version, Workbooks.coverValue(wb, "Version").getNumericCellValue());
            }
        }
    }

    static void assertNoFormulaAnywhere(XSSFWorkbook wb) {
        for (Cell cell : Workbooks.cells(wb)) {
            assertNotEquals(CellType.FORMULA, cell.getCellType(), "formula at " + cell.getAddress());
            if (cell.getCellType() == CellType.STRING) {
                String v = cell.getStringCellValue();
                assertFalse(!v.isEmpty() && "=+-@\t\r\n".indexOf(v.charAt(0)) >= 0,
                        "cell " + cell.getSheet().getSheetName() + "!" + cell.getAddress() + " starts a formula: " + v);
            }
        }
    }

    @Test
    void workbookHoldsNoStaffIdsNamesEmailsOrUserNames() throws IOException {
        String ods = organisationWithFixture();
        finalise(ods, "2026-03").then().statusCode(201);
        revise(ods, "2026-03", "Late registrations").then().statusCode(201);
        for (String download : List.of("2026-02", "2026-03", "2026-03?version=1", "2026-04")) {
            try (XSSFWorkbook wb = Workbooks.open(workbook(ods, download))) {
                for (Cell cell : Workbooks.cells(wb)) {
                    String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString();
                    for (String personal : PERSONAL) {
                        assertFalse(text.contains(personal), personal + " in " + cell.getSheet().getSheetName()
                                + "!" + cell.getAddress() + " of " + download);
                    }
                }
            }
        }
    }

    // --- sealed once sent ------------------------------------------------------------

    @Test
    void finalisedReturnDownloadsIdenticallyAfterALaterImport() {
        String ods = organisationWithFixture();
        JsonPath aprilBefore = json(ods, "2026-04");
        Response created = finalise(ods, "2026-03");
        created.then().statusCode(201);
        JsonPath finalised = created.jsonPath();
        assertEquals("final", finalised.getString("status"));
        assertEquals(1, finalised.getInt("version"));
        assertEquals("test-pm", finalised.getString("finalisedBy"));
        assertNotNull(finalised.getString("finalisedAt"));
        Response first = as("viewer").get(url(ods, "/2026-03.xlsx"));
        byte[] before = first.asByteArray();
        assertEquals(Sha256.of(before), first.header("X-Workbook-SHA256"));
        assertEquals(finalised.getString("workbookSha256"), first.header("X-Workbook-SHA256"));

        upload(ods, "nhsmail-accounts", "nhsmail-accounts-later.csv");

        assertArrayEquals(before, workbook(ods, "2026-03"));
        assertArrayEquals(before, workbook(ods, "2026-03?version=1"));
        JsonPath after = json(ods, "2026-03");
        assertEquals(MARCH, jsonFigures(after));
        assertEquals(finalised.getString("sha256"), after.getString("sha256"));
        assertEquals(Sha256.of(before), after.getString("workbookSha256"));
        try (XSSFWorkbook wb = Workbooks.open(before)) {
            assertEquals("FINAL", Workbooks.coverValue(wb, "Status").getStringCellValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Another period's draft follows the new data; a preview of this one too.
        JsonPath aprilAfter = json(ods, "2026-04");
        assertNotEquals(aprilBefore.getString("sha256"), aprilAfter.getString("sha256"));
        assertEquals(1L, jsonFigures(aprilAfter).get("ACC_CREATED"));
        JsonPath preview = as("viewer").accept("application/json").get(url(ods, "/2026-03?draft=true")).jsonPath();
        assertEquals("draft", preview.getString("status"));
        assertEquals(2, preview.getInt("version"));
        assertEquals(6L, jsonFigures(preview).get("ACC_REGISTERED_CUMULATIVE"));
    }

    @Test
    void finalisedAtReadsTheSameInTheAnswerAndInEveryLaterRead() {
        String ods = organisationWithFixture();
        String answered = finalise(ods, "2026-03").then().statusCode(201).extract().path("finalisedAt");
        assertEquals(answered, json(ods, "2026-03").getString("finalisedAt"));
        JsonPath list = as("viewer").get(url(ods, "")).then().statusCode(200).extract().jsonPath();
        assertEquals(answered, list.getString("find { it.period == '2026-03' }.finalisedAt"));
        assertEquals(answered, list.getString("find { it.period == '2026-03' }.versions[0].finalisedAt"));
    }

    @Test
    void finalisingTwiceIsAConflict() {
        String ods = organisationWithFixture();
        finalise(ods, "2026-03").then().statusCode(201);
        finalise(ods, "2026-03").then().statusCode(409).contentType("application/problem+json")
                .body("detail", Matchers.containsString("revise"));
    }

    @Test
    void revisionMakesVersionTwoAndKeepsVersionOneDownloadable() throws IOException {
        String ods = organisationWithFixture();
        finalise(ods, "2026-03").then().statusCode(201);
        byte[] v1 = workbook(ods, "2026-03");
        upload(ods, "nhsmail-accounts", "nhsmail-accounts-later.csv");

        JsonPath revised = revise(ods, "2026-03", "Eve registered on 30 March; the export was late").then()
                .statusCode(201).header("Location", Matchers.endsWith("/returns/2026-03?version=2"))
                .extract().jsonPath();
        assertEquals(2, revised.getInt("version"));
        assertTrue(revised.getBoolean("revised"));
        assertEquals("Eve registered on 30 March; the export was late", revised.getString("revisionReason"));
        assertEquals("test-pm", revised.getString("finalisedBy"));

        JsonPath latest = json(ods, "2026-03");
        assertEquals(2, latest.getInt("version"));
        assertEquals(4L, jsonFigures(latest).get("ACC_REGISTERED"));
        assertEquals(6L, jsonFigures(latest).get("ACC_REGISTERED_CUMULATIVE"));
        JsonPath old = as("viewer").accept("application/json").get(url(ods, "/2026-03?version=1")).jsonPath();
        assertEquals(1, old.getInt("version"));
        assertEquals(MARCH, jsonFigures(old));
        assertArrayEquals(v1, workbook(ods, "2026-03?version=1"));

        byte[] v2 = workbook(ods, "2026-03");
        assertEquals(6L, workbookFigures(v2).get("ACC_REGISTERED_CUMULATIVE"));
        try (XSSFWorkbook wb = Workbooks.open(v2)) {
            assertEquals("FINAL", Workbooks.coverValue(wb, "Status").getStringCellValue());
            assertEquals(2, Workbooks.coverValue(wb, "Version").getNumericCellValue());
            assertTrue(Workbooks.coverValue(wb, "Revised").getStringCellValue().startsWith("Yes"));
            assertEquals("Eve registered on 30 March; the export was late",
                    Workbooks.coverValue(wb, "Reason for revision").getStringCellValue());
        }

        JsonPath list = as("viewer").get(url(ods, "")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-02", "2026-03", "2026-04"), list.getList("period"));
        assertEquals(List.of("draft", "final", "draft"), list.getList("status"));
        assertEquals(2, list.getInt("[1].version"));
        assertEquals("test-pm", list.getString("[1].finalisedBy"));
        assertEquals(latest.getString("sha256"), list.getString("[1].sha256"));
        assertEquals(Sha256.of(v2), list.getString("[1].workbookSha256"));
        assertEquals(List.of(1, 2), list.getList("[1].versions.version"));
        assertEquals(Sha256.of(v1), list.getString("[1].versions[0].workbookSha256"));
        assertNotNull(list.getString("[1].finalisedAt"));
        as("viewer").accept("application/json").get(url(ods, "/2026-03?version=3")).then().statusCode(404);
    }

    @Test
    void revisingNeedsAReasonAndAFinalVersion() {
        String ods = organisationWithFixture();
        revise(ods, "2026-03", "Before any final").then().statusCode(409).contentType("application/problem+json");
        finalise(ods, "2026-03").then().statusCode(201);
        revise(ods, "2026-03", "   ").then().statusCode(422).contentType("application/problem+json");
        as("pm").contentType("application/json").body("{}").post(url(ods, "/2026-03/revise")).then().statusCode(422)
                .body("errors[0].field", Matchers.equalTo("reason"));
        as("pm").contentType("application/json").body(Map.of("reason", "x".repeat(2001)))
                .post(url(ods, "/2026-03/revise")).then().statusCode(422);
        assertEquals(1, json(ods, "2026-03").getInt("version"));
    }

    // --- deterministic ------------------------------------------------------------

    @Test
    void sameDataGivesTheSameBytesInAnyTimeZoneLocaleOrMoment() throws Exception {
        String ods = organisationWithFixture();
        byte[] first = workbook(ods, "2026-03");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        byte[] second;
        try {
            // Zip entry times have a two-second resolution: make sure "now" has moved on.
            Thread.sleep(2100);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("ar-SA-u-nu-arab"));
            second = workbook(ods, "2026-03");
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        assertArrayEquals(first, second);
        for (String entry : Workbooks.zipEntries(first)) {
            assertTrue(entry.endsWith(" " + StableZip.ENTRY_TIME), entry);
        }
        assertTrue(Workbooks.zipEntries(first).get(0).startsWith("[Content_Types].xml"));
        JsonPath draft = json(ods, "2026-03");
        try (XSSFWorkbook wb = Workbooks.open(first)) {
            // A draft is prepared as at its latest import, the same instant as its data.
            assertEquals(Instant.parse(draft.getString("dataAsAt")), Instant.parse(draft.getString("preparedAt")));
            assertEquals(Instant.parse(draft.getString("preparedAt")).getEpochSecond(),
                    wb.getProperties().getCoreProperties().getCreated().toInstant().getEpochSecond());
            assertEquals("Migration Insights", wb.getProperties().getCoreProperties().getCreator());
        }
    }

    // --- checks ----------------------------------------------------------------------

    @Test
    void cumulativeBelowTheLastFinalisedPeriodBlocksFinalising() throws IOException {
        String ods = organisationWithFixture();
        finalise(ods, "2026-02").then().statusCode(201);
        upload(ods, "nhsmail-accounts", "nhsmail-accounts-deleted.csv");

        JsonPath march = json(ods, "2026-03");
        assertEquals(1L, jsonFigures(march).get("ACC_REGISTERED_CUMULATIVE"));
        assertTrue(march.getBoolean("hasErrors"));
        assertEquals(List.of("CUMULATIVE_BELOW_FINALISED"), march.getList("checks.findAll { it.severity == 'error' }.code"));
        try (XSSFWorkbook wb = Workbooks.open(workbook(ods, "2026-03"))) {
            assertNotNull(Workbooks.coverValue(wb, "ERROR CUMULATIVE_BELOW_FINALISED"));
        }
        finalise(ods, "2026-03").then().statusCode(409).contentType("application/problem+json")
                .body("errors.code", Matchers.contains("CUMULATIVE_BELOW_FINALISED"))
                .body("detail", Matchers.containsString("2026-02"));
        assertEquals("draft", json(ods, "2026-03").getString("status"));
    }

    @Test
    void warningsAreShownButDoNotBlockFinalising() throws IOException {
        String ods = Api.newOrganisation();
        upload(ods, "staff", "staff.csv");
        upload(ods, "appointments", "appointments.csv");
        JsonPath march = json(ods, "2026-03");
        assertFalse(march.getBoolean("hasErrors"));
        assertEquals(List.of("MISSING_DATASET"), march.getList("checks.code"));
        assertEquals("warning", march.getString("checks[0].severity"));
        JsonPath done = finalise(ods, "2026-03").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of("MISSING_DATASET"), done.getList("checks.code"));
        try (XSSFWorkbook wb = Workbooks.open(workbook(ods, "2026-03"))) {
            assertNotNull(Workbooks.coverValue(wb, "WARNING MISSING_DATASET"));
        }
    }

    @Test
    void cleanFixturePassesEveryCheck() throws IOException {
        String ods = organisationWithFixture();
        assertEquals(List.of(), json(ods, "2026-03").getList("checks"));
        try (XSSFWorkbook wb = Workbooks.open(workbook(ods, "2026-03"))) {
            assertEquals("All checks passed.", Workbooks.coverValue(wb, "OK").getStringCellValue());
        }
    }

    // --- access and addressing ------------------------------------------------------

    @Test
    void everyRoleReadsOnlyPmAndAdminFinaliseOrRevise() {
        String ods = organisationWithFixture();
        for (String role : List.of("viewer", "finance", "pm", "admin")) {
            as(role).accept("application/json").get(url(ods, "/2026-03")).then().statusCode(200);
            as(role).get(url(ods, "")).then().statusCode(200);
        }
        as("viewer").post(url(ods, "/2026-03/finalise")).then().statusCode(403);
        as("finance").post(url(ods, "/2026-03/finalise")).then().statusCode(403);
        given().get(url(ods, "/2026-03")).then().statusCode(401);
        given().post(url(ods, "/2026-03/finalise")).then().statusCode(401);
        as("admin").post(url(ods, "/2026-02/finalise")).then().statusCode(201);
        as("viewer").contentType("application/json").body(Map.of("reason", "no")).post(url(ods, "/2026-02/revise"))
                .then().statusCode(403);
        as("finance").contentType("application/json").body(Map.of("reason", "no")).post(url(ods, "/2026-02/revise"))
                .then().statusCode(403);
        assertNull(json(ods, "2026-03").getString("finalisedBy"));
    }

    @Test
    void malformedPeriodsAndVersionsAreBadRequestsAndUnknownOrganisationsNotFound() {
        String ods = organisationWithFixture();
        for (String period : List.of("2026-13", "2026-3", "March", "2026-03-01", "202603")) {
            as("viewer").accept("application/json").get(url(ods, "/" + period)).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        as("pm").post(url(ods, "/2026-00/finalise")).then().statusCode(400);
        as("viewer").get(url(ods, "/2026-13.xlsx")).then().statusCode(400);
        as("viewer").accept("application/json").get(url(ods, "/2026-03?version=zero")).then().statusCode(400);
        as("viewer").accept("application/json").get(url(ods, "/2026-03?version=1")).then().statusCode(404);
        as("viewer").accept("application/json").get(url("ZZZ99", "/2026-03")).then().statusCode(404)
                .contentType("application/problem+json");
        as("viewer").get(url("ZZZ99", "")).then().statusCode(404);
        as("pm").post(url("ZZZ99", "/2026-03/finalise")).then().statusCode(404);
        as("viewer").accept("application/pdf").get(url(ods, "/2026-03")).then().statusCode(406);
    }

    @Test
    void impossibleFiguresAreErrors() {
        String ods = Api.newOrganisation();
        long orgId = QuarkusTransaction.requiringNew().call(() -> organisations.require(ods).id);
        Map<ReturnCode, Long> values = new EnumMap<>(ReturnCode.class);
        for (ReturnCode code : ReturnCode.values()) {
            values.put(code, 1L);
        }
        values.put(ReturnCode.STAFF_MIGRATED_CUMULATIVE, 5L);
        values.put(ReturnCode.STAFF_OUTSTANDING, -4L);
        ReturnFigures figures = new ReturnFigures(ods, YearMonth.of(2026, 3), values);
        List<ReturnCheck> found = QuarkusTransaction.requiringNew().call(() ->
                checks.check(orgId, figures, ImportKind.RETURN_KINDS, Optional.empty()));
        assertEquals(List.of("NEGATIVE_FIGURE", "MIGRATED_ABOVE_IN_SCOPE"),
                found.stream().filter(ReturnCheck::isError).map(ReturnCheck::code).toList());
        assertTrue(found.get(0).message().contains("STAFF_OUTSTANDING"));
    }
}
