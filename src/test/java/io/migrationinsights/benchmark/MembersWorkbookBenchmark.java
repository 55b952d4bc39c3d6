package io.migrationinsights.benchmark;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 1,000,000-row members workbook (reconciliation needs_account: active
 * staff without an NHSmail account) exported over HTTP, against bare SXSSF
 * writing rows of the same four cells in this same JVM (the application and
 * the client share it; run with -Dtest.heap=256m). Each is run twice and the
 * faster run counts (the first warms the JIT). Run by benchmarks/run on
 * PostgreSQL; the results go to the harness's results file.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class MembersWorkbookBenchmark {

    static final int ROWS = Integer.getInteger("bench.workbook.rows", 1_000_000);
    static final Path STAFF = Path.of("target", "bench", "staff-" + ROWS + ".csv");

    @Test
    void membersWorkbookAgainstBareSxssf() throws Exception {
        writeStaff();
        String ods = Api.newOrganisation();
        try (InputStream in = Files.newInputStream(STAFF)) {
            Response imported = as("pm").contentType("text/csv").body(in)
                    .post("/api/organisations/" + ods + "/imports/staff");
            assertEquals(201, imported.statusCode(), imported::asString);
        }
        NationalScale.ResultFile results = new NationalScale.ResultFile(Path.of(System.getProperty("bench.results",
                "target/bench/results.properties")));
        Run bare = null;
        Run export = null;
        for (int i = 0; i < 2; i++) {
            bare = Run.best(bare, measure(this::bareSxssf));
            export = Run.best(export, measure(() -> export(ods)));
        }
        bare.record(results, "workbook.bare");
        export.record(results, "workbook.export");
    }

    private interface Writing {
        long bytes() throws Exception;
    }

    private record Run(double seconds, long bytes, long peakHeap) {
        static Run best(Run a, Run b) {
            return a == null || b.seconds < a.seconds ? b : a;
        }

        void record(NationalScale.ResultFile r, String key) throws IOException {
            r.put(key + ".rows", Integer.toString(ROWS));
            r.put(key + ".seconds", String.format(Locale.ROOT, "%.1f", seconds));
            r.put(key + ".rows_per_s", String.format(Locale.ROOT, "%.0f", ROWS / seconds));
            r.put(key + ".bytes", Long.toString(bytes));
            r.put(key + ".peak_heap_mb", String.format(Locale.ROOT, "%.0f", peakHeap / 1048576.0));
        }
    }

    private static Run measure(Writing writing) throws Exception {
        System.gc();
        try (Results.HeapSampler sampler = new Results.HeapSampler()) {
            long started = System.nanoTime();
            long bytes = writing.bytes();
            return new Run((System.nanoTime() - started) / 1e9, bytes, sampler.max());
        }
    }

    /** The endpoint, read to the end as a client would. */
    private long export(String ods) throws IOException {
        Response response = as("pm").get("/api/organisations/" + ods + "/reconciliation/needs_account/members.xlsx");
        assertEquals(200, response.statusCode());
        try (InputStream in = response.asInputStream()) {
            long n = in.transferTo(OutputStream.nullOutputStream());
            assertTrue(n > ROWS, "a workbook of " + ROWS + " rows");
            return n;
        }
    }

    /** Bare SXSSF: the same window and compressed temporary file, four text cells a row, no database, no HTTP. */
    private long bareSxssf() throws IOException {
        CountingStream out = new CountingStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 200, true)) {
            SXSSFSheet sheet = wb.createSheet("Members");
            for (int i = 0; i < ROWS; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("W" + (1_000_000 + i));
                row.createCell(1).setCellValue("First" + i + " Last" + i);
            }
            wb.write(out);
        }
        return out.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    private static void writeStaff() throws IOException {
        if (Files.exists(STAFF)) {
            return;
        }
        Files.createDirectories(STAFF.getParent());
        Path part = STAFF.resolveSibling(STAFF.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            out.write("staff_id,first_name,last_name,business_unit,site,user_type,employment_status\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("W" + (1_000_000 + i) + ",First" + i + ",Last" + i + ",Unit " + (i % 40) + ",Site "
                        + (i % 300) + ",standard,active\n");
            }
        }
        Files.move(part, STAFF);
    }
}
