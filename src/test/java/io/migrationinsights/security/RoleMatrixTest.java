package io.migrationinsights.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role matrix (issue 10): every endpoint of {@code security/role-matrix.csv}
 * against every caller, with the expected status. Adding an endpoint is adding
 * a row. Placeholders in a row: {@code {ods}} an organisation granted to the
 * matrix users; {@code {new-ods}}, {@code {period}}, {@code {new-user}},
 * {@code {n}} fresh per request; {@code {final-period}} a period finalised
 * once; {@code {victim}} and {@code {token}} a user / token made just before
 * the request. Bodies: {@code json:} (single quotes for double),
 * {@code csv:} (text/csv), {@code form:} (multipart field file) or
 * {@code page-form:a=1&b=2} (a page's form post: url-encoded, with the CSRF
 * cookie and field a page would give) or {@code page-upload:kind:csv} (the
 * imports page's multipart form with its CSRF field), with {@code \n} for a line break.
 * Redirects are not followed: a page answers a signed-out visitor 303 (to
 * the sign-in form at {@code /}). Setups: {@code decommissioning-date},
 * {@code decommissioning-exception}, {@code victim}, {@code token}.
 */
@QuarkusTest
class RoleMatrixTest {

    static final String MATRIX = "/security/role-matrix.csv";
    static final List<String> CALLERS = List.of("anonymous", "viewer", "finance", "pm", "admin", "other-org",
            "revoked-token");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static Fixture fixture;
    private static int fixturePort;

    /** One row of the file. */
    record Row(int line, String method, String path, String body, String setup, List<Integer> expected) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** What every request shares: the organisations, the matrix users and the revoked token. */
    record Fixture(String ods, String otherOds, String finalPeriod, String revokedToken) {
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : rows()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                cells.add(Arguments.of(row, CALLERS.get(i), row.expected().get(i)));
            }
        }
        return cells.stream();
    }

    static List<Row> rows() {
        try (InputStream in = RoleMatrixTest.class.getResourceAsStream(MATRIX);
             CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(
                     new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            for (NamedCsvRecord r : csv) {
                rows.add(new Row((int) r.getStartingLineNumber(), r.getField("method"), r.getField("path"),
                        r.getField("body"), r.getField("setup"),
                        CALLERS.stream().map(c -> Integer.parseInt(r.getField(c))).toList()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cells")
    void answersTheExpectedStatus(Row row, String caller, int expected) {
        Fixture f = fixture();
        int n = SEQUENCE.incrementAndGet();
        String path = row.path().replace("{ods}", f.ods())
                .replace("{final-period}", f.finalPeriod())
                .replace("{period}", String.format("%04d-%02d", 1900 + n / 12, n % 12 + 1))
                .replace("{new-ods}", Api.nextCode())
                .replace("{new-user}", "matrix-new-" + n)
                .replace("{n}", Integer.toString(n));
        path = setUp(row.setup(), path, f, n);
        RequestSpecification request = as(caller, f);
        String body = row.body().replace("{n}", Integer.toString(n)).replace("\\n", "\n");
        if (body.startsWith("json:")) {
            request.contentType("application/json").body(body.substring(5).replace('\'', '"'));
        } else if (body.startsWith("csv:")) {
            request.contentType("text/csv").body(body.substring(4).getBytes(StandardCharsets.UTF_8));
        } else if (body.startsWith("form:")) {
            request.multiPart("file", "matrix.csv", body.substring(5).getBytes(StandardCharsets.UTF_8), "text/csv");
        } else if (body.startsWith("page-upload:")) {
            String[] kindAndCsv = body.substring(12).split(":", 2);
            String token = given().get("/").cookie("insights-csrf");
            request.cookie("insights-csrf", token).multiPart("csrf-token", token).multiPart("kind", kindAndCsv[0])
                    .multiPart("file", "matrix.csv", kindAndCsv[1].getBytes(StandardCharsets.UTF_8), "text/csv");
        } else if (body.startsWith("page-form:")) {
            // a page's GET sets the CSRF cookie; its forms carry the same value (no signature key is configured)
            String token = given().get("/").cookie("insights-csrf");
            request.cookie("insights-csrf", token).contentType("application/x-www-form-urlencoded")
                    .body(body.substring(10) + "&csrf-token=" + token);
        }
        Response response = request.redirects().follow(false).request(row.method(), path);
        response.then().log().ifValidationFails().statusCode(expected);
        if (expected >= 400) {
            response.then().contentType(startsWith("application/problem+json")).body("status", equalTo(expected));
        }
    }

    private static String setUp(String setup, String path, Fixture f, int n) {
        switch (setup) {
            case "" -> { }
            case "decommissioning-date" -> Api.as("admin").contentType("application/json")
                    .body("{\"date\":\"2026-06-30\"}")
                    .put("/api/organisations/" + f.ods() + "/metrics/decommissioning/date").then().statusCode(200);
            case "decommissioning-exception" -> Api.as("admin").contentType("application/json")
                    .body("{\"reason\":\"Board approved\"}")
                    .put("/api/organisations/" + f.ods() + "/metrics/decommissioning/exceptions/MBX" + n)
                    .then().statusCode(201);
            case "victim" -> {
                Api.user("matrix-victim-" + n, "viewer", List.of(f.ods()));
                return path.replace("{victim}", "matrix-victim-" + n);
            }
            case "token" -> {
                long id = Api.as("admin").contentType("application/json").body("{\"name\":\"victim\",\"role\":\"viewer\","
                        + "\"expiresAt\":\"2099-01-01\",\"organisations\":[\"*\"]}").post("/api/tokens")
                        .then().statusCode(201).extract().jsonPath().getLong("id");
                return path.replace("{token}", Long.toString(id));
            }
            default -> throw new IllegalArgumentException("Unknown setup '" + setup + "' in " + MATRIX);
        }
        return path;
    }

    private static RequestSpecification as(String caller, Fixture f) {
        return switch (caller) {
            case "anonymous" -> given();
            case "admin" -> Api.as("admin");
            case "revoked-token" -> given().auth().oauth2(f.revokedToken());
            default -> Api.signedIn("matrix-" + caller);
        };
    }

    private static synchronized Fixture fixture() {
        // one fixture per application (a subclass may run against another database in the same JVM)
        if (fixture == null || fixturePort != io.restassured.RestAssured.port) {
            fixturePort = io.restassured.RestAssured.port;
            String ods = Api.newOrganisation();
            String other = Api.newOrganisation();
            for (String role : List.of("viewer", "finance", "pm")) {
                Api.user("matrix-" + role, role, List.of(ods));
            }
            Api.user("matrix-other-org", "pm", List.of(other));
            String finalPeriod = "2026-03";
            Api.as("admin").post("/api/organisations/" + ods + "/returns/" + finalPeriod + "/finalise")
                    .then().statusCode(201);
            var token = Api.as("admin").contentType("application/json").body("{\"name\":\"revoked\",\"role\":\"admin\","
                    + "\"expiresAt\":\"2099-01-01\"}").post("/api/tokens").then().statusCode(201).extract().jsonPath();
            Api.as("admin").delete("/api/tokens/" + token.getLong("id")).then().statusCode(204);
            fixture = new Fixture(ods, other, finalPeriod, token.getString("token"));
        }
        return fixture;
    }
}
