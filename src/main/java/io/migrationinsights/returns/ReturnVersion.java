package io.migrationinsights.returns;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A finalised version of one period's return; inserted once, never changed (V2__returns.sql). */
@Entity
@Table(name = "return_version")
class ReturnVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "organisation_id")
    long organisationId;

    /** YYYY-MM. */
    String period;

    int version;

    @Column(name = "figures_sha256")
    String figuresSha256;

    byte[] workbook;

    @Column(name = "workbook_sha256")
    String workbookSha256;

    String checks;

    @Column(name = "data_as_at")
    Instant dataAsAt;

    @Column(name = "finalised_by")
    String finalisedBy;

    @Column(name = "finalised_at")
    Instant finalisedAt;

    @Column(name = "revision_reason")
    String revisionReason;

    /** Code to value. */
    @ElementCollection
    @CollectionTable(name = "return_figure", joinColumns = @JoinColumn(name = "return_version_id"))
    @MapKeyColumn(name = "code")
    @Column(name = "figure_value")
    Map<String, Long> figures = new HashMap<>();

    /** The latest import of each kind the figures read, when it was finalised (V8). */
    @ElementCollection
    @CollectionTable(name = "return_source", joinColumns = @JoinColumn(name = "return_version_id"))
    Set<ReturnSource> sources = new HashSet<>();
}
