package io.migrationinsights.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What every signed-in request would otherwise read again from the database (an API token's access, an
 * organisation by ODS code), kept for {@link #FOR} at most. The owner forgets everything when it changes
 * what it caches (after its transaction commits), so on this instance a revocation, a rename or a new
 * organisation applies to the next request; another instance on the same database sees it within
 * {@link #FOR}. Only what was found is kept: an unknown key is looked up every time.
 *
 * <p>Why: under wrk on PostgreSQL these look-ups (two transactions, four queries) were most of the CPU of a
 * signed-in request that computes nothing (reports/benchmarks.md, issue #11).
 */
public final class RecentlyRead<K, V> {

    /** The longest another instance acts on what it read before a change. */
    public static final Duration FOR = Duration.ofSeconds(5);

    private final Cache<K, V> cache = Caffeine.newBuilder().expireAfterWrite(FOR).maximumSize(10_000).build();
    /** Counts {@link #forgetAll()} calls, so that a value read before one is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    /** The kept value, or what {@code load} finds now (kept when present). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        V kept = cache.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = generation.get();
        Optional<V> loaded = load.apply(key);
        loaded.ifPresent(v -> {
            cache.put(key, v);
            // a forgetAll() that ran while this was read from the database may have missed it: drop it again
            if (generation.get() != before) {
                cache.invalidate(key);
            }
        });
        return loaded;
    }

    /** Forgets everything kept: the owner calls it once a change is committed. */
    public void forgetAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
