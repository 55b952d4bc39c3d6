package io.migrationinsights.ingest;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands an import's valid rows from the thread that reads the upload (parsing and checking each cell) to a
 * thread of the import's own that writes them (their keys, the summaries and the database), so the two halves
 * of the work run side by side on two cores instead of one after the other. On PostgreSQL the server loads
 * what the writer sends meanwhile; on H2 the writer's inserts are the longer half, and reading no longer adds
 * to them.
 *
 * <p>Rows go over in batches of {@value #BATCH} through a queue of {@value #QUEUED} batches, so memory stays
 * flat: a reader ahead of the writer waits. The writer uses the import's connection alone until
 * {@link #finish} returns (nothing else touches it meanwhile), and what it did is visible to the reader after
 * that. A failure of the writer stops the reader at its next hand-over with the writer's exception; a reader
 * that stops early (an exception, a refused upload) ends the writer in {@link #close}, after the row it is
 * writing. The writer is never interrupted: an interrupt during file I/O closes the channel, and H2 writes
 * its store from the inserting thread at times.
 */
final class RowPipeline implements Consumer<Row>, AutoCloseable {

    private static final int BATCH = 1024;
    private static final int QUEUED = 8;
    private static final Row[] END = new Row[0];

    private final BlockingQueue<Row[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Consumer<Row> writer;
    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile boolean abandoned;
    private Row[] batch = new Row[BATCH];
    private int size;

    /** Starts the writing thread, named {@code name} (thread dumps and logs show it). */
    RowPipeline(String name, Consumer<Row> writer) {
        this.writer = writer;
        this.thread = new Thread(this::write, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands a row over (in a batch); the writer's failure, if any, is thrown here. */
    @Override
    public void accept(Row row) {
        batch[size++] = row;
        if (size == BATCH) {
            hand(batch);
            batch = new Row[BATCH];
            size = 0;
        }
    }

    /** Waits until every row handed over is written; throws the writer's failure, if any. */
    void finish() {
        if (size > 0) {
            hand(Arrays.copyOf(batch, size));
            size = 0;
        }
        hand(END);
        join();
        throwIfFailed();
    }

    /** Ends the writer if {@link #finish} was not reached; the rows it did not write are dropped. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            abandoned = true;
            queue.clear();
            queue.offer(END); // only this thread adds to the queue, and it has just emptied it
            join();
        }
    }

    private void hand(Row[] rows) {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                throwIfFailed(); // a writer that has failed takes no more
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing rows to the import's writer", e);
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the import's writer", e);
        }
    }

    private void write() {
        try {
            for (Row[] rows = queue.take(); rows != END; rows = queue.take()) {
                for (Row row : rows) {
                    if (abandoned) {
                        return; // the reader stopped: the import's transaction rolls back
                    }
                    writer.accept(row);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // only at shutdown: the import's transaction rolls back
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("The import's writer failed", e);
        }
    }
}
