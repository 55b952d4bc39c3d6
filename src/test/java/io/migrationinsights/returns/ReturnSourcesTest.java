package io.migrationinsights.returns;

import static io.migrationinsights.returns.ReturnTest.finalise;
import static io.migrationinsights.returns.ReturnTest.json;
import static io.migrationinsights.returns.ReturnTest.organisationWithFixture;
import static io.migrationinsights.returns.ReturnTest.revise;
import static io.migrationinsights.returns.ReturnTest.upload;
import static io.migrationinsights.returns.ReturnTest.url;
import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.migrationinsights.documents.SourcesTable;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A return names its sources (CONTRACT section 4): the latest import of each
 * kind it reads, as the import ledger lists them, in JSON and on the Cover; a
 * final version keeps the sources it was finalised with.
 */
@QuarkusTest
class ReturnSourcesTest {

    static final List<String> KINDS = List.of("staff", "nhsmail-accounts", "appointments");

    /** The ledger's latest import of each kind the return reads, as GET imports lists them. */
    static List<Map<String, Object>> latestImports(String ods) {
        List<Map<String, Object>> imports = as("viewer").get("/api/organisations/" + ods + "/imports")
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> out = new ArrayList<>();
        for (String kind : KINDS) {
            imports.stream().filter(i -> kind.equals(i.get("kind"))).findFirst().ifPresent(out::add);
        }
        return out;
    }

    static void assertSources(List<Map<String, Object>> expected, JsonPath j) {
        assertEquals(expected.stream().map(i -> i.get("kind")).toList(), j.getList("sources.kind"));
        for (int i = 0; i < expected.size(); i++) {
            Map<String, Object> e = expected.get(i);
            String at = "sources[" + i + "].";
            assertEquals(((Number) e.get("importId")).longValue(), j.getLong(at + "importId"));
            assertEquals(e.get("sha256"), j.getString(at + "sha256"));
            assertEquals(((Number) e.get("rows")).longValue(), j.getLong(at + "rows"));
            assertEquals(Instant.parse((String) e.get("importedAt")), Instant.parse(j.getString(at + "importedAt")));
            assertEquals(Set.of("kind", "importId", "sha256", "rows", "importedAt"), j.getMap("sources[" + i + "]").keySet(),
                    "no file name, no user");
        }
    }

    @Test
    void draftNamesTheLatestImportOfEachKindItReadsInJsonAndOnTheCover() throws Exception {
        String ods = organisationWithFixture();
        // a kind the return does not read is not a source
        Uploads.imported(ods, "tickets", Uploads.fixture("tickets/one-ticket.csv"));
        List<Map<String, Object>> expected = latestImports(ods);
        assertEquals(3, expected.size());

        assertSources(expected, json(ods, "2026-03"));
        try (XSSFWorkbook wb = Workbooks.open(ReturnTest.workbook(ods, "2026-03"))) {
            assertEquals(expected.stream().map(e -> List.of(e.get("kind"), ((Number) e.get("importId")).longValue(),
                    ((Number) e.get("rows")).longValue(), e.get("sha256"))).toList(), coverSources(wb));
        }
    }

    @Test
    void aFinalVersionKeepsItsSourcesAfterLaterImportsAndARevisionNamesTheNewOnes() {
        String ods = organisationWithFixture();
        List<Map<String, Object>> before = latestImports(ods);
        JsonPath finalised = finalise(ods, "2026-03").then().statusCode(201).extract().jsonPath();
        assertSources(before, finalised);

        upload(ods, "nhsmail-accounts", "nhsmail-accounts-later.csv");
        List<Map<String, Object>> after = latestImports(ods);
        assertNotEquals(before.get(1).get("importId"), after.get(1).get("importId"));

        assertSources(before, json(ods, "2026-03"));
        assertSources(before, json(ods, "2026-03?version=1"));
        assertSources(after, as("viewer").accept("application/json").get(url(ods, "/2026-03?draft=true"))
                .then().statusCode(200).extract().jsonPath());
        JsonPath revised = revise(ods, "2026-03", "Late NHSmail export").then().statusCode(201).extract().jsonPath();
        assertSources(after, revised);
        assertSources(after, json(ods, "2026-03"));
        assertSources(before, json(ods, "2026-03?version=1"));
    }

    @Test
    void withNothingImportedTheSourcesAreEmpty() throws Exception {
        String ods = io.migrationinsights.support.Api.newOrganisation();
        assertEquals(List.of(), json(ods, "2026-03").getList("sources"));
        try (XSSFWorkbook wb = Workbooks.open(ReturnTest.workbook(ods, "2026-03"))) {
            assertEquals(List.of(), coverSources(wb));
            assertTrue(Workbooks.cells(wb).stream().anyMatch(c -> c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals("Nothing imported yet.")));
        }
    }

    /** The Cover's sources table: kind, import id, rows, SHA-256 per line (numbers as numeric cells). */
    static List<List<Object>> coverSources(XSSFWorkbook wb) {
        Sheet cover = wb.getSheet(ReturnWorkbook.COVER);
        int title = -1;
        for (Row row : cover) {
            if (row.getCell(0) != null && SourcesTable.TITLE.equals(row.getCell(0).getStringCellValue())) {
                title = row.getRowNum();
            }
        }
        assertNotEquals(-1, title, "a sources table on the Cover");
        assertEquals(SourcesTable.HEADINGS.get(0), cover.getRow(title + 1).getCell(0).getStringCellValue());
        List<List<Object>> out = new ArrayList<>();
        for (int r = title + 2; cover.getRow(r) != null && cover.getRow(r).getCell(1) != null; r++) {
            Row row = cover.getRow(r);
            assertEquals(CellType.NUMERIC, row.getCell(1).getCellType());
            assertEquals(CellType.NUMERIC, row.getCell(2).getCellType());
            out.add(List.of(row.getCell(0).getStringCellValue(), (long) row.getCell(1).getNumericCellValue(),
                    (long) row.getCell(2).getNumericCellValue(), row.getCell(4).getStringCellValue()));
        }
        return out;
    }
}
