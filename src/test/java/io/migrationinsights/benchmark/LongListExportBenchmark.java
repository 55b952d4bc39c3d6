package io.migrationinsights.benchmark;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time and peak heap of a long list streamed as a workbook: {@link #ROWS}
 * active staff without an NHSmail account (all in the class needs_account),
 * downloaded through {@code reconciliation/needs_account/members.xlsx}. Run
 * with a small heap ({@code -Dtest.heap=256m}); the download is counted row
 * by row from the zip as it arrives, never held whole.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class LongListExportBenchmark {

    static final int ROWS = 200_000;

    @Test
    void streamsTheMembersOfALargeClassAsAWorkbook() throws IOException {
        String ods = Api.newOrganisation();
        StringBuilder csv = new StringBuilder(ROWS * 60)
                .append("staff_id,first_name,last_name,business_unit,site,user_type,employment_status\n");
        for (int i = 1; i <= ROWS; i++) {
            csv.append("S").append(1_000_000 + i).append(",First").append(i).append(",Last").append(i)
                    .append(",HR,Oxford,standard,active\n");
        }
        as("pm").contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/organisations/" + ods + "/imports/staff").then().statusCode(201);
        csv = null;
        Path file = Path.of("target", "benchmarks", "members-" + ROWS + ".xlsx");
        Files.createDirectories(file.getParent());
        Results.resetHeapPeaks();
        long started = System.nanoTime();
        long bytes;
        try (Results.HeapSampler sampler = new Results.HeapSampler()) {
            Response response = as("pm").get("/api/organisations/" + ods + "/reconciliation/needs_account/members.xlsx");
            assertEquals(200, response.statusCode());
            try (InputStream in = response.asInputStream(); OutputStream out = Files.newOutputStream(file)) {
                bytes = in.transferTo(out);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            long rows = countRows(file);
            assertEquals(ROWS + 2, rows);
            Results.record(String.format(Locale.ROOT, "%d-member reconciliation workbook (%s): %.1f MB, %d ms, "
                            + "%.0f rows/s, peak heap: sum of pool peaks %s, highest sampled used %s",
                    ROWS, Results.database(), bytes / 1024.0 / 1024.0, millis, ROWS * 1000.0 / millis,
                    Results.mb(Results.peakHeap()), Results.mb(sampler.max())));
        }
    }

    /** The rows of the first sheet, counted from its XML as it is unzipped. */
    private static long countRows(Path file) throws IOException {
        // the central directory, as spreadsheet programs read it (the entries carry data descriptors)
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = new BufferedInputStream(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")))) {
            long rows = 0;
            byte[] pattern = "<row ".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                matched = b == pattern[matched] ? matched + 1 : (b == pattern[0] ? 1 : 0);
                if (matched == pattern.length) {
                    rows++;
                    matched = 0;
                }
            }
            return rows;
        }
    }
}
