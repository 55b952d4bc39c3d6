package io.migrationinsights.ingest;

import io.migrationinsights.organisations.OrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The import ledger (table import_batch): who imported what, when, how many
 * rows and the file's SHA-256. The only code that reads or writes the table;
 * other packages ask this class. Lines are written inside the import's
 * transaction, so a refused or rolled-back import leaves none.
 */
@ApplicationScoped
public class ImportLedger {

    private final Jdbi jdbi;
    private final OrganisationRepository organisations;

    ImportLedger(Jdbi jdbi, OrganisationRepository organisations) {
        this.jdbi = jdbi;
        this.organisations = organisations;
    }

    /** One ledger line as the API shows it. */
    public record ImportView(long importId, String kind, long rows, String sha256, String importedBy,
                             OffsetDateTime importedAt, String fileName, List<String> ignoredColumns) {
    }

    /** The organisation's imports, newest first. */
    @Transactional
    public List<ImportView> list(String odsCode) {
        long orgId = organisations.require(odsCode).id;
        return jdbi.withHandle(h -> h.createQuery("select id, kind, row_count, sha256, imported_by, imported_at, "
                        + "file_name, ignored_columns from import_batch where organisation_id = ? order by id desc")
                .bind(0, orgId)
                .map((rs, ctx) -> new ImportView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), ignored(rs, 8)))
                .list());
    }

    /**
     * A document's source: the latest import of one kind (CONTRACT section 4,
     * {@code sources}). Holds no file name or user: documents carry aggregates only.
     */
    public record ImportSource(String kind, long importId, String sha256, long rows, Instant importedAt) {
    }

    /** The latest import (by id) of each of {@code kinds}, in the order given; kinds never imported are left out. */
    public List<ImportSource> latest(long organisationId, List<String> kinds) {
        List<ImportSource> out = new java.util.ArrayList<>();
        for (String kind : kinds) {
            jdbi.withHandle(h -> h.createQuery("select id, kind, sha256, row_count, imported_at from import_batch "
                            + "where organisation_id = ? and kind = ? order by id desc fetch first 1 rows only")
                    .bind(0, organisationId).bind(1, kind)
                    .map((rs, ctx) -> new ImportSource(rs.getString(2), rs.getLong(1), rs.getString(3), rs.getLong(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant()))
                    .findOne()).ifPresent(out::add);
        }
        return out;
    }

    /** When each of {@code kinds} was last imported for the organisation; kinds never imported are absent. */
    public Map<ImportKind, Instant> latestImports(long organisationId, Set<ImportKind> kinds) {
        List<Map.Entry<String, Instant>> latest = jdbi.withHandle(h -> h.createQuery("select kind, max(imported_at) "
                        + "from import_batch where organisation_id = ? group by kind")
                .bind(0, organisationId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list());
        Map<ImportKind, Instant> out = new EnumMap<>(ImportKind.class);
        latest.forEach(e -> ImportKind.byUrlName(e.getKey()).filter(kinds::contains)
                .ifPresent(kind -> out.put(kind, e.getValue())));
        return out;
    }

    /** Opens the line of an import that has started; returns its id (the import id). */
    long start(long organisationId, ImportKind kind, String fileName, String user, OffsetDateTime at) {
        return jdbi.withHandle(h -> h.createUpdate("insert into import_batch (organisation_id, kind, row_count, "
                        + "sha256, file_name, imported_by, imported_at) values (?, ?, 0, '', ?, ?, ?)")
                .bind(0, organisationId)
                .bind(1, kind.urlName())
                .bind(2, fileName == null ? null : truncate(fileName, 255))
                .bind(3, user)
                .bind(4, at)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    /** Completes the line of an accepted import. */
    void finish(long importId, long rows, String sha256, List<String> ignoredColumns) {
        jdbi.useHandle(h -> h.createUpdate("update import_batch set row_count = ?, sha256 = ?, ignored_columns = ? "
                        + "where id = ?")
                .bind(0, rows)
                .bind(1, sha256)
                .bind(2, ignoredColumns.isEmpty() ? null : truncate(String.join("\n", ignoredColumns), 4000))
                .bind(3, importId)
                .execute());
    }

    /** The organisation's latest import of {@code kind} before import {@code before}, as a duplicate's answer. */
    Optional<ImportResult> latestBefore(long organisationId, ImportKind kind, long before) {
        return jdbi.withHandle(h -> h.createQuery("select id, row_count, sha256, ignored_columns from import_batch "
                        + "where organisation_id = ? and kind = ? and id < ? order by id desc fetch first 1 rows only")
                .bind(0, organisationId)
                .bind(1, kind.urlName())
                .bind(2, before)
                .map((rs, ctx) -> new ImportResult(rs.getLong(1), kind.urlName(), rs.getLong(2), rs.getString(3),
                        ignored(rs, 4), true))
                .findOne());
    }

    /** Stored one per line; null when none were ignored. */
    private static List<String> ignored(ResultSet rs, int column) throws SQLException {
        String stored = rs.getString(column);
        return stored == null ? List.of() : List.of(stored.split("\n"));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
