package io.migrationinsights.benchmark;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.migrationinsights.support.Api;
import io.restassured.response.Response;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Peak heap and throughput of a 1,500,000-row NHSmail accounts export uploaded
 * through the real HTTP endpoint, as a text/csv body streamed from the file and
 * as a multipart form. Run with a small heap ({@code -Dtest.heap=256m}): the
 * file is ~100 MB, so an import that held it in memory could not pass.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class LargeImportBenchmark {

    static final int ROWS = 1_500_000;
    static final Path FILE = Path.of("target", "benchmarks", "nhsmail-accounts-" + ROWS + ".csv");
    private static final String[] STATUS = {"active", "active", "active", "active", "inactive", "active_leaver",
        "locked", "pending", "migration_pending", "disabled"};

    @BeforeAll
    static void generateFile() throws IOException {
        if (Files.exists(FILE)) {
            return;
        }
        Files.createDirectories(FILE.getParent());
        Path partial = FILE.resolveSibling(FILE.getFileName() + ".part");
        DateTimeFormatter uk = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
        LocalDate base = LocalDate.of(2015, 1, 5);
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("email,external_sync_id,created_date,registered_date,status\n");
            for (int i = 1; i <= ROWS; i++) {
                LocalDate created = base.plusDays(i % 4000);
                out.write("user" + i + "@nhs.net,S" + (1_000_000 + i) + "," + uk.format(created) + ","
                        + (i % 7 == 0 ? "" : uk.format(created.plusDays(i % 11))) + "," + STATUS[i % STATUS.length] + "\n");
            }
        }
        Files.move(partial, FILE);
    }

    @Test
    void textCsvBodyStreamedFromTheFile() throws IOException {
        String ods = Api.newOrganisation();
        Api.as("pm");
        Results.resetHeapPeaks();
        long started = System.nanoTime();
        Response response;
        try (Results.HeapSampler sampler = new Results.HeapSampler();
             InputStream in = Files.newInputStream(FILE)) {
            response = as("pm").contentType("text/csv").body(in).post("/api/organisations/" + ods + "/imports/nhsmail-accounts");
            report("text/csv body", response, started, sampler.max());
        }
    }

    @Test
    void multipartFormUpload() {
        String ods = Api.newOrganisation();
        Api.as("pm");
        Results.resetHeapPeaks();
        long started = System.nanoTime();
        try (Results.HeapSampler sampler = new Results.HeapSampler()) {
            Response response = as("pm").multiPart("file", FILE.toFile(), "text/csv")
                    .post("/api/organisations/" + ods + "/imports/nhsmail-accounts");
            report("multipart", response, started, sampler.max());
        }
    }

    private void report(String how, Response response, long started, long sampledPeak) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = Results.peakHeap();
        assertEquals(201, response.statusCode(), () -> response.asString());
        assertEquals(ROWS, response.jsonPath().getInt("rows"));
        long after = Results.usedHeapAfterGc();
        Results.record(String.format(Locale.ROOT, "1.5M-row nhsmail-accounts, %s (%s): %.1f MB file, %d ms, "
                        + "%.0f rows/s, peak heap: sum of pool peaks %s, highest sampled used %s; heap after GC %s",
                how, Results.database(), fileSize() / 1024.0 / 1024.0, millis, ROWS * 1000.0 / millis, Results.mb(peak),
                Results.mb(sampledPeak), Results.mb(after)));
    }

    private static long fileSize() {
        try {
            return Files.size(FILE);
        } catch (IOException e) {
            return -1;
        }
    }
}
