package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.metrics.MetricsFixtures.uploadFile;
import static io.migrationinsights.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.documents.TableWorkbook;
import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Long lists (issue 11 item 3): reconciliation members and legacy mailboxes page in JSON
 * ({@code page}, {@code size}, {@code total}, search) and stream as workbooks, for pm and admin only.
 */
@QuarkusTest
class LongListsTest {

    private static final int MANY = 3000;
    private static String small;
    private static String large;

    /** The reconciliation fixture (needs_account: S3 Cat Cole, S4 Dan Dale). */
    private static synchronized String small() {
        if (small == null) {
            small = MetricsReconciliationTest.load();
        }
        return small;
    }

    /** {@link #MANY} active staff with no NHSmail account, each with an active legacy user mailbox. */
    private static synchronized String large() {
        if (large == null) {
            large = Api.newOrganisation();
            StringBuilder staff = new StringBuilder("staff_id,first_name,last_name,business_unit,site,user_type,"
                    + "employment_status\n");
            StringBuilder legacy = new StringBuilder("account,staff_id,mailbox_type,status\n");
            for (int i = 1; i <= MANY; i++) {
                String id = String.format("P%05d", i);
                staff.append(id).append(",Person,Number").append(i).append(",HR,Oxford,standard,active\n");
                legacy.append(id.toLowerCase()).append("@trust.nhs.uk,").append(id).append(",user,active\n");
            }
            upload(large, "staff", staff.toString());
            upload(large, "legacy-accounts", legacy.toString());
        }
        return large;
    }

    private static String members(String ods, String name) {
        return "/api/organisations/" + ods + "/reconciliation/" + name + "/members";
    }

    private static String mailboxes(String ods) {
        return "/api/organisations/" + ods + "/metrics/decommissioning/mailboxes";
    }

    /**
     * The whole reconciliation with members is streamed from the database as it is written (issue 11: at national
     * scale a class holds millions); each class's count is the members written, and matches the counts a viewer
     * gets and the paged list's total, and the members come in the paged list's order.
     */
    @Test
    void theFullReconciliationStreamsEveryMemberWithItsCount() {
        String ods = large();
        JsonPath full = as("pm").get("/api/organisations/" + ods + "/reconciliation").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
        JsonPath counts = as("viewer").get("/api/organisations/" + ods + "/reconciliation").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(true, full.getBoolean("membersIncluded"));
        assertEquals(counts.getList("classes.name"), full.getList("classes.name"));
        assertEquals(counts.getList("classes.count"), full.getList("classes.count"));
        for (int i = 0; i < full.getList("classes").size(); i++) {
            assertEquals(full.getInt("classes[" + i + "].count"), full.getList("classes[" + i + "].members").size());
        }
        List<String> needsAccount = full.getList("classes.find { it.name == 'needs_account' }.members.staffId");
        assertEquals(MANY, needsAccount.size());
        assertEquals("P00001", needsAccount.get(0));
        assertEquals(String.format("P%05d", MANY), needsAccount.get(MANY - 1));
        as("pm").get(members(ods, "needs_account") + "?size=1&page=" + MANY).then().statusCode(200)
                .body("total", equalTo(MANY)).body("items[0].staffId", equalTo(needsAccount.get(MANY - 1)));
        Object name = full.get("classes.find { it.name == 'needs_account' }.members[0].name");
        assertEquals("Person Number1", name);
    }

