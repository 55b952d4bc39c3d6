package io.migrationinsights.returns;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries over the finalised versions. Periods are YYYY-MM text, so text order is time order. */
@ApplicationScoped
class ReturnVersionRepository implements PanacheRepository<ReturnVersion> {

    Optional<ReturnVersion> latest(long organisationId, String period) {
        return find("organisationId = ?1 and period = ?2 order by version desc", organisationId, period)
                .firstResultOptional();
    }

    Optional<ReturnVersion> version(long organisationId, String period, int version) {
        return find("organisationId = ?1 and period = ?2 and version = ?3", organisationId, period, version)
                .firstResultOptional();
    }

    /** The latest version of the latest finalised period before {@code period}. */
    Optional<ReturnVersion> latestBefore(long organisationId, String period) {
        return find("organisationId = ?1 and period < ?2 order by period desc, version desc", organisationId, period)
                .firstResultOptional();
    }

    /** Every version of every period after {@code period}, by period then version. */
    List<ReturnVersion> after(long organisationId, String period) {
        return list("organisationId = ?1 and period > ?2 order by period, version", organisationId, period);
    }

    /** Every version of the organisation, by period then version. */
    List<ReturnVersion> all(long organisationId) {
        return list("organisationId = ?1 order by period, version", organisationId);
    }
}
