package io.migrationinsights.ingest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One accepted import in the ledger; written by {@link ImportService}, read here. */
@Entity
@Table(name = "import_batch")
public class ImportBatch {

    @Id
    public Long id;

    @Column(name = "organisation_id")
    public Long organisationId;

    public String kind;

    @Column(name = "row_count")
    public long rows;

    public String sha256;

    @Column(name = "ignored_columns")
    public String ignoredColumns;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "imported_by")
    public String importedBy;

    @Column(name = "imported_at")
    public OffsetDateTime importedAt;
}
