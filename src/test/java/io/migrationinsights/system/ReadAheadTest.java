package io.migrationinsights.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The read-ahead under the long workbooks, on its own (no application needed). */
class ReadAheadTest {

    @Test
    void handsOverEveryItemInOrderAcrossBatches() {
        int count = ReadAhead.BATCH * ReadAhead.BATCHES * 3 + 7;
        List<Integer> written = new ArrayList<>();
        ReadAhead.<Integer>forEach("test", sink -> IntStream.range(0, count).forEach(sink::accept), written::add);
        assertEquals(IntStream.range(0, count).boxed().toList(), written);
    }

    @Test
    void rethrowsTheReadersFailureToTheWriter() {
        IllegalStateException broken = new IllegalStateException("cursor broke");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ReadAhead.<Integer>forEach("test",
                sink -> {
                    IntStream.range(0, ReadAhead.BATCH * 2).forEach(sink::accept);
                    throw broken;
                }, i -> { }));
        assertSame(broken, thrown);
    }

    @Test
    void stopsTheReaderWhenTheWriterFailsAndReturnsOnlyOnceItHasStopped() {
        AtomicInteger read = new AtomicInteger();
        AtomicBoolean readerDone = new AtomicBoolean();
        RuntimeException gone = new RuntimeException("client went away");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> ReadAhead.<Integer>forEach("test",
                sink -> {
                    try {
                        // endless: only the writer's failure ends it
                        for (int i = 0; ; i++) {
                            sink.accept(i);
                            read.incrementAndGet();
                        }
                    } finally {
                        readerDone.set(true);
                    }
                }, i -> {
                    if (i == 5) {
                        throw gone;
                    }
                }));
        assertSame(gone, thrown);
        assertTrue(readerDone.get(), "the reader has ended when forEach returns");
        assertTrue(read.get() <= ReadAhead.BATCH * (ReadAhead.BATCHES + 2), "read ahead at most a bounded number: " + read);
    }
}
