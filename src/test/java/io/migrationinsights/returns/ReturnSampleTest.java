package io.migrationinsights.returns;

import static io.migrationinsights.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the sample workbooks in reports/samples from the realistic
 * fixture in csv/returns/sample (60 staff, a February to April 2026 migration).
 * Off by default; run it with
 * {@code ./mvnw -B test -Dtest=ReturnSampleTest -Dreturns.sample.dir=reports/samples}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "returns.sample.dir", matches = ".+")
class ReturnSampleTest {

    static final String ODS = "SMPL1";

    @Test
    void writesSampleWorkbooks() throws IOException {
        as("admin").contentType("application/json").body(Map.of("name", "Example Hospitals NHS Foundation Trust"))
                .put("/api/organisations/" + ODS).then().statusCode(Matchers.oneOf(200, 201));
        for (String kind : List.of("staff", "appointments", "nhsmail-accounts")) {
            as("pm").contentType("text/csv").body(ReturnTest.fixture("sample/" + kind + ".csv"))
                    .post("/api/organisations/" + ODS + "/imports/" + kind)
                    .then().statusCode(Matchers.oneOf(200, 201));
        }
        Path dir = Path.of(System.getProperty("returns.sample.dir"));
        Files.createDirectories(dir);
        for (String period : List.of("2026-02", "2026-03", "2026-04")) {
            byte[] bytes = as("viewer").get("/api/organisations/" + ODS + "/returns/" + period + ".xlsx")
                    .then().statusCode(200).extract().asByteArray();
            Files.write(dir.resolve("monthly-return-" + ODS + "-" + period + "-draft.xlsx"), bytes);
            byte[] csv = as("viewer").get("/api/organisations/" + ODS + "/returns/" + period + ".csv")
                    .then().statusCode(200).extract().asByteArray();
            Files.write(dir.resolve("monthly-return-" + ODS + "-" + period + ".csv"), csv);
        }
    }
}
