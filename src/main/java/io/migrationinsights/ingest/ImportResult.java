package io.migrationinsights.ingest;

import java.util.List;

/** The answer to an accepted upload (CONTRACT section 2). */
public record ImportResult(long importId, String kind, long rows, String sha256, List<String> ignoredColumns,
                           boolean duplicate) {
}
