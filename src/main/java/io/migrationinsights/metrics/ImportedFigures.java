package io.migrationinsights.metrics;

import io.migrationinsights.ingest.ImportAccepted;
import io.migrationinsights.system.Changes;
import io.migrationinsights.system.RecentlyRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The figures computed from an organisation's imported rows alone (reconciliation counts, migration progress,
 * go-live per site, accounts needed next month), each kept in memory once computed until the next import of
 * any organisation commits. At national size (1.5M staff, accounts and appointments, 2M tickets) each takes
 * seconds of the database, and a page, the API, the return and the headline gauges read them again and again
 * in between (reports/benchmarks.md, issue #11). Only imports change these rows, and every accepted import
 * announces it in its transaction ({@link Changes}), so no instance serves a figure older than the data; while
 * an instance cannot hear the others' notices nothing is served from memory. {@link #AT_MOST} only bounds
 * what a change made in the database by hand could leave.
 */
@ApplicationScoped
public class ImportedFigures {

    /** The name of this cache in {@link Changes} notices (any import forgets every organisation's figures). */
    static final String FIGURES = "imported-figures";
    /** The longest a figure is kept even with no import. */
    static final Duration AT_MOST = Duration.ofHours(1);

    /** A figure of one organisation with the parameters it was computed for. */
    private record Key(long organisationId, String figure, List<Object> parameters) {
    }

    private final Changes changes;
    private final RecentlyRead<Key, Object> kept;

    ImportedFigures(Changes changes) {
        this.changes = changes;
        this.kept = new RecentlyRead<>(changes, FIGURES, 10_000, null, AT_MOST);
    }

    /** The kept figure, or {@code compute}'s (kept); the value must not be changed by its readers. */
    @SuppressWarnings("unchecked")
    <T> T get(long organisationId, String figure, List<Object> parameters, Supplier<T> compute) {
        return (T) kept.get(new Key(organisationId, figure, parameters), k -> Optional.of(compute.get())).orElseThrow();
    }

    /** An accepted import, in its transaction: once it commits, every figure is computed again. */
    void imported(@Observes ImportAccepted accepted) {
        changes.changed(FIGURES, null);
    }
}
