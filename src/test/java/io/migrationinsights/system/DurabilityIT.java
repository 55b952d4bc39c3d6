package io.migrationinsights.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the packaged jar acknowledged survives {@code kill -9}: the jar (the
 * README's first command, H2 in a data folder) is started, a return is
 * finalised or a file imported, and the process is killed (SIGKILL) the moment
 * the 201 arrives. After a restart the data and the sealed workbook's bytes
 * must be exactly as acknowledged. Without WRITE_DELAY=0, H2 wrote commits up
 * to half a second late and lost them.
 *
 * <p>Runs in the integration-test phase (failsafe), after {@code package}.
 */
class DurabilityIT {

    private static final String PASSWORD = "quartz-lantern-durable-harbour-71";
    private static final String ODS = "X26"; // the demo organisation, loaded at first start
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Path dataDir = Path.of("target", "durability-it", Long.toString(System.nanoTime()));
    private Process process;
    private int port;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFinalisedReturnAndAnImportSurviveKillNineRightAfterTheirAnswer() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "package the jar first (mvn verify runs this after package)");
        start();
        Response finalised = api().post("/api/organisations/" + ODS + "/returns/2026-03/finalise");
        killNine();
        assertEquals(201, finalised.statusCode(), finalised.asString());
        JsonPath sealed = finalised.jsonPath();

        start();
        JsonPath after = api().accept("application/json").get("/api/organisations/" + ODS + "/returns/2026-03")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("final", after.getString("status"));
        assertEquals(sealed.getInt("version"), after.getInt("version"));
        assertEquals(sealed.getString("finalisedAt"), after.getString("finalisedAt"));
        assertEquals(sealed.getString("sha256"), after.getString("sha256"));
        byte[] workbook = api().get("/api/organisations/" + ODS + "/returns/2026-03.xlsx").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(sealed.getString("workbookSha256"), sha256(workbook));
        api().post("/api/organisations/" + ODS + "/returns/2026-03/finalise").then().statusCode(409);

        byte[] tickets = ("ticket_id,opened_at,resolved_at,category,channel,migration_related\n"
                + "DURABLE-1,2026-05-04 09:00,,other,phone,no\n").getBytes(StandardCharsets.UTF_8);
        Response imported = api().contentType("text/csv").body(tickets)
                .post("/api/organisations/" + ODS + "/imports/tickets");
        killNine();
        assertEquals(201, imported.statusCode(), imported.asString());

        start();
        List<Integer> ids = api().get("/api/organisations/" + ODS + "/imports").then().statusCode(200)
                .extract().jsonPath().getList("importId");
        assertEquals(imported.jsonPath().getInt("importId"), ids.get(0));
        assertEquals(sha256(tickets), api().get("/api/organisations/" + ODS + "/imports").jsonPath()
                .getString("[0].sha256"));
        assertArrayEquals(workbook, api().get("/api/organisations/" + ODS + "/returns/2026-03.xlsx").asByteArray());
    }

    private RequestSpecification api() {
        return given().baseUri("http://127.0.0.1").port(port).auth().preemptive().basic("admin", PASSWORD);
    }

    /** Starts the packaged jar on a free port with this test's data folder, and waits until it is ready. */
    private void start() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
        pb.environment().put("INSIGHTS_DATA_DIR", dataDir.toAbsolutePath().toString());
        pb.environment().put("INSIGHTS_ADMIN_PASSWORD", PASSWORD);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = pb.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar stopped; see " + new File(dataDir.toFile(), "service.log"));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the jar did not become ready; see " + dataDir.resolve("service.log"));
    }

    /** SIGKILL: no shutdown hook, no H2 close, nothing written after this. */
    private void killNine() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
