package io.migrationinsights.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packaged jar ({@code target/quarkus-app/quarkus-run.jar}) started as a user starts it, for the tests
 * that kill, restart, back up or run it twice. Which database it runs on was fixed when it was built: the
 * default build is H2 in the data folder; a build with {@code -Dquarkus.profile=pg} (the same property,
 * passed on to the test JVM by failsafe, tells the tests) runs on the PostgreSQL database
 * {@code -Dfaults.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/insights_faults}, user postgres).
 */
public final class PackagedJar implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    public static final String ADMIN_PASSWORD = "quartz-lantern-durable-harbour-71";

    private final Path dataDir;
    private final String dbUrl;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process process;
    private int port;

    /** A jar with its own data folder; on PostgreSQL, on {@code dbUrl} (null: {@link #pgUrl()}). */
    public PackagedJar(Path dataDir, String dbUrl) {
        this.dataDir = dataDir;
        this.dbUrl = dbUrl == null ? pgUrl() : dbUrl;
    }

    /** Whether the packaged jar is the PostgreSQL build (the build's {@code quarkus.profile} was pg). */
    public static boolean postgres() {
        return "pg".equals(System.getProperty("quarkus.profile"));
    }

    public static String pgUrl() {
        return System.getProperty("faults.pg.url", "jdbc:postgresql://127.0.0.1:5432/insights_faults");
    }

    public static String database() {
        return postgres() ? "PostgreSQL" : "H2";
    }

    /** An environment variable for the next start (a Quarkus key as QUARKUS_..., or INSIGHTS_...). */
    public PackagedJar env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String dbUrl() {
        return dbUrl;
    }

    public int port() {
        return port;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Drops and recreates the PostgreSQL schema (nothing on H2, whose database is in the new data folder). */
    public static void emptyPostgres(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
    }

    /** Starts the jar on a free port and waits until it is ready (at most three minutes). */
    public PackagedJar start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("package the jar first (mvn verify runs the *IT classes after package)");
        }
        Files.createDirectories(dataDir);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = postgres()
                ? new ProcessBuilder(java, "-Xmx384m", "-Dquarkus.profile=pg", "-jar", JAR.toString())
                : new ProcessBuilder(java, "-Xmx384m", "-jar", JAR.toString());
        pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
        pb.environment().put("INSIGHTS_DATA_DIR", dataDir.toAbsolutePath().toString());
        pb.environment().put("INSIGHTS_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        if (postgres()) {
            pb.environment().put("INSIGHTS_DB_URL", dbUrl);
            pb.environment().put("INSIGHTS_DB_USER", "postgres");
            pb.environment().put("INSIGHTS_DB_PASSWORD", "");
        }
        pb.environment().putAll(env);
        process = pb.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar stopped; see " + dataDir.resolve("service.log"));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the jar did not become ready; see " + dataDir.resolve("service.log"));
    }

    /** SIGKILL: no shutdown hook, no database close, nothing written after this. */
    public void killNine() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGTERM and wait: a clean stop (H2 closes its file). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** A request to this jar, signed in as the bootstrap admin. */
    public RequestSpecification admin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public RequestSpecification as(String user, String password) {
        return given().baseUri("http://127.0.0.1").port(port).auth().preemptive().basic(user, password);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A JDBC connection to the jar's database for checks from outside: PostgreSQL at any time; H2 only while
     * the jar is stopped (the embedded database file is the jar's while it runs).
     */
    public Connection jdbc() throws SQLException {
        if (postgres()) {
            return DriverManager.getConnection(dbUrl, "postgres", "");
        }
        if (running()) {
            throw new IllegalStateException("H2 is read from outside only while the jar is stopped");
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("insights")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    @Override
    public void close() throws InterruptedException {
        killNine();
    }
}
