package io.migrationinsights.benefits;

import static io.migrationinsights.support.Api.as;

import io.migrationinsights.charts.ChartImages;
import io.migrationinsights.organisations.OrganisationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the sample benefits reports in reports/samples from the demo data
 * (src/main/resources/demo) as organisation X26: for 6 and 12 months the
 * workbook, the PDF, the JSON and a PNG of each chart. Off by default;
 * reports/benefits-report.md gives the command, which sets the tests' fixed
 * clock to the day the samples are taken at ({@code -D%test.insights.clock.fixed}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benefits.sample.dir", matches = ".+")
class BenefitsReportSampleTest {

    static final List<String> KINDS = List.of("staff", "legacy-accounts", "nhsmail-accounts", "appointments",
            "tickets", "finance", "benefits", "benefit-measurements");

    @Inject
    BenefitsReportService reports;
    @Inject
    OrganisationRepository organisations;

    @Test
    void writesTheDemoReports() throws IOException {
        String ods = "X26";
        Path source = Path.of(System.getProperty("benefits.sample.source", "src/main/resources/demo"));
        as("admin").contentType("application/json").body(Map.of("name", "Demo CSU (synthetic)"))
                .put("/api/organisations/" + ods).then().statusCode(Matchers.oneOf(200, 201));
        for (String kind : KINDS) {
            as("pm").contentType("text/csv").body(Files.readAllBytes(source.resolve(kind + ".csv")))
                    .post("/api/organisations/" + ods + "/imports/" + kind)
                    .then().log().ifValidationFails().statusCode(Matchers.oneOf(200, 201));
        }
        Path dir = Path.of(System.getProperty("benefits.sample.dir"));
        Files.createDirectories(dir);
        for (int months : ReportDates.MONTHS) {
            String base = "benefits-report-" + ods + "-" + months + "m";
            String status = as("viewer").accept("application/json").get(url(ods, months)).then().statusCode(200)
                    .extract().jsonPath().getString("status");
            String name = base + "-" + status;
            Files.write(dir.resolve(name + ".xlsx"), download(ods, months, BenefitsReportWorkbook.MEDIA_TYPE));
            Files.write(dir.resolve(name + ".pdf"), download(ods, months, BenefitsReportPdf.MEDIA_TYPE));
            Files.write(dir.resolve(name + ".json"), download(ods, months, "application/json"));
            BenefitsReport report = QuarkusTransaction.requiringNew().call(() ->
                    reports.build(organisations.require(ods), months, 1, false));
            for (ReportChartSet.NamedChart chart : ReportChartSet.of(report)) {
                Files.write(dir.resolve(base + "-" + chart.name() + ".png"),
                        ChartImages.png(chart.chart(), 760, 360, 1));
            }
        }
    }

    private static String url(String ods, int months) {
        return "/api/organisations/" + ods + "/benefits-report?months=" + months;
    }

    private static byte[] download(String ods, int months, String accept) {
        return as("viewer").accept(accept).get(url(ods, months)).then().statusCode(200).extract().asByteArray();
    }
}
