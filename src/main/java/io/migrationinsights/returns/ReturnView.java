package io.migrationinsights.returns;

import io.migrationinsights.ingest.ImportLedger.ImportSource;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON form of a return (CONTRACT section 4) with additions.
 *
 * @param status         {@code draft} or {@code final}
 * @param version        the final version; for a draft, the version finalising would create
 * @param sha256         SHA-256 of the figures: of the canonical CSV (the {@code .csv} download)
 * @param workbookSha256 SHA-256 of the workbook bytes; for a final version the stored bytes every download returns
 * @param finalisedBy    the service user who finalised or revised (never written into the workbook)
 * @param sources        the latest import of each kind the figures read: staff, nhsmail-accounts, appointments
 *                       (CONTRACT section 4); a final version keeps those it was finalised with
 */
public record ReturnView(String odsCode, String organisationName, @Schema(implementation = YearMonth.class) String period, String status, int version,
                         String sha256, String workbookSha256, Map<String, Long> figures, List<Line> lines,
                         List<ReturnCheck> checks, boolean hasErrors, Instant preparedAt, Instant dataAsAt,
                         boolean revised, String revisionReason, Instant finalisedAt, String finalisedBy,
                         List<ImportSource> sources) {

    /** A figure with its label. */
    public record Line(String code, String label, long value) {
    }

    static ReturnView of(ReturnService.Rendered r) {
        ReturnDocument d = r.document();
        ReturnFigures f = d.figures();
        List<Line> lines = f.values().entrySet().stream()
                .map(e -> new Line(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
        return new ReturnView(f.odsCode(), d.organisationName(), f.period().toString(), d.isFinal() ? "final" : "draft",
                d.version(), f.sha256(), r.workbookSha256(), f.byCode(), lines, d.checks(), d.hasErrors(),
                d.preparedAt(), d.dataAsAt(), d.revised(), d.revisionReason(), r.finalisedAt(), r.finalisedBy(),
                d.sources());
    }
}
