package io.migrationinsights.returns;

import io.migrationinsights.ingest.ImportLedger.ImportSource;
import java.time.Instant;
import java.util.List;

/**
 * Everything the workbook shows: one version (or the draft) of one period's return.
 *
 * @param preparedAt       finalisation time of a final version; for a draft the time
 *                         of the latest import it reads (so the same data gives the
 *                         same bytes on any day); null when nothing was imported
 * @param dataAsAt         time of the latest staff, nhsmail-accounts or appointments
 *                         import of the organisation; null when none
 * @param revisionReason   why this version was made; null unless {@code revised}
 * @param sources          the latest import of each kind the figures read (for a final version, as it was
 *                         finalised)
 */
public record ReturnDocument(String organisationName, ReturnFigures figures, boolean isFinal, int version,
                             Instant preparedAt, Instant dataAsAt, boolean revised, String revisionReason,
                             List<ReturnCheck> checks, List<ImportSource> sources) {

    public boolean hasErrors() {
        return checks.stream().anyMatch(ReturnCheck::isError);
    }
}
