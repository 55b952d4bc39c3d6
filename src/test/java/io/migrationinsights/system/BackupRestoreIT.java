package io.migrationinsights.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.PackagedJar;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore as the README describes them, on the packaged jar: a return is finalised and its
 * workbook downloaded, the database backed up (H2: {@code POST /api/backups} while the service runs;
 * PostgreSQL: {@code pg_dump -Fc}), more data imported after the backup, then the backup restored into a new
 * data folder (H2: unzip) or a new database (PostgreSQL: {@code pg_restore}) and the service started on it:
 * the finalised workbook downloads byte-identical and the later import is gone. Tag {@code backup}: runs in
 * {@code verify} on the H2 jar and with {@code -Pfaults -Dquarkus.profile=pg} on the PostgreSQL jar.
 */
@Tag("backup")
class BackupRestoreIT {

    private static final String ODS = "X26"; // the demo organisation
    private static final String PERIOD = "2026-03";
    private final Path root = Path.of("target", "backup-it", Long.toString(System.nanoTime()));
    private PackagedJar original;
    private PackagedJar restored;

    @AfterEach
    void stop() throws InterruptedException {
        for (PackagedJar jar : new PackagedJar[] {original, restored}) {
            if (jar != null) {
                jar.killNine();
            }
        }
    }

    @Test
    void aRestoredBackupServesTheFinalisedReturnByteIdentical() throws Exception {
        if (PackagedJar.postgres()) {
            PackagedJar.emptyPostgres(PackagedJar.pgUrl());
        }
        original = new PackagedJar(root.resolve("original"), null).env("INSIGHTS_DEMO_ENABLED", "true").start();
        JsonPath sealed = original.admin().post("/api/organisations/" + ODS + "/returns/" + PERIOD + "/finalise")
                .then().statusCode(201).extract().jsonPath();
        byte[] workbook = original.admin().get("/api/organisations/" + ODS + "/returns/" + PERIOD + ".xlsx").then()
                .statusCode(200).extract().asByteArray();

        Path backup;
        String restoreUrl = null;
        if (PackagedJar.postgres()) {
            original.admin().post("/api/backups").then().statusCode(409);
            backup = root.resolve("insights.dump");
            Files.createDirectories(root);
            run(pgTool("pg_dump", PackagedJar.pgUrl(), "-Fc", "-f", backup.toString()));
        } else {
            JsonPath written = original.admin().post("/api/backups").then().statusCode(201).extract().jsonPath();
            backup = original.dataDir().resolve("backups").resolve(written.getString("file"));
            assertEquals(written.getLong("bytes"), Files.size(backup));
            original.admin().get("/api/audit?action=backup.create").then().statusCode(200)
                    .body("items[0].user", org.hamcrest.Matchers.equalTo("admin"));
        }
        // after the backup: an import that the restored copy must not have
        byte[] later = ("ticket_id,opened_at,resolved_at,category,channel,migration_related\n"
                + "AFTER-BACKUP-1,2026-05-04 09:00,,other,phone,no\n").getBytes(StandardCharsets.UTF_8);
        long laterId = original.admin().contentType("text/csv").body(later)
                .post("/api/organisations/" + ODS + "/imports/tickets").then().statusCode(201).extract().jsonPath()
                .getLong("importId");
        original.stop();

        if (PackagedJar.postgres()) {
            restoreUrl = PackagedJar.pgUrl() + "_restore";
            recreateDatabase(restoreUrl);
            run(pgTool("pg_restore", restoreUrl, "--no-owner", backup.toString()));
            restored = new PackagedJar(root.resolve("restored"), restoreUrl);
        } else {
            restored = new PackagedJar(root.resolve("restored"), null);
            unzip(backup, restored.dataDir());
        }
        restored.start();
        JsonPath after = restored.admin().accept("application/json")
                .get("/api/organisations/" + ODS + "/returns/" + PERIOD).then().statusCode(200).extract().jsonPath();
        assertEquals("final", after.getString("status"));
        assertEquals(sealed.getString("sha256"), after.getString("sha256"));
        assertArrayEquals(workbook, restored.admin().get("/api/organisations/" + ODS + "/returns/" + PERIOD + ".xlsx")
                .then().statusCode(200).extract().asByteArray(), "the finalised workbook after the restore");
        List<Long> ids = restored.admin().get("/api/organisations/" + ODS + "/imports").then().statusCode(200)
                .extract().jsonPath().getList("importId", Long.class);
        assertTrue(!ids.contains(laterId), "the import made after the backup is not in the restored copy");
        // the restored service goes on working: the same later file imports again
        restored.admin().contentType("text/csv").body(later).post("/api/organisations/" + ODS + "/imports/tickets")
                .then().statusCode(201);
    }

    private static void unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(dir), e.getName());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** pg_dump / pg_restore arguments for a jdbc:postgresql://host:port/db URL (user postgres, trust auth). */
    private static List<String> pgTool(String tool, String url, String... more) {
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)").matcher(url);
        assertTrue(m.matches(), url);
        List<String> args = new java.util.ArrayList<>(List.of(tool, "-h", m.group(1), "-p",
                m.group(2) == null ? "5432" : m.group(2), "-U", "postgres", "-d", m.group(3)));
        args.addAll(List.of(more));
        return args;
    }

    private static void recreateDatabase(String url) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }
}
