package io.migrationinsights.benefits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A finalised version of one organisation's 6- or 12-month report: the JSON,
 * workbook and PDF bytes exactly as first served; inserted once, never changed
 * (V5__benefits_report.sql).
 */
@Entity
@Table(name = "benefits_report_version")
class BenefitsReportVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "organisation_id")
    long organisationId;

    int months;

    int version;

    @Column(name = "report_date")
    LocalDate reportDate;

    @Column(name = "content_json")
    byte[] contentJson;

    @Column(name = "content_sha256")
    String contentSha256;

    byte[] workbook;

    @Column(name = "workbook_sha256")
    String workbookSha256;

    byte[] pdf;

    @Column(name = "pdf_sha256")
    String pdfSha256;

    @Column(name = "finalised_by")
    String finalisedBy;

    @Column(name = "finalised_at")
    Instant finalisedAt;

    @Column(name = "revision_reason")
    String revisionReason;
}
