package io.migrationinsights.returns;

import static io.migrationinsights.returns.ReturnTest.MARCH;
import static io.migrationinsights.returns.ReturnTest.figures;
import static io.migrationinsights.returns.ReturnTest.finalise;
import static io.migrationinsights.returns.ReturnTest.organisationWithFixture;
import static io.migrationinsights.returns.ReturnTest.rename;
import static io.migrationinsights.returns.ReturnTest.upload;
import static io.migrationinsights.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/returns/{YYYY-MM}}: the roll-up across organisations, on the
 * hand-computed fixture of ReturnTest. Organisation A has March finalised and a
 * later NHSmail export imported after it (the roll-up keeps the final figures);
 * organisation B has no final version and the later export (the roll-up shows
 * its draft from today's data).
 */
@QuarkusTest
class ReturnRollUpTest {

    /** B's March draft with nhsmail-accounts-later.csv, by hand. */
    static final Map<String, Long> B_MARCH = figures(
            3,  // created in March: carol, eve, dan (fay is created in April; gone.user is deleted)
            4,  // registered in March: bob, carol, eve (30 March), dan
            6,  // registered by 31 March: alice, bob, carol, eve, dan, old.account
            1,  // S1006: April appointment, account created 1 April
            5, 3, 2, 2, 1); // the appointments are those of MARCH

    /** A's final March (MARCH) plus B_MARCH. */
    static final Map<String, Long> TOTAL = figures(6, 7, 11, 2, 10, 6, 4, 4, 2);

    record Pair(String a, String b) {
    }

    static Pair pair() {
        String a = organisationWithFixture();
        finalise(a, "2026-03").then().statusCode(201);
        upload(a, "nhsmail-accounts", "nhsmail-accounts-later.csv");
        String b = organisationWithFixture();
        upload(b, "nhsmail-accounts", "nhsmail-accounts-later.csv");
        return new Pair(a, b);
    }

    static Map<String, Long> numbers(Map<String, Object> raw) {
        Map<String, Long> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, ((Number) v).longValue()));
        return out;
    }

    static JsonPath rollUp(RequestSpecification as, String query) {
        return as.accept("application/json").get("/api/returns/2026-03" + query)
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachOrganisationsLatestFinalVersionElseItsDraftAndTheirTotal() {
        Pair p = pair();
        JsonPath j = rollUp(as("viewer"), "?ods=" + p.b() + "," + p.a());

        assertEquals("2026-03", j.getString("period"));
        // by ODS code, whatever order the query names them in
        List<String> codes = j.getList("organisations.odsCode");
        assertEquals(List.of(p.a(), p.b()).stream().sorted().toList(), codes);
        String a = "organisations.find { it.odsCode == '" + p.a() + "' }";
        String b = "organisations.find { it.odsCode == '" + p.b() + "' }";
        assertEquals("final", j.getString(a + ".status"));
        assertEquals(1, j.getInt(a + ".version"));
        assertEquals("Test organisation " + p.a(), j.getString(a + ".name"));
        assertEquals(MARCH, numbers(j.getMap(a + ".figures")));
        assertEquals("draft", j.getString(b + ".status"));
        assertEquals(1, j.getInt(b + ".version"));
        assertEquals(B_MARCH, numbers(j.getMap(b + ".figures")));
        assertEquals(TOTAL, numbers(j.getMap("total")));
        assertEquals(List.copyOf(MARCH.keySet()), List.copyOf(j.getMap("total").keySet()), "every code, in order");

        // each organisation reads as its own return does
        assertEquals(MARCH, ReturnTest.jsonFigures(ReturnTest.json(p.a(), "2026-03")));
        assertEquals(B_MARCH, ReturnTest.jsonFigures(ReturnTest.json(p.b(), "2026-03")));
    }

    @Test
    void aCallerSeesOnlyItsOwnOrganisationsAndAnotherIsNotFound() {
        Pair p = pair();
        String user = "rollup-" + Api.nextCode().toLowerCase();
        Api.user(user, "viewer", List.of(p.b()));

        JsonPath own = rollUp(Api.signedIn(user), "");
        assertEquals(List.of(p.b()), own.getList("organisations.odsCode"));
        assertEquals(B_MARCH, numbers(own.getMap("total")));
        assertEquals(List.of(p.b()), rollUp(Api.signedIn(user), "?ods=" + p.b()).getList("organisations.odsCode"));

        // another organisation answers exactly as one that does not exist
        String unknown = Api.nextCode();
        for (String ods : List.of(p.a(), p.b() + "," + p.a(), unknown)) {
            Api.signedIn(user).accept("application/json").get("/api/returns/2026-03?ods=" + ods)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", containsString("There is no organisation with ODS code "));
        }
        String hidden = Api.signedIn(user).get("/api/returns/2026-03?ods=" + p.a()).then().extract().path("detail");
        String missing = Api.signedIn(user).get("/api/returns/2026-03?ods=" + unknown).then().extract().path("detail");
        assertEquals(missing.replace(unknown, "CODE"), hidden.replace(p.a(), "CODE"));

        // a caller granted two sees both without naming them
        String both = "rollup-" + Api.nextCode().toLowerCase();
        Api.user(both, "pm", List.of(p.a(), p.b()));
        assertEquals(TOTAL, numbers(rollUp(Api.signedIn(both), "").getMap("total")));
    }

    @Test
    void withNoOrganisationTheTotalIsZero() {
        String user = "rollup-" + Api.nextCode().toLowerCase();
        Api.user(user, "viewer", List.of(Api.newOrganisation()));
        JsonPath j = rollUp(Api.signedIn(user), "");
        assertEquals(1, j.getList("organisations").size());
        assertEquals(figures(0, 0, 0, 0, 0, 0, 0, 0, 0), numbers(j.getMap("total")));
    }

    @Test
    void workbookHasARowPerOrganisationACodeColumnEachAndATotalRow() throws Exception {
        Pair p = pair();
        rename(p.b(), "=HYPERLINK(\"http://x\",\"y\")");
        String query = "?ods=" + p.a() + "," + p.b();
        byte[] bytes = as("viewer").accept(ReturnWorkbook.MEDIA_TYPE).get("/api/returns/2026-03" + query)
                .then().statusCode(200).contentType(ReturnWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", containsString("return-roll-up-2026-03.xlsx"))
                .extract().asByteArray();
        assertArrayEquals(bytes, as("viewer").get("/api/returns/2026-03.xlsx" + query).then().statusCode(200)
                .extract().asByteArray(), "the suffix gives the same workbook as the Accept header");
        try (XSSFWorkbook wb = Workbooks.open(bytes)) {
            ReturnTest.assertNoFormulaAnywhere(wb);
            Sheet sheet = wb.getSheet(RollUpWorkbook.SHEET);
            Row header = sheet.getRow(RollUpWorkbook.HEADER_ROW);
            assertEquals(List.of("ODS code", "Organisation", "Status", "Version"), List.of(
                    header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()));
            List<String> codes = List.copyOf(MARCH.keySet());
            for (int i = 0; i < codes.size(); i++) {
                assertEquals(codes.get(i), header.getCell(RollUpWorkbook.FIRST_CODE_COLUMN + i).getStringCellValue());
            }
            Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
            Map<String, String> status = new LinkedHashMap<>();
            for (int r = RollUpWorkbook.HEADER_ROW + 1; r <= RollUpWorkbook.HEADER_ROW + 3; r++) {
                Row row = sheet.getRow(r);
                Map<String, Long> values = new LinkedHashMap<>();
                for (int i = 0; i < codes.size(); i++) {
                    Cell cell = row.getCell(RollUpWorkbook.FIRST_CODE_COLUMN + i);
                    assertEquals(CellType.NUMERIC, cell.getCellType(), "numeric " + cell.getAddress());
                    values.put(codes.get(i), (long) cell.getNumericCellValue());
                }
                rows.put(row.getCell(0).getStringCellValue(), values);
                if (row.getCell(2) != null) {
                    status.put(row.getCell(0).getStringCellValue(), row.getCell(2).getStringCellValue());
                }
            }
            assertEquals(Map.of(p.a(), MARCH, p.b(), B_MARCH, RollUpWorkbook.TOTAL, TOTAL), rows);
            assertEquals("FINAL", status.get(p.a()));
            assertEquals("DRAFT", status.get(p.b()));
            assertEquals(2, status.size(), "the total row has no status");
            assertNull(sheet.getRow(RollUpWorkbook.HEADER_ROW + 4), "nothing below the total");
            Row bRow = sheet.getRow(RollUpWorkbook.HEADER_ROW + (p.a().compareTo(p.b()) < 0 ? 2 : 1));
            Cell name = bRow.getCell(1);
            assertEquals(CellType.STRING, name.getCellType());
            assertTrue(name.getCellStyle().getQuotePrefixed());
            assertEquals("'=HYPERLINK(\"http://x\",\"y\")", name.getStringCellValue());
            assertEquals(CellType.NUMERIC, bRow.getCell(3).getCellType(), "version is a number");
        }
    }

    @Test
    void aBadMonthOrCodeIsABadRequestAndAnonymousIsUnauthorised() {
        as("viewer").get("/api/returns/2026-13").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("2026-13"));
        as("viewer").get("/api/returns/March").then().statusCode(400).contentType("application/problem+json");
        as("viewer").get("/api/returns/2026-03?ods=abc").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'abc'"));
        as("viewer").get("/api/returns/2026-03?ods=").then().statusCode(200);
        io.restassured.RestAssured.given().get("/api/returns/2026-03").then().statusCode(401)
                .body("status", equalTo(401));
    }
}
