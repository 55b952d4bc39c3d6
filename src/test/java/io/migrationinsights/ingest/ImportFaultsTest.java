package io.migrationinsights.ingest;

import static io.migrationinsights.ingest.ImportBadInputTest.LIMIT;
import static io.migrationinsights.ingest.ImportBadInputTest.generatedStaff;
import static io.migrationinsights.support.Uploads.csv;
import static io.migrationinsights.support.Uploads.path;
import static io.migrationinsights.support.Uploads.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.migrationinsights.support.RawHttp;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports under faults: a second writer for the same organisation, uploads
 * that arrive slowly, stall or stop halfway, and a form that streams past the
 * size limit. The organisation lock is held from the test with the SQL the
 * service uses, so the waits are the service's own ({@code %test} lock-wait 1 s,
 * read-timeout 5 s).
 */
@QuarkusTest
class ImportFaultsTest {

    static final String STAFF = ImportValidationTest.STAFF;
    static final String ONE_ROW = csv(STAFF, "S1,HR,Oxford,standard,active,");

    private final List<LogRecord> spoolLog = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            spoolLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureSpoolLog() {
        Logger.getLogger(UploadSpool.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseSpoolLog() {
        Logger.getLogger(UploadSpool.class.getName()).removeHandler(capture);
    }

    static Path uploads() {
        return Path.of(ConfigProvider.getConfig().getValue("insights.data-dir", String.class), "uploads");
    }

    static List<Path> spooled() {
        if (!Files.isDirectory(uploads())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(uploads())) {
            return files.filter(f -> f.getFileName().toString().startsWith("import-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A transaction holding the organisation's import lock until closed (rolled back). */
    static Connection holdImportLock(String ods) throws SQLException {
        Connection c = Arc.container().instance(DataSource.class).get().getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("select id from organisation where ods_code = ? for update")) {
            ps.setString(1, ods);
            ps.executeQuery().close();
        }
        return c;
    }

    /** Whether the organisation's import lock is free right now (tried without waiting more than 100 ms). */
    static boolean importLockIsFree(String ods) throws SQLException {
        try (Connection c = Arc.container().instance(DataSource.class).get().getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(postgres ? "set local lock_timeout = 100" : "set lock_timeout 100");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select id from organisation where ods_code = ? for update")) {
                ps.setString(1, ods);
                ps.executeQuery().close();
                return true;
            } catch (SQLException e) {
                return false;
            } finally {
                c.rollback();
                if (!postgres) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set lock_timeout 2000");
                    }
                }
            }
        }
    }

    static String basic(String role) {
        Api.as(role);
        return "Basic " + Base64.getEncoder().encodeToString(("test-" + role + ":" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting: " + what);
            }
            Thread.sleep(50);
        }
    }

    // --- a second writer -------------------------------------------------------------

    @Test
    void aSecondWriterWaitsForTheRunningImportThenGetsConflictWithRetryAfter() throws SQLException {
        String ods = Api.newOrganisation();
        try (Connection running = holdImportLock(ods)) {
            ImportBadInputTest.problem(upload(ods, "staff", ONE_ROW).then(), 409)
                    .header("Retry-After", "1")
                    .body("title", equalTo("Import running"))
                    .body("detail", containsString("An import for organisation " + ods + " is running"));
            running.rollback();
        }
        assertThat(Db.count("import_batch", ods), equalTo(0L));
        upload(ods, "staff", ONE_ROW).then().statusCode(201);
    }

    @Test
    void aSecondWriterThatGetsTheLockInTimeRunsAfterTheFirst() throws Exception {
        String ods = Api.newOrganisation();
        CompletableFuture<Integer> second;
        try (Connection running = holdImportLock(ods)) {
            second = CompletableFuture.supplyAsync(() -> upload(ods, "staff", ONE_ROW).statusCode());
            Thread.sleep(200); // the second writer is now waiting (the wait is 1 s)
            running.rollback();
        }
        assertThat(second.get(30, TimeUnit.SECONDS), equalTo(201));
    }

    // --- slow, stalled and interrupted uploads ---------------------------------------

    @Test
    void aSlowUploadHoldsNoLockAndNoConnectionUntilItHasArrived() throws Exception {
        String ods = Api.newOrganisation();
        CountDownLatch resume = new CountDownLatch(1);
        InputStream firstHalf = generatedStaff(512 * 1024);
        InputStream stall = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return -1;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + path(ods, "staff")))
                .header("Authorization", basic("pm")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(firstHalf, stall)))
                .build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            waitFor("the first half in the upload file", () -> spooled().stream().anyMatch(f -> f.toFile().length()
                    >= 256 * 1024));
            assertTrue(importLockIsFree(ods), "the organisation is locked while its upload is still arriving");
            assertThat(Db.count("import_batch", ods), equalTo(0L));
        } finally {
            resume.countDown();
        }
        HttpResponse<String> done = answer.get(60, TimeUnit.SECONDS);
        assertThat(done.body(), done.statusCode(), equalTo(201));
        assertThat(spooled(), empty());
    }

    @Test
    void anUploadThatGoesAwayHalfwayLeavesNoFileAndOneLogLine() throws Exception {
        String ods = Api.newOrganisation();
        byte[] part = ONE_ROW.getBytes(StandardCharsets.UTF_8);
        try (RawHttp client = RawHttp.startPost("pm", path(ods, "staff"), "text/csv", 100_000, part)) {
            waitFor("the upload file", () -> !spooled().isEmpty());
        }
        waitFor("the log line", () -> !spoolLog.isEmpty());
        waitFor("the upload file gone", () -> spooled().isEmpty());
        Thread.sleep(200); // a second line would come at once
        assertThat(spoolLog, hasSize(1));
        assertThat(spoolLog.get(0).getMessage(), containsString("interrupted"));
        assertThat(Db.count("import_batch", ods), equalTo(0L));
    }

    @Test
    void anUploadThatStallsIsEndedByTheReadTimeoutWithAProblemAndNoFile() throws Exception {
        String ods = Api.newOrganisation();
        byte[] part = ONE_ROW.getBytes(StandardCharsets.UTF_8);
        try (RawHttp client = RawHttp.startPost("pm", path(ods, "staff"), "text/csv", 100_000, part)) {
            // %test read-timeout is 5 s; the transport then closes the connection (its answer, if any, is a 400).
            String answer = client.answer(30);
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400"), answer);
        }
        waitFor("the upload file gone", () -> spooled().isEmpty());
        assertThat(spoolLog, hasSize(1));
        assertThat(Db.count("import_batch", ods), equalTo(0L));
    }

    // --- the transport limit follows the configured one ------------------------------

    @Test
    void aChunkedFormPastTheLimitIsCutOffNotReceivedWhole() throws Exception {
        String ods = Api.newOrganisation();
        long size = 16L * LIMIT;
        String boundary = "----insights-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"staff.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        AtomicLong sent = new AtomicLong();
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head), generatedStaff(size), new java.io.ByteArrayInputStream(tail)))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    sent.addAndGet(n);
                }
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + path(ods, "staff")))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic("pm"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        try {
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body(), answer.statusCode(), equalTo(413));
        } catch (IOException e) {
            // The server may close the connection while the client is still sending: also a refusal.
        }
        assertThat("bytes the server took before refusing", sent.get(), lessThan(4L * LIMIT));
        assertThat(Db.count("import_batch", ods), equalTo(0L));
        upload(ods, "staff", ONE_ROW).then().statusCode(201);
    }
}
