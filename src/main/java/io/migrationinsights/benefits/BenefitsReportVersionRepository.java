package io.migrationinsights.benefits;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Queries over the finalised report versions. */
@ApplicationScoped
class BenefitsReportVersionRepository implements PanacheRepository<BenefitsReportVersion> {

    Optional<BenefitsReportVersion> latest(long organisationId, int months) {
        return find("organisationId = ?1 and months = ?2 order by version desc", organisationId, months)
                .firstResultOptional();
    }

    Optional<BenefitsReportVersion> version(long organisationId, int months, int version) {
        return find("organisationId = ?1 and months = ?2 and version = ?3", organisationId, months, version)
                .firstResultOptional();
    }
}
