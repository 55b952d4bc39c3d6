package io.migrationinsights.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells, in a few bytes per key, whether an import's key has possibly been
 * seen before in the same file: a scalable, blocked Bloom filter. Each key
 * sets {@value #HASHES} bits in one block of 512 bits, a cache line (about one
 * memory access per stage); a stage holds a key per {@value #BITS_PER_KEY}
 * bits and, when full, a stage twice as large is added, so memory follows the
 * number of rows (about 11 bytes a key) and never their size. "No" is certain;
 * "maybe" is a candidate that the import checks exactly in SQL. At 1.5 million
 * distinct keys about two "maybe"s are false alarms, each costing a look at
 * the candidate's rows, never a wrong answer.
 */
final class KeyFilter {

    private static final int BITS_PER_KEY = 64;
    private static final int HASHES = 8;
    private static final int SMALLEST_STAGE_WORDS_LOG2 = 10;
    /** 32 MB: a first stage for about 4 million keys. */
    private static final int LARGEST_FIRST_STAGE_WORDS_LOG2 = 22;

    private final List<long[]> stages = new ArrayList<>();
    private long[] current;
    private long capacity;
    private long count;
    /** What {@link #addAll} read ahead adds up to: never used, only kept. */
    private long sink;

    /** A filter that starts small (8 KB) and grows with the keys. */
    KeyFilter() {
        this(0);
    }

    /**
     * A filter whose first stage holds {@code expectedKeys} (up to about 4 million), so a file of the expected
     * size is checked in one stage: one memory access a key instead of one per stage.
     */
    KeyFilter(long expectedKeys) {
        int log2 = SMALLEST_STAGE_WORDS_LOG2;
        while (log2 < LARGEST_FIRST_STAGE_WORDS_LOG2 && (64L << log2) / BITS_PER_KEY < expectedKeys) {
            log2++;
        }
        addStage(log2);
    }

    /**
     * Records a batch of keys' hashes, {@code hashes[0..n)}, in order, as {@link #add} one by one would, and sets
     * {@code fresh[i]} as add would return. First every key's block is read in a tight loop, whose loads do not
     * wait on each other: the processor fetches many cache lines at once, where one add per row, between
     * the parsing of rows, waits for each line in turn (most of the filter's time at 1.5 million keys, whose
     * filter does not fit in the caches). Then the blocks are at hand for the adds.
     */
    void addAll(long[] hashes, int n, boolean[] fresh) {
        long touched = 0;
        for (long[] stage : stages) {
            for (int i = 0; i < n; i++) {
                touched += stage[block(hashes[i], stage)];
            }
        }
        sink += touched; // kept, so the reads above are not optimised away
        for (int i = 0; i < n; i++) {
            fresh[i] = add(hashes[i]);
        }
    }

    /** Records the key's hash; false when the key may have been recorded before (a candidate duplicate). */
    boolean add(long hash) {
        long positions = mix(hash ^ 0x9E3779B97F4A7C15L);
        long more = mix(positions);
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (contains(stages.get(i), hash, positions, more)) {
                return false;
            }
        }
        if (count == capacity) {
            addStage(Integer.numberOfTrailingZeros(current.length) + 1);
        }
        int block = block(hash, current);
        for (int i = 0; i < HASHES; i++) {
            int p = position(positions, more, i);
            current[block + (p >>> 6)] |= 1L << p;
        }
        count++;
        return true;
    }

    /** The memory the filter holds, in bytes. */
    long bytes() {
        return stages.stream().mapToLong(s -> s.length * 8L).sum();
    }

    /** The i-th of the key's bit positions in its block: 9 bits each, seven from one word, the rest from another. */
    private static int position(long positions, long more, int i) {
        return (int) (i < 7 ? positions >>> (9 * i) : more >>> (9 * (i - 7))) & 511;
    }

    private static boolean contains(long[] stage, long hash, long positions, long more) {
        int block = block(hash, stage);
        for (int i = 0; i < HASHES; i++) {
            int p = position(positions, more, i);
            if ((stage[block + (p >>> 6)] & (1L << p)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The first word of the key's block of 8 words (512 bits, a cache line): the hash's low bits. */
    private static int block(long hash, long[] stage) {
        return (int) (hash & ((stage.length >>> 3) - 1)) << 3;
    }

    private void addStage(int wordsLog2) {
        current = new long[1 << wordsLog2];
        capacity = (64L << wordsLog2) / BITS_PER_KEY;
        count = 0;
        stages.add(current);
    }

    /** A 64-bit hash of a key's text (its values joined, each ended by a NUL). */
    static long hash(CharSequence text) {
        return finish(feed(START, text), text.length());
    }

    /** Where a key's hash starts: then each value is {@link #feed fed} with its NUL, and the hash {@link #finish finished}. */
    static final long START = 0xCBF29CE484222325L;

    /** FNV-1a over the characters (one multiply each); {@link #finish} mixes every bit into every other. */
    static long feed(long h, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    /** The NUL that ends each value of a key. */
    static long feedEnd(long h) {
        return h * 0x100000001B3L;
    }

    /** The key's hash from what was fed and the length of its text (values and NULs). */
    static long finish(long h, int length) {
        return mix(h ^ length);
    }

    /** MurmurHash3's 64-bit finaliser: every input bit moves every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93F45D1B5CCL;
        h ^= h >>> 33;
        return h;
    }
}
