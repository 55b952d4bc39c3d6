package io.migrationinsights.system;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Reads a long list on a thread of its own while the caller writes it, a few thousand items ahead, so that
 * a database cursor and a workbook writer use the machine's two cores at once instead of taking turns.
 * Memory stays bounded ({@link #BATCH} x {@link #BATCHES} items). A failure on either side ends both: the
 * reader's is rethrown to the caller; when the caller fails (a client that went away) the reader stops at
 * its next item, and the caller returns only once the reader has (so its transaction is over).
 *
 * <p>Why: the 1M-row members workbook spent its time writing rows and waiting for the next 500 from
 * PostgreSQL by turns (JFR: the writer thread's CPU matched bare SXSSF's; issue #11). An import reads and
 * checks its upload this way while the request's thread writes the rows.
 */
public final class ReadAhead {

    /** Items handed over at a time. */
    static final int BATCH = 1_000;
    /** Batches read ahead at most. */
    static final int BATCHES = 8;

    private static final List<Object> END = List.of();

    private ReadAhead() {
    }

    /** Calls {@code each} with every item {@code read} hands to its sink, in order; {@code read} runs on another thread. */
    public static <T> void forEach(String name, Consumer<Consumer<T>> read, Consumer<T> each) {
        BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(BATCHES);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                List<Object> batch = new ArrayList<>(BATCH);
                read.accept(item -> {
                    batch.add(item);
                    if (batch.size() == BATCH) {
                        hand(queue, List.copyOf(batch));
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    hand(queue, List.copyOf(batch));
                }
                hand(queue, END);
            } catch (Throwable t) {
                failure.set(t);
                // what was read is of no use now; make room for the end
                queue.clear();
                queue.offer(END);
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
        boolean finished = false;
        try {
            while (true) {
                List<?> batch = queue.take();
                if (batch == END) {
                    break;
                }
                for (Object item : batch) {
                    @SuppressWarnings("unchecked")
                    T t = (T) item;
                    each.accept(t);
                }
            }
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + name, e);
        } finally {
            if (!finished) {
                reader.interrupt();
            }
            join(reader);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    private static void hand(BlockingQueue<List<?>> queue, List<?> batch) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("the writer stopped");
                }
            }
        } catch (InterruptedException e) {
            throw new CancellationException("the writer stopped");
        }
    }

    private static void join(Thread reader) {
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                reader.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
