package io.migrationinsights.backup;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} writes a consistent copy of the
 * database file into a zip while the service keeps answering (the backup is taken from one MVStore
 * version). The zip goes to {@code ${insights.data-dir}/backups}; restoring is unzipping it into an empty
 * data folder before a start (README, Backup and restore). PostgreSQL is backed up with its own tools
 * (pg_dump), so here it answers 409 saying so, as it does for an in-memory H2 database (the tests').
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    /** What a backup wrote: the file name in the backups folder, its size and SHA-256, when. */
    public record Backup(String file, long bytes, String sha256, Instant createdAt) {
    }

    private final DataSource dataSource;
    private final InsightsConfig config;
    private final AuditLog audit;
    private final Clock clock;

    BackupService(DataSource dataSource, InsightsConfig config, AuditLog audit, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    public Path folder() {
        return config.dataDir().resolve("backups");
    }

    /** Writes a backup now and records it in the audit trail. */
    public Backup create() {
        // the system clock, not the tests' fixed one: two backups must not share a name
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Path target = folder().resolve("insights-" + STAMP.format(now) + ".zip").toAbsolutePath();
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2")) {
                throw ProblemException.conflict("This service runs on " + c.getMetaData().getDatabaseProductName()
                        + ": back it up with the database's own tools (pg_dump -Fc), as the README describes.");
            }
            if (c.getMetaData().getURL().startsWith("jdbc:h2:mem:")) {
                throw ProblemException.conflict("The database is in memory (a test configuration): there is no file "
                        + "to back up.");
            }
            Files.createDirectories(target.getParent());
            try (Statement s = c.createStatement()) {
                // the path is the service's own (data folder and a timestamp), never a request's text
                s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The backup could not be written", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Backup backup = new Backup(target.getFileName().toString(), size(target), sha256(target),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        audit.record(AuditAction.BACKUP_CREATE, null, "file=" + backup.file() + " bytes=" + backup.bytes(), "created");
        LOG.infof("Backup written: %s (%d bytes)", target, backup.bytes());
        return backup;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = Sha256.newDigest();
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return Sha256.hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
