package io.migrationinsights.ingest;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.ReadAhead;
import io.migrationinsights.system.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * One import, all or nothing: the upload is streamed, checked and written in a
 * single transaction that either commits every row or leaves the data exactly
 * as it was. Key uniqueness and references are checked with set-based SQL over
 * the written rows, so memory does not grow with the file.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final long PROGRESS_EVERY = 100_000;
    /** About the shortest data row of any kind, in bytes: a file's size over it bounds its rows. */
    private static final long SHORTEST_ROW_BYTES = 48;

    private final DataSource dataSource;
    private final OrganisationRepository organisations;
    private final ImportLedger ledger;
    private final InsightsConfig config;
    private final Clock clock;
    private final AuditLog audit;
    private final Event<ImportAccepted> accepted;
    private final ImportProgress progress;
    private final List<ImportSummary> summaries;
    private final Event<PartitionStatistics.Swapped> swapped;

    ImportService(DataSource dataSource, OrganisationRepository organisations, ImportLedger ledger,
                  InsightsConfig config, Clock clock, AuditLog audit, Event<ImportAccepted> accepted,
                  ImportProgress progress, Instance<ImportSummary> summaries,
                  Event<PartitionStatistics.Swapped> swapped) {
        this.progress = progress;
        this.swapped = swapped;
        this.summaries = summaries.stream().toList();
        this.dataSource = dataSource;
        this.organisations = organisations;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
        this.accepted = accepted;
    }

    /** Resolves a kind from the URL, or 404. */
    public static ImportKind kind(String name) {
        return ImportKind.byUrlName(name).orElseThrow(() -> ProblemException.notFound(
                "There is no import kind '" + name + "'. Kinds: " + ImportKind.names() + "."));
    }

    @Transactional
    public ImportResult importCsv(String odsCode, ImportKind kind, InputStream body, String fileName,
                                  boolean allowEmpty, String user) {
        return importFile(odsCode, kind, body, 0, fileName, allowEmpty, user, null, null);
    }

    /**
     * As {@link #importCsv(String, ImportKind, InputStream, String, boolean, String)}, recorded in the ledger
     * (and in every figure that reads its time, such as the decommissioning history) as imported at
     * {@code importedAt} instead of now. Only the demo loader uses it, to replay a project's exports in the
     * order and at the times they were taken; uploads are always stamped with the clock.
     */
    @Transactional
    public ImportResult importCsv(String odsCode, ImportKind kind, InputStream body, String fileName,
                                  boolean allowEmpty, String user, Instant importedAtOrNow) {
        return importFile(odsCode, kind, body, 0, fileName, allowEmpty, user, importedAtOrNow, null);
    }

    /**
     * As {@link #importCsv(String, ImportKind, InputStream, String, boolean, String)}, reporting the rows read
     * so far to {@link ImportProgress} under {@code uploadId} (the imports page polls it). {@code size} is the
     * upload's size in bytes, which sizes the duplicate-key filter once ({@link KeyFilter}).
     */
    @Transactional
    public ImportResult importCsvWithProgress(String odsCode, ImportKind kind, InputStream body, long size,
                                              String fileName, boolean allowEmpty, String user, String uploadId) {
        try {
            return importFile(odsCode, kind, body, size, fileName, allowEmpty, user, null, uploadId);
        } finally {
            progress.update(uploadId, ImportProgress.Phase.FINISHED, -1);
        }
    }

    /** {@code sizeHint}: the upload's size in bytes when known (it is on disk), else 0. */
    private ImportResult importFile(String odsCode, ImportKind kind, InputStream body, long sizeHint, String fileName,
                                    boolean allowEmpty, String user, Instant importedAtOrNow, String uploadId) {
        OrganisationRepository.checkCode(odsCode);
        MessageDigest sha256 = Sha256.newDigest();
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            long orgId = ImportLock.acquire(c, odsCode, config.importing().lockWait(),
                    () -> organisations.requireLocked(odsCode).id);
            OffsetDateTime importedAt = importedAtOrNow == null ? OffsetDateTime.now(clock)
                    : importedAtOrNow.atOffset(ZoneOffset.UTC);
            long importId = ledger.start(orgId, kind, fileName, user, importedAt);
            boolean ownTable = SnapshotPartitions.applies(c, kind);
            String table = kind.table();
            if (ownTable) {
                table = SnapshotPartitions.create(c, kind, orgId, importId);
            } else if (kind.mode() == ImportKind.Mode.SNAPSHOT) {
                execute(c, "delete from " + kind.table() + " where organisation_id = ?", orgId);
            }
            CsvRows rows = new CsvRows(kind, config.importing().maxFieldLength());
            KeyCandidates keys = new KeyCandidates(kind, sizeHint / SHORTEST_ROW_BYTES);
            List<ImportSummary.Tally> tallies = summaries.stream().filter(sum -> sum.kind() == kind)
                    .map(ImportSummary::begin).toList();
            long limit = config.importing().maxUploadSize().asLongValue();
            try (RowSink sink = RowSink.open(c, kind, table, ownTable, orgId, importId, config.importing().batchSize());
                 GuardedReader reader = new GuardedReader(
                         new DigestInputStream(new LimitedInputStream(body, limit), sha256))) {
                progress.update(uploadId, ImportProgress.Phase.READING, 0);
                // The rows are read and checked on a thread of their own, a few thousand ahead, while this one
                // writes them (keys, summaries, the database): the two halves of the work on two cores at once.
                ReadAhead.<Row>forEach("import-" + importId + "-reader", checked -> rows.read(reader, row -> {
                    checked.accept(row);
                    if (uploadId != null && row.number % 100 == 0) {
                        progress.update(uploadId, ImportProgress.Phase.READING, row.number - 1);
                    }
                    if (row.number % PROGRESS_EVERY == 0) {
                        LOG.infof("Import %s/%s: %d rows read", odsCode, kind, row.number - 1);
                    }
                }), row -> {
                    keys.add(row);
                    sink.add(row);
                    for (ImportSummary.Tally tally : tallies) {
                        tally.add(row);
                    }
                });
                sink.flush();
            }
            rejectIfAny(rows.errors(), rows.errorCount());
            progress.update(uploadId, ImportProgress.Phase.CHECKING, rows.dataRows());

            String sha = Sha256.hex(sha256);
            ImportResult previous = ledger.latestBefore(orgId, kind, importId).orElse(null);
            if (previous != null && previous.sha256().equals(sha)) {
                QuarkusTransaction.setRollbackOnly();
                return new ImportResult(previous.importId(), kind.urlName(), previous.rows(), sha,
                        previous.ignoredColumns(), true);
            }
            if (rows.dataRows() == 0 && kind.mode() == ImportKind.Mode.SNAPSHOT && !allowEmpty) {
                throw new ProblemException(422, "Empty export refused",
                        "The file has a header but no data rows. A " + kind + " import replaces the whole dataset, "
                                + "so this would delete it. If that is what you mean, upload again with ?allowEmpty=true.",
                        List.of(RowError.of(2, null, null, "no data rows")));
            }
            long loaded = System.nanoTime();
            List<RowError> setErrors = new ArrayList<>();
            keys.check(c, table, kind.mode() == ImportKind.Mode.EVENT, orgId, importId, setErrors);
            if (kind.reference() != null || kind.mode() == ImportKind.Mode.EVENT) {
                refreshStatistics(c, table);
            }
            missingReferences(c, kind, table, orgId, importId, setErrors);
            rejectIfAny(setErrors, setErrors.size());
            if (kind.mode() == ImportKind.Mode.EVENT) {
                replaceSupersededEvents(c, kind, orgId, importId);
            }
            if (ownTable) {
                SnapshotPartitions.swap(c, kind, orgId, table, config.importing().lockWait(), odsCode);
                swapped.fire(new PartitionStatistics.Swapped(table, kind.table()));
            }
            long checked = System.nanoTime();
            ledger.finish(importId, rows.dataRows(), sha, rows.ignoredColumns());
            for (ImportSummary.Tally tally : tallies) {
                tally.save(orgId);
            }
            // in this transaction: a rollback after this point takes the line with it
            audit.recordAs(user, AuditAction.IMPORT, odsCode, "kind=" + kind.urlName() + " import=" + importId
                    + " rows=" + rows.dataRows(), "accepted");
            accepted.fire(new ImportAccepted(orgId, kind, importId, importedAt.toInstant()));
            long done = System.nanoTime();
            LOG.infof("Imported %s/%s: %d rows in %d ms (import %d; read and load %d ms, checks %d ms "
                            + "(%d possible duplicate keys), ledger and summaries %d ms; the commit follows)",
                    odsCode, kind, rows.dataRows(), (done - started) / 1_000_000, importId,
                    (loaded - started) / 1_000_000, (checked - loaded) / 1_000_000, keys.candidates(),
                    (done - checked) / 1_000_000);
            return new ImportResult(importId, kind.urlName(), rows.dataRows(), sha, rows.ignoredColumns(), false);
        } catch (SQLException e) {
            throw new IllegalStateException("Import of " + kind + " for " + odsCode + " failed in the database", e);
        } catch (IOException | UncheckedIOException e) {
            throw new ProblemException(400, "Upload interrupted",
                    "The upload could not be read to the end; nothing was imported. Try again.");
        }
    }

    private static void rejectIfAny(List<RowError> errors, long count) {
        if (count == 0) {
            return;
        }
        String shown = count > errors.size() ? " The first " + errors.size() + " are listed." : "";
        throw new ProblemException(422, "Import rejected",
                count + (count == 1 ? " problem was" : " problems were") + " found; nothing was imported." + shown
                        + " Correct the file and upload it again.", errors);
    }

    /**
     * PostgreSQL plans the checks below from table statistics, which do not yet
     * know the rows this transaction wrote: without a refresh it plans for an
     * empty table and runs nested scans (minutes for 20,000 rows). ANALYZE may
     * run inside the transaction and sees its own rows. H2 plans from its indexes.
     */
    private static void refreshStatistics(Connection c, String table) throws SQLException {
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            try (PreparedStatement ps = c.prepareStatement("analyze " + table)) {
                ps.execute();
            }
        }
    }

    private static void missingReferences(Connection c, ImportKind kind, String table, long orgId, long importId,
                                          List<RowError> errors) throws SQLException {
        ImportKind.Reference ref = kind.reference();
        if (ref == null || errors.size() >= CsvRows.MAX_ERRORS) {
            return;
        }
        String column = kind.field(ref.column()).dbColumn();
        String sql = "select t.source_row, t." + column + " from " + table + " t where t.organisation_id = ?"
                + " and t.import_id = ? and not exists (select 1 from " + ref.table() + " r where r.organisation_id = "
                + "t.organisation_id and r." + column + " = t." + column + ") order by t.source_row fetch first "
                + (CsvRows.MAX_ERRORS - errors.size()) + " rows only";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, orgId);
            ps.setLong(2, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    errors.add(RowError.of(rs.getLong(1), ref.column(), rs.getString(2), ref.message()));
                }
            }
        }
    }

    /** Event kinds: rows of earlier imports whose key this import carries again are replaced by it. */
    private static void replaceSupersededEvents(Connection c, ImportKind kind, long orgId, long importId)
            throws SQLException {
        String sameKey = kind.key().stream().map(k -> kind.field(k).dbColumn())
                .map(k -> "n." + k + " = t." + k).collect(Collectors.joining(" and "));
        try (PreparedStatement ps = c.prepareStatement("delete from " + kind.table() + " t where t.organisation_id = ?"
                + " and t.import_id <> ? and exists (select 1 from " + kind.table() + " n where n.organisation_id = "
                + "t.organisation_id and " + sameKey + " and n.import_id = ?)")) {
            ps.setLong(1, orgId);
            ps.setLong(2, importId);
            ps.setLong(3, importId);
            ps.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql, long orgId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, orgId);
            ps.executeUpdate();
        }
    }

}
