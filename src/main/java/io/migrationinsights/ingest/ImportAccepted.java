package io.migrationinsights.ingest;

import java.time.Instant;

/**
 * Fired (synchronously, CDI) when an import has passed every check, inside
 * its transaction just before it commits: an observer's writes commit with
 * the import or not at all. Not fired for refused or duplicate uploads.
 */
public record ImportAccepted(long organisationId, ImportKind kind, long importId, Instant importedAt) {
}
