package io.migrationinsights.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-over of rows between an import's reading and writing threads. */
class RowPipelineTest {

    private static Row row(long number) {
        Row row = new Row(List.of(), Map.of());
        row.number = number;
        return row;
    }

    @Test
    void writesEveryRowInOrderOnItsOwnThreadBeforeFinishReturns() {
        List<Long> written = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        try (RowPipeline pipeline = new RowPipeline("test-writer", r -> {
            written.add(r.number);
            if (threads.isEmpty()) {
                threads.add(Thread.currentThread().getName());
            }
        })) {
            for (long i = 0; i < 10_500; i++) { // ten full batches and part of one
                pipeline.accept(row(i));
            }
            pipeline.finish();
        }
        assertEquals(10_500, written.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals(i, written.get(i));
        }
        assertEquals(List.of("test-writer"), threads);
    }

    @Test
    void aFailureOfTheWriterStopsTheReaderWithTheWritersException() {
        IllegalStateException broken = new IllegalStateException("the database went away");
        try (RowPipeline pipeline = new RowPipeline("test-writer", r -> {
            if (r.number == 2_000) {
                throw broken;
            }
        })) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
                for (long i = 0; i < 1_000_000; i++) {
                    pipeline.accept(row(i));
                }
                pipeline.finish();
            });
            assertSame(broken, thrown);
        }
    }

    @Test
    void closeWithoutFinishStopsAWriterBehindTheReaderWithoutInterruptingIt() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> written = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean[] interrupted = new boolean[1];
        RowPipeline pipeline = new RowPipeline("test-writer", r -> {
            started.countDown();
            try {
                release.await(); // a slow write, such as a database flushing its file
            } catch (InterruptedException e) {
                interrupted[0] = true;
            }
            written.add(r.number);
        });
        for (long i = 0; i < 1_024 * 5; i++) { // five batches: the writer is in the first, four wait
            pipeline.accept(row(i));
        }
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Thread closer = new Thread(pipeline::close);
        closer.start();
        while (closer.getState() != Thread.State.WAITING) { // close has asked the writer to stop and joins it
            Thread.sleep(10);
        }
        release.countDown();
        closer.join(10_000);
        assertFalse(closer.isAlive(), "close returned");
        assertFalse(interrupted[0], "the writer was interrupted");
        assertEquals(1, written.size(), "rows written after close: " + written.size());
    }

    @Test
    void closeWithoutFinishEndsAWriterThatIsWaitingForRows() throws InterruptedException {
        CountDownLatch first = new CountDownLatch(1);
        Thread[] writer = new Thread[1];
        RowPipeline pipeline = new RowPipeline("test-writer", r -> {
            writer[0] = Thread.currentThread();
            first.countDown();
        });
        for (long i = 0; i < 1_024; i++) {
            pipeline.accept(row(i));
        }
        assertTrue(first.await(10, TimeUnit.SECONDS));
        pipeline.close(); // the reader stopped early: an exception, a refused upload
        assertFalse(writer[0].isAlive());
    }
}
