package io.migrationinsights.ingest;

import io.migrationinsights.organisations.OrganisationRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads the import ledger: who imported what, when, and its fingerprint. */
@ApplicationScoped
public class ImportLedger implements PanacheRepository<ImportBatch> {

    private final OrganisationRepository organisations;

    ImportLedger(OrganisationRepository organisations) {
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
        return find("organisationId = ?1 order by id desc", orgId).stream()
                .map(b -> new ImportView(b.id, b.kind, b.rows, b.sha256, b.importedBy, b.importedAt, b.fileName,
                        b.ignoredColumns == null ? List.of() : List.of(b.ignoredColumns.split("\n"))))
                .toList();
    }

    /** Whether the organisation has imported anything at all. */
    @Transactional
    public boolean isEmpty() {
        return count() == 0;
    }
}
