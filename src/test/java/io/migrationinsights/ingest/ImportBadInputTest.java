package io.migrationinsights.ingest;

import static io.migrationinsights.support.Api.as;
import static io.migrationinsights.support.Uploads.csv;
import static io.migrationinsights.support.Uploads.fixture;
import static io.migrationinsights.support.Uploads.path;
import static io.migrationinsights.support.Uploads.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Chunked;
import io.migrationinsights.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Uploads that are not a usable CSV file: too large, not UTF-8, binary, badly
 * quoted, ragged, empty, or sent to the wrong address. Each answer is a 4xx
 * problem+json a project manager can act on, never a 500 or a stack trace,
 * nothing is stored, and the service keeps answering.
 */
@QuarkusTest
class ImportBadInputTest {

    static final String STAFF = ImportValidationTest.STAFF;
    static final int LIMIT = 4 * 1024 * 1024; // %test.insights.import.max-upload-size
    /** A valid staff file of one row. */
    static final byte[] ONE_ROW = fixture("staff/one-row.csv");

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.log().ifValidationFails().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("\tat ")));
    }

    /** After a bad upload the organisation has nothing stored and the service still answers. */
    static void nothingStoredAndStillAnswering(String ods) {
        assertThat(Db.count("staff", ods), equalTo(0L));
        assertThat(Db.count("import_batch", ods), equalTo(0L));
        as("viewer").get("/api/organisations/" + ods).then().statusCode(200);
        upload("pm", ods, "staff", ONE_ROW).then().statusCode(201);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A valid staff file of at least {@code size} bytes, made up as it is read. */
    static InputStream generatedStaff(long size) {
        return new InputStream() {
            private byte[] chunk = bytes(STAFF + "\n");
            private int at;
            private long sent;
            private int row;

            @Override
            public int read() {
                if (at == chunk.length) {
                    if (sent >= size) {
                        return -1;
                    }
                    chunk = bytes("N" + (++row) + ",Unit,Site,standard,active,\n");
                    at = 0;
                }
                sent++;
                return chunk[at++] & 0xFF;
            }
        };
    }

    // --- size --------------------------------------------------------------

    @Test
    void refusesUploadOverTheLimitFromContentLength() {
        String ods = Api.newOrganisation();
        byte[] body = new byte[LIMIT + 1];
        java.util.Arrays.fill(body, (byte) 'a');
        problem(upload("pm", ods, "staff", body).then(), 413)
                .body("detail", containsString("4 MB"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesStreamedUploadOverTheLimit() {
        String ods = Api.newOrganisation();
        // Chunked: the size is unknown until the limit is passed while reading.
        Chunked.Answer answer = Chunked.post("pm", path(ods, "staff"), "text/csv", generatedStaff(LIMIT + 64 * 1024));
        assertThat(answer.body(), answer.status(), equalTo(413));
        assertThat(answer.contentType(), containsString("application/problem+json"));
        assertThat(answer.body(), containsString("4 MB"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void acceptsStreamedUploadUnderTheLimit() {
        String ods = Api.newOrganisation();
        Chunked.Answer answer = Chunked.post("pm", path(ods, "staff"), "text/csv", generatedStaff(256 * 1024));
        assertThat(answer.body(), answer.status(), equalTo(201));
        assertThat(Db.count("staff", ods) > 5000, equalTo(true));
    }

    @Test
    void refusesCellOverTheMaximumFieldLengthNamingTheRow() {
        String ods = Api.newOrganisation();
        // "comments" is not a staff column: the limit (4000, insights.import.max-field-length) still applies
        String body = csv(STAFF + ",comments",
                "S1,HR,Oxford,standard,active,,short",
                "S2,HR,Oxford,standard,active,," + "x".repeat(4001));
        var r = problem(upload(ods, "staff", body).then(), 422);
        r.body("errors", hasSize(1)).body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("comments"))
                .body("errors[0].message", containsString("4000"));
        nothingStoredAndStillAnswering(ods);
    }

    // --- encoding and content ---------------------------------------------------

    @Test
    void refusesInvalidUtf8NamingTheRowAfterAMultiLineRecord() {
        String ods = Api.newOrganisation();
        byte[] body = concat(bytes(STAFF + "\n"
                        + "S1,HR,Oxford,standard,active,\n"
                        + "S2,\"Estates\nand Facilities\",Oxford,standard,active,\n"
                        + "S3,HR,Oxford,standard,active,\n"
                        + "S4,HR,Ox"), new byte[] {(byte) 0xFF, (byte) 0xFE},
                bytes("ford,standard,active,\nS5,HR,Oxford,standard,active,\n"));
        problem(upload("pm", ods, "staff", body).then(), 400)
                .body("detail", containsString("Row 5 "))
                .body("detail", containsString("UTF-8"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesWindowsLatin1Export() {
        String ods = Api.newOrganisation();
        byte[] body = (STAFF + "\nS1,HR,Caf\u00e9,standard,active,\n").getBytes(StandardCharsets.ISO_8859_1);
        problem(upload("pm", ods, "staff", body).then(), 400).body("detail", containsString("Row 2 "));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesUtf16Text() {
        String ods = Api.newOrganisation();
        byte[] body = ("\uFEFF" + STAFF + "\nS1,HR,Oxford,standard,active,\n").getBytes(StandardCharsets.UTF_16LE);
        problem(upload("pm", ods, "staff", body).then(), 400).body("detail", containsString("UTF-16"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesExcelWorkbook() {
        String ods = Api.newOrganisation();
        byte[] xlsx = concat(new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00}, new byte[512]);
        problem(upload("pm", ods, "staff", xlsx).then(), 415).body("detail", containsString("Excel"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesBinaryContent() {
        String ods = Api.newOrganisation();
        byte[] binary = concat(bytes(STAFF + "\nS1,HR"), new byte[] {0, 1, 2, 3, 0}, bytes(",x\n"));
        problem(upload("pm", ods, "staff", binary).then(), 415).body("detail", containsString("binary"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesWrongContentType() {
        String ods = Api.newOrganisation();
        problem(as("pm").contentType("application/json").body("{\"staff_id\":\"S1\"}").post(path(ods, "staff")).then(),
                415);
        nothingStoredAndStillAnswering(ods);
    }

    // --- CSV structure ------------------------------------------------------------

    @Test
    void refusesUnterminatedQuoteNamingTheRow() {
        String ods = Api.newOrganisation();
        var r = problem(upload(ods, "staff", csv(STAFF,
                "S1,HR,Oxford,standard,active,",
                "S2,\"HR,Oxford,standard,active,",
                "S3,HR,Oxford,standard,active,")).then(), 422);
        r.body("errors", hasSize(1)).body("errors[0].row", equalTo(3))
                .body("errors[0].message", containsString("never closed"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesUnterminatedQuoteInTheLastColumn() {
        String ods = Api.newOrganisation();
        // The parser would read the rest of the file into leave_date... or, here, a free-text column
        var r = problem(upload(ods, "staff", csv("staff_id,business_unit,site,user_type,employment_status,first_name",
                "S1,HR,Oxford,standard,active,Ann",
                "S2,HR,Oxford,standard,active,\"Bob",
                "S3,HR,Oxford,standard,active,Cat")).then(), 422);
        r.body("errors", hasSize(1)).body("errors[0].row", equalTo(3))
                .body("errors[0].message", containsString("never closed"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesTextAfterAClosingQuoteNamingTheRow() {
        String ods = Api.newOrganisation();
        var r = problem(upload(ods, "staff", csv(STAFF,
                "S1,HR,Oxford,standard,active,",
                "S2,\"HR\" and IT,Oxford,standard,active,")).then(), 422);
        r.body("errors[0].row", equalTo(3)).body("errors[0].message", containsString("closing quote"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void refusesRaggedRowsNamingEachRow() {
        String ods = Api.newOrganisation();
        var r = problem(upload(ods, "staff", csv(STAFF,
                "S1,HR,Oxford,standard,active,",
                "S2,HR,Oxford,standard,active",
                "S3,HR,Oxford,standard,active,,extra",
                "S4,HR,Oxford,standard,active,")).then(), 422);
        r.body("errors", hasSize(2))
                .body("errors[0].row", equalTo(3)).body("errors[0].message", containsString("has 5 cells but the header has 6"))
                .body("errors[1].row", equalTo(4)).body("errors[1].message", containsString("has 7 cells but the header has 6"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void skipsBlankLinesAndRowsOfEmptyCellsButCountsThemAsRows() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", csv(STAFF,
                "S1,HR,Oxford,standard,active,",
                "",
                "S2,HR,Oxford,standard,active,",
                ",,,,,",
                " , ,,,,",
                "S3,HR,Oxford,standard,retired,")).then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].row", equalTo(7));
        upload(ods, "staff", csv(STAFF, "S1,HR,Oxford,standard,active,", "", "S2,HR,Oxford,standard,active,", ",,,,,"))
                .then().statusCode(201).body("rows", equalTo(2));
        assertThat(Db.longs(Db.table("staff", ods, "staff_id"), "source_row"), org.hamcrest.Matchers.contains(2L, 4L));
    }

    @Test
    void refusesEmptyBody() {
        String ods = Api.newOrganisation();
        problem(upload("pm", ods, "staff", new byte[0]).then(), 400).body("detail", containsString("empty"));
        problem(upload("pm", ods, "tickets", new byte[0]).then(), 400);
        problem(upload("pm", ods, "staff", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).then(), 400);
        nothingStoredAndStillAnswering(ods);
    }

    // --- addresses ------------------------------------------------------------------

    @Test
    void answersNotFoundForUnknownOrganisation() {
        problem(upload("pm", "ZZZ99", "staff", ONE_ROW).then(), 404)
                .body("detail", containsString("ZZZ99"));
        problem(as("viewer").get("/api/organisations/ZZZ99/imports").then(), 404);
    }

    @Test
    void answersNotFoundForUnknownKind() {
        String ods = Api.newOrganisation();
        problem(upload(ods, "payroll", csv("a,b", "1,2")).then(), 404)
                .body("detail", containsString("staff, legacy-accounts"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void answersBadRequestForMalformedOdsCode() {
        problem(upload("pm", "abc", "staff", ONE_ROW).then(), 400)
                .body("detail", containsString("ODS code"));
        problem(upload("pm", "TOOLONG", "staff", ONE_ROW).then(), 400);
        problem(as("viewer").get("/api/organisations/ab/imports").then(), 400);
    }

    // --- multipart ---------------------------------------------------------------------

    @Test
    void importsMultipartFieldFile() {
        String ods = Api.newOrganisation();
        as("pm").multiPart("file", "staff-export.csv", ONE_ROW, "text/csv")
                .post(path(ods, "staff"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(1))
                .body("duplicate", equalTo(false));
        as("pm").get(path(ods, "").replaceAll("/$", "")).then().statusCode(200)
                .body("[0].fileName", equalTo("staff-export.csv"));
        assertThat(Db.count("staff", ods), equalTo(1L));
    }

    @Test
    void refusesMultipartWithoutFileField() {
        String ods = Api.newOrganisation();
        problem(as("pm").multiPart("upload", "staff.csv", ONE_ROW, "text/csv")
                .post(path(ods, "staff")).then(), 400).body("detail", containsString("'file'"));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void appliesRowRulesToMultipartUploads() {
        String ods = Api.newOrganisation();
        problem(as("pm").multiPart("file", "staff.csv", bytes(csv(STAFF, "S1,HR,Oxford,standard,retired,")),
                        "application/vnd.ms-excel")
                .post(path(ods, "staff")).then(), 422).body("errors[0].row", equalTo(2));
        nothingStoredAndStillAnswering(ods);
    }

    @Test
    void neverAnswersAnonymousUploadWithAStackTrace() {
        String ods = Api.newOrganisation();
        given().contentType("text/csv").body(bytes(csv(STAFF))).post(path(ods, "staff"))
                .then().statusCode(401).body(not(containsString("Exception")));
    }
}