    @Test
    void pagesAClassWithDefaultsAndTotals() {
        as("pm").get(members(small(), "needs_account")).then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(50)).body("total", equalTo(2))
                .body("pages", equalTo(1))
                .body("items.staffId", contains("S3", "S4"))
                .body("items[0].name", equalTo("Cat Cole"))
                .body("items[0].account", equalTo("cat@trust.nhs.uk"));
        // the paged list holds the same members as the contract's full list
        List<String> full = as("admin").get("/api/organisations/" + small() + "/reconciliation").then()
                .statusCode(200).extract().jsonPath().getList("classes.find { it.name == 'orphan_nhsmail_account' }"
                        + ".members.account");
        assertEquals(full, as("admin").get(members(small(), "orphan_nhsmail_account")).then().statusCode(200)
                .extract().jsonPath().getList("items.account"));
    }

    @Test
    void pagesEdgesLastPageAndPastTheEnd() {
        as("pm").get(members(small(), "needs_account") + "?size=1&page=2").then().statusCode(200)
                .body("items.staffId", contains("S4")).body("total", equalTo(2)).body("pages", equalTo(2));
        as("pm").get(members(small(), "needs_account") + "?size=1&page=3").then().statusCode(200)
                .body("items", empty()).body("total", equalTo(2)).body("page", equalTo(3));
        // an empty class has an empty first page
        as("pm").get(members(Api.newOrganisation(), "needs_account")).then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0)).body("pages", equalTo(0));
        // the largest size is allowed
        as("pm").get(members(small(), "needs_account") + "?size=500").then().statusCode(200)
                .body("size", equalTo(500));
    }

    @ParameterizedTest(name = "{0} -> 400")
    @CsvSource({"size=501, size", "size=0, size", "size=ten, size", "page=0, page", "page=-1, page",
            "page=1.5, page", "page=1000001, page"})
    void refusesBadPagingWithAProblemNamingTheParameter(String query, String parameter) {
        as("pm").get(members(small(), "needs_account") + "?" + query).then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("'" + parameter + "'"));
        as("pm").get(mailboxes(small()) + "?" + query).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void refusesAnOverlongSearchAndAnUnknownClass() {
        as("pm").get(members(small(), "needs_account") + "?q=" + "x".repeat(201)).then().statusCode(400)
                .body("detail", containsString("at most 200"));
        as("pm").get(members(small(), "nobody_at_all")).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("needs_account"));
        as("pm").get(members(small(), "nobody_at_all") + ".xlsx").then().statusCode(404);
    }

    @Test
    void searchesStaffIdNameAndAccountIgnoringCase() {
        as("pm").given().queryParam("q", "dALe").get(members(small(), "needs_account")).then().statusCode(200)
                .body("items.staffId", contains("S4")).body("total", equalTo(1));
        as("pm").given().queryParam("q", "s3").get(members(small(), "needs_account")).then().statusCode(200)
                .body("items.staffId", contains("S3"));
        as("pm").given().queryParam("q", "TRUST.NHS").get(members(small(), "needs_account")).then()
                .statusCode(200).body("total", equalTo(2));
        // % and _ are searched for, not wildcards
        as("pm").given().queryParam("q", "%").get(members(small(), "needs_account")).then().statusCode(200)
                .body("total", equalTo(0));
        as("pm").given().queryParam("q", "_").get(members(small(), "needs_account")).then().statusCode(200)
                .body("total", equalTo(0));
        as("pm").given().queryParam("q", "NN@").get(mailboxes(small())).then().statusCode(200)
                .body("items.account", contains("ann@trust.nhs.uk"));
    }

    @Test
    void onlyPmAndAdminSeeMembersAndEachViewIsAudited() {
        String ods = small();
        as("viewer").get(members(ods, "needs_account")).then().statusCode(403);
        as("finance").get(members(ods, "needs_account") + ".xlsx").then().statusCode(403);
        as("viewer").get(mailboxes(ods)).then().statusCode(403);
        as("finance").get(mailboxes(ods) + ".xlsx").then().statusCode(403);
        as("admin").get(members(ods, "needs_account") + ".xlsx").then().statusCode(200);
        as("pm").get(mailboxes(ods) + ".xlsx").then().statusCode(200);
        JsonPath lines = as("admin").get("/api/audit?action=personal-data.view&organisation=" + ods).then()
                .statusCode(200).extract().jsonPath();
        assertThat(lines.getList("items.parameters"), hasItem("view=reconciliation/needs_account.xlsx"));
        assertThat(lines.getList("items.parameters"), hasItem("view=decommissioning/mailboxes.xlsx"));
    }

    private static <T> void assertThat(T actual, org.hamcrest.Matcher<? super T> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }

    @Test
    void pagesThousandsOfMembersToTheLastPage() {
        String ods = large();
        as("pm").get(members(ods, "needs_account") + "?size=500&page=6").then().statusCode(200)
                .body("total", equalTo(MANY)).body("pages", equalTo(6)).body("items.size()", equalTo(500))
                .body("items[499].staffId", equalTo("P03000"));
        as("pm").get(members(ods, "needs_account") + "?size=500&page=7").then().statusCode(200)
                .body("items", empty());
        as("pm").get(members(ods, "needs_account") + "?size=7&page=429").then().statusCode(200)
                .body("pages", equalTo(429)).body("items.staffId", contains("P02997", "P02998", "P02999", "P03000"));
        as("pm").get(mailboxes(ods) + "?size=100&page=30").then().statusCode(200)
                .body("total", equalTo(MANY)).body("items.size()", equalTo(100))
                .body("items[99].account", equalTo("p03000@trust.nhs.uk"))
                .body("items[0].onException", equalTo(false));
    }

    @Test
    void streamsThousandsOfMembersAsAWorkbook() throws IOException {
        String ods = large();
        byte[] bytes = as("pm").get(members(ods, "needs_account") + ".xlsx").then().statusCode(200)
                .contentType(TableWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", equalTo("attachment; filename=\"reconciliation-" + ods
                        + "-needs_account.xlsx\""))
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(MANY + TableWorkbook.FIRST_ROW - 1, sheet.getLastRowNum());
            assertEquals(List.of("Staff id", "Name", "Account", "Status"), headers(sheet));
            assertEquals("P00001", sheet.getRow(TableWorkbook.FIRST_ROW).getCell(0).getStringCellValue());
            assertEquals("Person Number1", sheet.getRow(TableWorkbook.FIRST_ROW).getCell(1).getStringCellValue());
            assertEquals("P03000", sheet.getRow(TableWorkbook.FIRST_ROW + MANY - 1).getCell(0).getStringCellValue());
        }
        // the search narrows the download as it narrows the page
        byte[] some = as("pm").given().queryParam("q", "number299").get(members(ods, "needs_account") + ".xlsx")
                .then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(some))) {
            // Number299 and Number2990..Number2999
            assertEquals(11 + TableWorkbook.FIRST_ROW - 1, wb.getSheetAt(0).getLastRowNum());
        }
    }

    @Test
    void streamsMailboxesWithExceptionsAsAWorkbook() throws IOException {
        String ods = Api.newOrganisation();
        uploadFile(ods, "legacy-accounts", "decommissioning-legacy.csv");
        as("pm").contentType("application/json").body("{\"reason\":\"Board approved\"}")
                .put("/api/organisations/" + ods + "/metrics/decommissioning/exceptions/b@trust.nhs.uk")
                .then().statusCode(201);
        as("pm").get(mailboxes(ods)).then().statusCode(200)
                .body("items.account", contains("a@trust.nhs.uk", "b@trust.nhs.uk"))
                .body("items.onException", contains(false, true));
        byte[] bytes = as("admin").get(mailboxes(ods) + ".xlsx").then().statusCode(200)
                .contentType(TableWorkbook.MEDIA_TYPE).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(List.of("Account", "Staff id", "On exception"), headers(sheet));
            assertEquals(TableWorkbook.FIRST_ROW + 1, sheet.getLastRowNum());
            assertEquals("b@trust.nhs.uk", sheet.getRow(TableWorkbook.FIRST_ROW + 1).getCell(0).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(TableWorkbook.FIRST_ROW + 1).getCell(1).getCellType());
            assertEquals("yes", sheet.getRow(TableWorkbook.FIRST_ROW + 1).getCell(2).getStringCellValue());
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains(ods));
        }
    }

    private static List<String> headers(Sheet sheet) {
        List<String> out = new ArrayList<>();
        sheet.getRow(TableWorkbook.HEADER_ROW).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }
}
