package io.migrationinsights.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.migrationinsights.ingest.ImportAccepted;
import io.migrationinsights.system.Changes;
import io.migrationinsights.system.RecentlyRead;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The figures computed from an organisation's imported rows alone (reconciliation counts, migration progress
 * and timeline, go-live per site, accounts needed next month, the service desk's figures of each window), each
 * kept in memory once computed until the organisation's next import commits. At national size (1.5M staff,
 * accounts and appointments, 2M tickets) each takes seconds of the database, and a page, the API, the return
 * and the headline gauges read them again and again in between (reports/benchmarks.md, issue #11).
 *
 * <p>Only imports change these rows, and every accepted import announces it in its transaction
 * ({@link Changes}, keyed by the organisation), so no instance serves a figure older than the data; while an
 * instance cannot hear the others' notices nothing is served from memory. {@link #AT_MOST} only bounds what a
 * change made in the database by hand could leave.
 *
 * <p>Figures in use are computed again as soon as an import changes them: when a notice makes an instance
 * forget an organisation's figures, the {@link #AGAIN} it read most are computed anew on a thread of
 * its own, so the next page after an import finds them ready instead of waiting for the database. Figures
 * nobody has read since the last import cost nothing. One organisation at a time on that one thread: a run of
 * imports never sets several of these computations against the database at once.
 *
 * <p>A figure is computed once however many ask for it at the same time: the first caller computes it and the
 * others wait for its answer (a page opened while the figure is being computed again, or by several people).
 */
@ApplicationScoped
public class ImportedFigures {

    private static final Logger LOG = Logger.getLogger(ImportedFigures.class);

    /** The name of this cache in {@link Changes} notices (the key is the organisation's id). */
    static final String FIGURES = "imported-figures";
    /** The longest a figure is kept even with no import. */
    static final Duration AT_MOST = Duration.ofHours(1);
    /** Organisations whose figures are kept at most (the least used go first). */
    static final int ORGANISATIONS = 1_000;
    /** Figures kept for one organisation at most: the API may ask for any date or month. */
    static final int PER_ORGANISATION = 200;
    /** How many of an organisation's figures, the most read, are computed again after its import. */
    static final int AGAIN = 12;

    /** A figure with the parameters it was computed for. */
    private record Key(String figure, List<Object> parameters) {
    }

    private final Changes changes;
    private final RecentlyRead<Long, Kept> kept;
    /** Organisations whose figures are waiting to be computed again (not queued twice). */
    private final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService again = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "imported-figures-again");
        thread.setDaemon(true);
        return thread;
    });

    ImportedFigures(Changes changes) {
        this.changes = changes;
        this.kept = new RecentlyRead<>(changes, FIGURES, ORGANISATIONS, Long::valueOf, AT_MOST, this::forgotten);
    }

    /** The kept figure, or {@code compute}'s (kept); the value must not be changed by its readers. */
    @SuppressWarnings("unchecked")
    <T> T get(long organisationId, String figure, List<Object> parameters, Supplier<T> compute) {
        return (T) get(organisationId, new Key(figure, parameters), compute);
    }

    private Object get(long organisationId, Key key, Supplier<?> compute) {
        return kept.get(organisationId, id -> Optional.of(new Kept())).orElseThrow().get(key, compute);
    }

    /** An accepted import, in its transaction: once it commits, the organisation's figures are computed again. */
    void imported(@Observes ImportAccepted accepted) {
        changes.changed(FIGURES, accepted.organisationId());
    }

    /** A notice made this instance forget an organisation's figures: those in use are computed again. */
    private void forgotten(long organisationId, Kept before) {
        Map<Key, Supplier<?>> figures = before.mostUsed();
        if (figures.isEmpty() || !waiting.add(organisationId)) {
            return;
        }
        try {
            again.execute(() -> computeAgain(organisationId, figures));
        } catch (RejectedExecutionException e) {
            waiting.remove(organisationId); // stopping
        }
    }

    private void computeAgain(long organisationId, Map<Key, Supplier<?>> figures) {
        waiting.remove(organisationId); // an import committed from here on queues it again
        if (!changes.listening()) {
            return; // nothing would be kept
        }
        long started = System.nanoTime();
        try {
            figures.forEach((key, compute) -> get(organisationId, key, compute));
            LOG.infof("%d figures of organisation %d computed again after its import in %d ms", figures.size(),
                    organisationId, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // the next read computes it
            LOG.infof("Figures of organisation %d not computed again after its import (%s)", organisationId,
                    e.getMessage());
        }
    }

    /** Waits until the figures queued to be computed again before this call have been (for tests). */
    void drain() throws Exception {
        again.submit(() -> { }).get();
    }

    @PreDestroy
    void stop() {
        again.shutdownNow();
    }

    /** A figure, once computed or while it is, with how to compute it. */
    private record Figure(CompletableFuture<Object> value, Supplier<?> compute) {
    }

    /**
     * One organisation's figures, each computed once: later callers wait for the first one's answer. Not
     * Caffeine's {@code Cache.get(key, compute)}: it computes inside the map's lock, which blocks other keys
     * for the seconds a figure takes; nor its {@code AsyncCache}: that computes on an executor's threads,
     * where here the caller's own thread computes (the request's, or the one computing again).
     */
    private static final class Kept {
        private final Cache<Key, Figure> figures = Caffeine.newBuilder().maximumSize(PER_ORGANISATION).build();

        Object get(Key key, Supplier<?> compute) {
            ConcurrentMap<Key, Figure> map = figures.asMap();
            Figure mine = new Figure(new CompletableFuture<>(), compute);
            Figure first = map.putIfAbsent(key, mine);
            if (first != null) {
                figures.getIfPresent(key); // counts as a read, for mostUsed
                return answer(first.value());
            }
            try {
                Object value = compute.get();
                mine.value().complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                map.remove(key, mine); // the next caller tries again
                mine.value().completeExceptionally(e);
                throw e;
            }
        }

        /** The figures computed here, the most used first (at most {@link #AGAIN}). */
        Map<Key, Supplier<?>> mostUsed() {
            Map<Key, Supplier<?>> recent = new LinkedHashMap<>();
            figures.policy().eviction().ifPresent(eviction -> eviction.hottest(AGAIN).forEach((key, figure) -> {
                if (figure.value().isDone() && !figure.value().isCompletedExceptionally()) {
                    recent.put(key, figure.compute());
                }
            }));
            return recent;
        }

        private static Object answer(CompletableFuture<Object> first) {
            try {
                return first.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
    }
}
