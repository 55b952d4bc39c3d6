package io.migrationinsights.returns;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Rows of return_notice (owned by this package). */
@ApplicationScoped
class ReturnNoticeRepository implements PanacheRepository<ReturnNotice> {

    Optional<ReturnNotice> find(long organisationId, String period, ReturnNotice.Kind kind) {
        return find("organisationId = ?1 and period = ?2 and kind = ?3", organisationId, period,
                kind.column()).firstResultOptional();
    }

    /** The organisation's notices, by period then kind. */
    List<ReturnNotice> all(long organisationId) {
        return list("organisationId = ?1 order by period, kind", organisationId);
    }
}
