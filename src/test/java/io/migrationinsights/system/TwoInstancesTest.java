package io.migrationinsights.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged PostgreSQL jar on one empty database (CONTRACT
 * section 8, issue 12 item 5), started together: Flyway migrates once (the
 * other instance waits for PostgreSQL's lock and finds the schema up to date),
 * both serve, and the notices job, scheduled every 5 seconds here, runs once
 * per fire time across the pair once both have started (Quartz's clustered
 * store): one row per fire time in scheduled_run, one "ready" and one
 * "reminder" recorded and mailed, whichever instance ran it. A fire time that
 * falls while an instance is starting can run on both (Quarkus stores the
 * trigger again at start); the notices stay single (return_notice).
 *
 * <p>Tagged {@code cluster}: runs with {@code ./mvnw -B test -Pcluster} after
 * the PostgreSQL jar is built ({@code -Dquarkus.profile=pg}), as .ci/run does.
 * {@code -Dcluster.jar}, {@code -Dcluster.db} (database, dropped and created),
 * {@code -Dcluster.ports} override the defaults below.
 */
@Tag("cluster")
class TwoInstancesTest {

    static final String JAR = System.getProperty("cluster.jar", "target/quarkus-app/quarkus-run.jar");
    static final String SERVER = System.getProperty("cluster.server", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DB = System.getProperty("cluster.db", "cluster");
    static final String[] PORTS = System.getProperty("cluster.ports", "8141,8142").split(",");
    static final String PASSWORD = "ci-copper-meadow-lantern-58";
    static final String RECIPIENT = "lead@cluster.migration.nhs.uk";

    private final List<Process> instances = new ArrayList<>();
    private GreenMail mail;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : instances) {
            p.destroy();
        }
        for (Process p : instances) {
            if (!p.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void twoInstancesMigrateOnceAndRunEachScheduledJobOnce() throws Exception {
        assertTrue(Files.exists(Path.of(JAR)), JAR + " is missing: build it with ./mvnw -B package -DskipTests "
                + "-Dquarkus.profile=pg");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement st = admin.createStatement()) {
            st.execute("drop database if exists " + DB + " with (force)");
            st.execute("create database " + DB);
        }
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();

        // started together on the empty database
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            logs.add(start(i));
        }
        for (String port : PORTS) {
            await("instance on " + port + " healthy", Duration.ofSeconds(120), () -> healthy(port));
        }
        // Quarkus stores (reschedules) the job's trigger when an instance starts, so a fire time that falls
        // while the second instance is starting may run on both; from then on each runs once.
        java.time.Instant bothUp = java.time.Instant.now();

        // Flyway migrated once: every version applied once, by one of the two
        try (Connection c = db()) {
            assertEquals(0, count(c, "select count(*) from (select version from flyway_schema_history "
                    + "where version is not null group by version having count(*) > 1) twice"));
            assertEquals(0, count(c, "select count(*) from flyway_schema_history where not success"));
            assertEquals(1, count(c, "select count(*) from flyway_schema_history where version = '9.1'"));
        }
        long migrated = 0;
        for (Path log : logs) {
            migrated += Files.readString(log).contains("Successfully applied") ? 1 : 0;
        }
        assertEquals(1, migrated, "exactly one instance applied the migrations");

        // an organisation with a recipient, created through the first instance
        RestAssured.given().baseUri("http://127.0.0.1:" + PORTS[0]).auth().preemptive().basic("admin", PASSWORD)
                .contentType("application/json")
                .body(Map.of("name", "Cluster trust", "returnRecipients", List.of(RECIPIENT)))
                .put("/api/organisations/CLU01").then().statusCode(201);

        // the job fires every 5 s: wait for several fire times after the organisation exists
        await("six scheduled runs after both started", Duration.ofSeconds(90), () -> runs(bothUp) >= 6);
        await("two mails", Duration.ofSeconds(30), () -> mail.getReceivedMessages().length >= 2);

        try (Connection c = db()) {
            try (var st = c.prepareStatement("select count(*) from (select fire_time from scheduled_run "
                    + "where fire_time > ? group by fire_time having count(*) > 1) twice")) {
                st.setObject(1, bothUp.atOffset(java.time.ZoneOffset.UTC));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "a fire time after both started ran on both instances");
                }
            }
            assertEquals(2, count(c, "select count(*) from return_notice n join organisation o "
                    + "on o.id = n.organisation_id where o.ods_code = 'CLU01'"));
        }
        assertEquals(2, mail.getReceivedMessages().length, "one ready and one reminder, not one per instance");
        List<String> subjects = new ArrayList<>();
        for (var m : mail.getReceivedMessages()) {
            subjects.add(m.getSubject());
        }
        assertEquals(1, subjects.stream().filter(s -> s.startsWith("Return ready to check: CLU01 2026-03")).count(),
                subjects.toString());
        assertEquals(1, subjects.stream().filter(s -> s.startsWith("Reminder: return not final yet: CLU01 2026-03"))
                .count(), subjects.toString());

        changesOnOneInstanceReachTheOtherAtOnce();
    }

    /**
     * What one instance changes, the other no longer serves from memory as soon as it commits (system.Changes,
     * CONTRACT section 7: a revoke is at once): the second instance first reads (and keeps) a token and the
     * organisation's registrations, then the first revokes the token and imports accounts; the second refuses
     * the token and shows the import within 2 s (it used to trust a token it had found live for 5 s).
     */
    private void changesOnOneInstanceReachTheOtherAtOnce() throws InterruptedException {
        String first = "http://127.0.0.1:" + PORTS[0];
        String second = "http://127.0.0.1:" + PORTS[1];
        var created = RestAssured.given().baseUri(first).auth().preemptive().basic("admin", PASSWORD)
                .contentType("application/json").body(Map.of("name", "cluster reader", "role", "viewer",
                        "expiresAt", "2099-01-01", "organisations", List.of("CLU01")))
                .post("/api/tokens").then().statusCode(201).extract();
        String token = created.path("token");
        int id = created.path("id");
        String registrations = "/api/organisations/CLU01/metrics/registrations?from=2026-01&to=2026-01";
        for (int i = 0; i < 3; i++) {
            RestAssured.given().baseUri(second).auth().oauth2(token).get(registrations).then().statusCode(200)
                    .body("[0].created", org.hamcrest.Matchers.equalTo(0));
        }

        RestAssured.given().baseUri(first).auth().preemptive().basic("admin", PASSWORD)
                .delete("/api/tokens/" + id).then().statusCode(204);
        await("the second instance refuses the token revoked on the first", Duration.ofSeconds(2),
                () -> RestAssured.given().baseUri(second).auth().oauth2(token).get(registrations).statusCode() == 401);

        RestAssured.given().baseUri(first).auth().preemptive().basic("admin", PASSWORD).contentType("text/csv")
                .body("email,staff_id,created_date,registered_date,status\n"
                        + "cluster.a@nhs.net,A,2026-01-05,2026-01-06,active\n")
                .post("/api/organisations/CLU01/imports/nhsmail-accounts").then().log().ifValidationFails().statusCode(201);
        await("the second instance shows the import made on the first", Duration.ofSeconds(2),
                () -> RestAssured.given().baseUri(second).auth().preemptive().basic("admin", PASSWORD)
                        .get(registrations).then().statusCode(200).extract().<Integer>path("[0].created") == 1);
    }

    private Path start(int i) throws IOException {
        Path dir = Path.of("target", "cluster-" + i).toAbsolutePath();
        Files.createDirectories(dir);
        Path log = dir.resolve("instance.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=pg",
                "-Dquarkus.http.port=" + PORTS[i],
                // "today" as in the tests: March 2026 has ended, its reminder is due (due 16 April)
                "-Dinsights.clock.fixed=2026-04-15T09:30:00Z",
                "-Dinsights.returns.notice-schedule=0/5 * * * * ?",
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + mail.getSmtp().getPort(),
                "-jar", Path.of(JAR).toAbsolutePath().toString());
        pb.environment().putAll(Map.of("INSIGHTS_DB_URL", SERVER + DB, "INSIGHTS_DB_USER", "postgres",
                "INSIGHTS_DB_PASSWORD", "", "INSIGHTS_DATA_DIR", dir.resolve("data").toString(),
                "INSIGHTS_ADMIN_PASSWORD", PASSWORD, "HOSTNAME", "instance-" + i));
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        instances.add(pb.start());
        return log;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(SERVER + DB, "postgres", "");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long runs(java.time.Instant after) {
        try (Connection c = db();
             var st = c.prepareStatement("select count(*) from scheduled_run where fire_time > ?")) {
            st.setObject(1, after.atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private boolean healthy(String port) {
        for (Process p : instances) {
            if (!p.isAlive()) {
                throw new AssertionError("an instance stopped with exit code " + p.exitValue()
                        + " (see target/cluster-*/instance.log)");
            }
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void await(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + atMost.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
