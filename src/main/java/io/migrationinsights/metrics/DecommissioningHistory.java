package io.migrationinsights.metrics;

import io.migrationinsights.ingest.ImportAccepted;
import io.migrationinsights.ingest.ImportKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The legacy burn-down (CONTRACT section 3, "Decommissioning history"): for
 * every legacy-accounts import, the active user mailboxes in that file as the
 * tracker counts them. Each point is written by the import's own transaction
 * as it is accepted (so a refused or rolled-back import leaves none) and never
 * recomputed. Table decommissioning_history (V7).
 */
@ApplicationScoped
public class DecommissioningHistory {

    private final Jdbi jdbi;

    DecommissioningHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One point of the burn-down. */
    public record Point(long importId, Instant importedAt, long activeUserMailboxes) {
    }

    /** Records the point of an accepted legacy-accounts import; runs inside the import's transaction. */
    void onImport(@Observes ImportAccepted accepted) {
        if (accepted.kind() != ImportKind.LEGACY_ACCOUNTS) {
            return;
        }
        jdbi.useHandle(h -> h.createUpdate("insert into decommissioning_history (import_id, organisation_id, "
                        + "imported_at, active_user_mailboxes) select ?, ?, ?, count(*) from legacy_account l where "
                        + DecommissioningMetrics.ACTIVE_USER_MAILBOX)
                .bind(0, accepted.importId()).bind(1, accepted.organisationId())
                .bind(2, accepted.importedAt().atOffset(ZoneOffset.UTC)).bind(3, accepted.organisationId())
                .execute());
    }

    /** The organisation's points, oldest import first. */
    public List<Point> history(long organisationId) {
        return jdbi.withHandle(h -> h.createQuery("select import_id, imported_at, active_user_mailboxes "
                        + "from decommissioning_history where organisation_id = ? order by import_id")
                .bind(0, organisationId)
                .map((rs, ctx) -> new Point(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getLong(3)))
                .list());
    }
}
