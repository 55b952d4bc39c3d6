package io.migrationinsights.returns;

import static io.migrationinsights.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the sample workbooks and CSVs in reports/samples. Off by default;
 * reports/monthly-return.md gives the commands. By default it reads the
 * realistic fixture in csv/returns/sample (60 staff, February to April 2026);
 * {@code -Dreturns.sample.source=DIR} reads staff.csv, appointments.csv and
 * nhsmail-accounts.csv from a folder instead (the demo data:
 * src/main/resources/demo), with {@code -Dreturns.sample.ods},
 * {@code -Dreturns.sample.name} and {@code -Dreturns.sample.periods}. With
 * {@code -Dreturns.sample.finalise=true} it also finalises every period in
 * order and revises the last one, writing the final versions beside the drafts.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "returns.sample.dir", matches = ".+")
class ReturnSampleTest {

    @Test
    void writesSampleWorkbooks() throws IOException {
        String ods = System.getProperty("returns.sample.ods", "SMPL1");
        String name = System.getProperty("returns.sample.name", "Example Hospitals NHS Foundation Trust");
        String source = System.getProperty("returns.sample.source", "");
        List<String> periods = List.of(System.getProperty("returns.sample.periods", "2026-02,2026-03,2026-04").split(","));
        as("admin").contentType("application/json").body(Map.of("name", name))
                .put("/api/organisations/" + ods).then().statusCode(Matchers.oneOf(200, 201));
        for (String kind : List.of("staff", "appointments", "nhsmail-accounts")) {
            byte[] csv = source.isBlank()
                    ? ReturnTest.fixture("sample/" + kind + ".csv").getBytes(StandardCharsets.UTF_8)
                    : Files.readAllBytes(Path.of(source, kind + ".csv"));
            as("pm").contentType("text/csv").body(csv).post("/api/organisations/" + ods + "/imports/" + kind)
                    .then().log().ifValidationFails().statusCode(Matchers.oneOf(200, 201));
        }
        Path dir = Path.of(System.getProperty("returns.sample.dir"));
        Files.createDirectories(dir);
        for (String period : periods) {
            byte[] bytes = as("viewer").get("/api/organisations/" + ods + "/returns/" + period + ".xlsx")
                    .then().statusCode(200).extract().asByteArray();
            Files.write(dir.resolve("monthly-return-" + ods + "-" + period + "-draft.xlsx"), bytes);
            byte[] csv = as("viewer").get("/api/organisations/" + ods + "/returns/" + period + ".csv")
                    .then().statusCode(200).extract().asByteArray();
            Files.write(dir.resolve("monthly-return-" + ods + "-" + period + ".csv"), csv);
        }
        if (Boolean.getBoolean("returns.sample.finalise")) {
            // Send each month in order, then revise the last: the whole life of a return on this data.
            for (String period : periods) {
                as("pm").post("/api/organisations/" + ods + "/returns/" + period + "/finalise")
                        .then().log().ifValidationFails().statusCode(201);
                write(dir, ods, period, "1");
            }
            String last = periods.get(periods.size() - 1);
            as("pm").contentType("application/json").body(Map.of("reason", "Sample revision"))
                    .post("/api/organisations/" + ods + "/returns/" + last + "/revise")
                    .then().log().ifValidationFails().statusCode(201);
            write(dir, ods, last, "2");
        }
    }

    private static void write(Path dir, String ods, String period, String version) throws IOException {
        byte[] bytes = as("viewer").get("/api/organisations/" + ods + "/returns/" + period + ".xlsx?version=" + version)
                .then().statusCode(200).extract().asByteArray();
        Files.write(dir.resolve("monthly-return-" + ods + "-" + period + "-v" + version + ".xlsx"), bytes);
    }
}
