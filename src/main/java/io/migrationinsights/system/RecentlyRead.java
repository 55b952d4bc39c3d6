package io.migrationinsights.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What requests would otherwise read again and again from the database (an API token's access, an
 * organisation by ODS code, an organisation's registrations), kept in memory until it changes. The owner
 * calls {@link Changes#changed} in the transaction that changes it; once that commits, every instance forgets
 * it ({@link Changes}: at once on this instance, and on the others as their listener receives PostgreSQL's
 * notice). While an instance cannot hear the others' changes nothing is served from memory. Only what was
 * found is kept: an unknown key is looked up every time.
 *
 * <p>{@link #AT_MOST} is a safety net only, for a change made to the database by hand rather than through
 * the service, which nobody announces.
 *
 * <p>Why: under wrk on PostgreSQL these look-ups (two transactions, four queries for a signed-in request;
 * two more queries for the registrations) were most of the CPU of a request (reports/benchmarks.md, issue #11).
 */
public final class RecentlyRead<K, V> {

    /** The longest anything is kept, even unchanged: how late a change made by hand in the database is seen. */
    public static final Duration AT_MOST = Duration.ofMinutes(1);

    private final Changes changes;
    private final String name;
    private final Function<String, K> keyOf;
    private final Cache<K, V> cache;
    /** Told of an entry a notice has just made this instance forget (may be null). */
    private final BiConsumer<K, V> forgotten;
    /** Counts forgetting, so that a value read before a change is not kept after the change was announced. */
    private final AtomicLong generation = new AtomicLong();

    /**
     * A cache that forgets on {@link Changes} notices of {@code name}.
     *
     * @param maximumSize entries kept at most (the least used go first)
     * @param keyOf turns a notice's key back into a key; null when notices name no key (everything is forgotten)
     */
    public RecentlyRead(Changes changes, String name, long maximumSize, Function<String, K> keyOf) {
        this(changes, name, maximumSize, keyOf, AT_MOST);
    }

    /**
     * As {@link #RecentlyRead(Changes, String, long, Function)}, keeping an entry at most {@code atMost}: for
     * values that only the service's own writes change, each of which announces it.
     */
    public RecentlyRead(Changes changes, String name, long maximumSize, Function<String, K> keyOf, Duration atMost) {
        this(changes, name, maximumSize, keyOf, atMost, null);
    }

    /**
     * As {@link #RecentlyRead(Changes, String, long, Function, Duration)}, telling {@code forgotten} of each entry
     * that a notice naming its key has just made this instance forget, with the value it held (not of entries
     * that expire, are pushed out, or go when everything is forgotten). It is called on the thread acting on the
     * notice, after the entry is gone: it must only note what to do.
     */
    public RecentlyRead(Changes changes, String name, long maximumSize, Function<String, K> keyOf, Duration atMost,
                        BiConsumer<K, V> forgotten) {
        this.changes = changes;
        this.name = name;
        this.keyOf = keyOf;
        this.forgotten = forgotten;
        this.cache = Caffeine.newBuilder().expireAfterWrite(atMost).maximumSize(maximumSize).build();
        changes.follow(name, this);
    }

    /** The kept value, or what {@code load} finds now (kept when present and the cache {@link Changes#serves}). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        if (!changes.serves(name)) {
            return load.apply(key);
        }
        V kept = cache.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        long before = generation.get();
        Optional<V> loaded = load.apply(key);
        if (loaded.isEmpty()) {
            return loaded;
        }
        // of two callers that loaded the same key at once, the first to keep it wins and both answer with it
        V first = cache.asMap().putIfAbsent(key, loaded.get());
        if (first != null) {
            return Optional.of(first);
        }
        // a change announced while this was read from the database may have missed it: drop it again
        if (generation.get() != before) {
            cache.asMap().remove(key, loaded.get());
        }
        return loaded;
    }

    /** Forgets the entry of a notice's key, or everything when {@code key} is null. */
    void forget(String key) {
        generation.incrementAndGet();
        if (key == null || keyOf == null) {
            cache.invalidateAll();
        } else {
            K k;
            try {
                k = keyOf.apply(key);
            } catch (RuntimeException e) {
                cache.invalidateAll(); // a notice this version cannot read: forget too much rather than too little
                return;
            }
            V was = cache.asMap().remove(k);
            if (was != null && forgotten != null) {
                forgotten.accept(k, was);
            }
        }
    }
}
