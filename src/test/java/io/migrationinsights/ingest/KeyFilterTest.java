package io.migrationinsights.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The import's duplicate-key filter: never misses a key seen before, rarely names one it has not seen. */
class KeyFilterTest {

    private static final int KEYS = 1_500_000;

    @Test
    void namesEveryKeySeenBeforeAsACandidate() {
        KeyFilter filter = new KeyFilter();
        for (int i = 0; i < 200_000; i++) {
            filter.add(KeyFilter.hash("user" + i + "@nhs.net\0"));
        }
        for (int i = 0; i < 200_000; i += 7) {
            assertFalse(filter.add(KeyFilter.hash("user" + i + "@nhs.net\0")), "user" + i + " seen before");
        }
    }

    @Test
    void namesFewUnseenKeysAndHoldsAboutElevenBytesAKeyAtNationalScale() {
        KeyFilter filter = new KeyFilter();
        int falseAlarms = 0;
        for (int i = 0; i < KEYS; i++) {
            if (!filter.add(KeyFilter.hash("user" + i + "@nhs.net\0"))) {
                falseAlarms++;
            }
        }
        // about 1 in a million distinct keys at this size: each costs a look at its rows, never a wrong answer
        assertTrue(falseAlarms < 10, falseAlarms + " false alarms in " + KEYS + " distinct keys");
        assertTrue(filter.bytes() < 16L * KEYS, filter.bytes() + " bytes for " + KEYS + " keys");
    }

    @Test
    void answersInBatchesAsOneByOneIncludingARepeatWithinABatch() {
        KeyFilter single = new KeyFilter();
        KeyFilter batched = new KeyFilter();
        long[] hashes = new long[256];
        boolean[] fresh = new boolean[256];
        int repeats = 0;
        for (int from = 0; from < 100_000; from += hashes.length) {
            for (int i = 0; i < hashes.length; i++) {
                // every 97th key is one from a few rows before, often in the same batch
                int key = (from + i) % 97 == 0 ? from + i - 3 : from + i;
                hashes[i] = KeyFilter.hash("user" + key + "@nhs.net\0");
            }
            batched.addAll(hashes, hashes.length, fresh);
            for (int i = 0; i < hashes.length; i++) {
                assertEquals(single.add(hashes[i]), fresh[i], "key at " + (from + i));
                repeats += fresh[i] ? 0 : 1;
            }
        }
        assertTrue(repeats >= 1_000, repeats + " repeats named");
    }

    @Test
    void hashesKeysThatDifferOnlyInOrderOrSplitApart() {
        assertNotEquals(KeyFilter.hash("ab\0c\0"), KeyFilter.hash("a\0bc\0"));
        assertNotEquals(KeyFilter.hash("S1\u00002026-04-01\0"), KeyFilter.hash("2026-04-01\0S1\0"));
    }
}
