package io.migrationinsights.benchmark;

import io.quarkus.arc.Arc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Measuring helpers and the result log, target/benchmarks/results.txt (copied by hand into reports/benchmarks-history.md). */
final class Results {

    static final Path FILE = Path.of("target", "benchmarks", "results.txt");

    private Results() {
    }

    /** The database the benchmark ran on, as its driver names it (H2, PostgreSQL). */
    static String database() {
        try (Connection c = Arc.container().instance(DataSource.class).get().getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void record(String line) {
        String text = Instant.now() + " " + line + " [heap max " + mb(Runtime.getRuntime().maxMemory())
                + ", " + Runtime.getRuntime().availableProcessors() + " cpus, " + System.getProperty("java.version") + "]";
        System.out.println("BENCHMARK " + text);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the peaks of every heap pool, so that the next reading covers only what follows. */
    static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The sum of the heap pools' peak usage since the last reset: an upper bound
     * of the peak heap (each pool may peak at a different moment).
     */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Samples the used heap every 50 ms until closed: the highest simultaneous reading. */
    static final class HeapSampler implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::sample, "heap-sampler");

        HeapSampler() {
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long max() {
            return max.get();
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    static long usedHeapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }
}
