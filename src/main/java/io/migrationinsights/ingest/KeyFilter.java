package io.migrationinsights.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells, in a few bytes per key, whether an import's key has possibly been
 * seen before in the same file: a scalable Bloom filter (stages of doubling
 * size, about {@value #BITS_PER_KEY} bits per key, so memory follows the
 * number of rows at about 6 bytes each and never the row's size). "No" is
 * certain; "maybe" is a candidate that the import checks exactly in SQL. At a
 * million keys about one "maybe" in a million is a false alarm, which costs
 * one extra look at the candidate's rows, never a wrong answer.
 */
final class KeyFilter {

    private static final int BITS_PER_KEY = 48;
    private static final int HASHES = 6;
    private static final int FIRST_STAGE_BITS_LOG2 = 16;

    private final List<long[]> stages = new ArrayList<>();
    private long[] current;
    private long currentMask;
    private long capacity;
    private long count;

    KeyFilter() {
        addStage(FIRST_STAGE_BITS_LOG2);
    }

    /**
     * Records the key's hash; false when the key may have been recorded before (a candidate duplicate).
     */
    boolean add(long hash) {
        long h2 = mix(hash) | 1;
        for (long[] stage : stages) {
            if (contains(stage, (long) stage.length * 64 - 1, hash, h2)) {
                return false;
            }
        }
        if (count == capacity) {
            addStage(Long.numberOfTrailingZeros(current.length * 64L) + 1);
        }
        for (int i = 0; i < HASHES; i++) {
            long bit = (hash + i * h2) & currentMask;
            current[(int) (bit >>> 6)] |= 1L << bit;
        }
        count++;
        return true;
    }

    /** The memory the filter holds, in bytes. */
    long bytes() {
        return stages.stream().mapToLong(s -> s.length * 8L).sum();
    }

    private static boolean contains(long[] stage, long mask, long h1, long h2) {
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((stage[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    private void addStage(int bitsLog2) {
        current = new long[1 << (bitsLog2 - 6)];
        currentMask = (1L << bitsLog2) - 1;
        capacity = (1L << bitsLog2) / BITS_PER_KEY;
        count = 0;
        stages.add(current);
    }

    /** A 64-bit hash of a key's text (its values joined, each ended by a NUL). */
    static long hash(CharSequence text) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * 0x100000001B3L;
            h = Long.rotateLeft(h, 27) * 0xC2B2AE3D27D4EB4FL;
        }
        return mix(h ^ text.length());
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
