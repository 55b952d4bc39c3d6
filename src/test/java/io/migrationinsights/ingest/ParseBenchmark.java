package io.migrationinsights.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.migrationinsights.system.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast the import's Java read path runs on one core, beside bare FastCSV on
 * the same file (issue #11). Not a test: run on demand, after
 * {@code ./mvnw -B test-compile}, with the test classpath:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.migrationinsights.ingest.ParseBenchmark \
 *     [--repeat=3] [--only=import,fastcsv,...] nhsmail-accounts=target/bench/nhsmail-accounts-1500000.csv \
 *     tickets=target/bench/tickets-2000000.csv
 * </pre>
 *
 * Each argument {@code kind=path} names the import kind and the file. Paths measured per file:
 * <ul>
 * <li>{@code import}: exactly what {@link ImportService} does before the rows reach a sink:
 * {@link GuardedReader} over a {@link DigestInputStream} (SHA-256) over a {@link LimitedInputStream},
 * {@link CsvRows#read} with a consumer that drops the rows;</li>
 * <li>{@code fastcsv}: bare FastCSV over a plain UTF-8 reader, every field touched, nothing typed (the limit);</li>
 * <li>{@code decode}: the GuardedReader over the digest alone, drained (what the bytes cost before parsing);</li>
 * <li>{@code sha}: the SHA-256 of the file alone.</li>
 * </ul>
 * Prints rows/s for each repetition and the best; a first untimed pass over each file warms the JIT.
 * Beside the wall-clock rate it prints the rate per CPU second of the reading thread: on a machine shared
 * with other work the wall clock also counts time the thread waited for a core (GC and JIT threads are
 * in neither figure's thread time, but in the wall clock).
 */
public final class ParseBenchmark {

    private static final long NO_LIMIT = Long.MAX_VALUE;
    private static final int MAX_FIELD_LENGTH = 4000; // insights.import.max-field-length's default
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int repeat = 3;
        List<String> only = List.of("import", "fastcsv", "decode", "sha");
        List<String[]> files = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--repeat=")) {
                repeat = Integer.parseInt(a.substring("--repeat=".length()));
            } else if (a.startsWith("--only=")) {
                only = List.of(a.substring("--only=".length()).split(","));
            } else {
                files.add(a.split("=", 2));
            }
        }
        System.out.printf(Locale.ROOT, "java %s, %d cores available%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        for (String[] f : files) {
            ImportKind kind = ImportKind.byUrlName(f[0]).orElseThrow();
            Path path = Path.of(f[1]);
            for (String mode : only) {
                run(mode, kind, path); // warm-up
                double best = 0;
                double bestCpu = 0;
                for (int i = 0; i < repeat; i++) {
                    long start = System.nanoTime();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    long rows = run(mode, kind, path);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    double rate = rows / seconds;
                    best = Math.max(best, rate);
                    bestCpu = Math.max(bestCpu, rows / cpuSeconds);
                    System.out.printf(Locale.ROOT, "%-16s %-8s run %d: %,d rows in %.3f s = %,.0f rows/s"
                                    + " (thread CPU %.3f s = %,.0f rows/CPU s)%n",
                            kind, mode, i + 1, rows, seconds, rate, cpuSeconds, rows / cpuSeconds);
                }
                System.out.printf(Locale.ROOT, "%-16s %-8s BEST %,.0f rows/s, %,.0f rows/CPU s%n", kind, mode, best,
                        bestCpu);
            }
        }
    }

    private static long run(String mode, ImportKind kind, Path path) throws IOException {
        return switch (mode) {
            case "import" -> importPath(kind, path);
            case "fastcsv" -> fastCsv(path);
            case "decode" -> decode(path);
            case "sha" -> sha(path);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    private static long importPath(ImportKind kind, Path path) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        CsvRows rows = new CsvRows(kind, MAX_FIELD_LENGTH);
        long[] accepted = new long[1];
        try (InputStream body = Files.newInputStream(path);
             GuardedReader reader = new GuardedReader(
                     new DigestInputStream(new LimitedInputStream(body, NO_LIMIT), sha256))) {
            rows.read(reader, row -> accepted[0]++);
        }
        Sha256.hex(sha256);
        if (rows.errorCount() > 0) {
            throw new IllegalStateException(rows.errorCount() + " findings, the first: " + rows.errors().get(0));
        }
        if (accepted[0] != rows.dataRows()) {
            throw new IllegalStateException(accepted[0] + " rows accepted of " + rows.dataRows());
        }
        return rows.dataRows();
    }

    private static long fastCsv(Path path) throws IOException {
        long rows = 0;
        long chars = 0;
        try (Reader in = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in)) {
            for (CsvRecord r : csv) {
                for (int i = 0; i < r.getFieldCount(); i++) {
                    chars += r.getField(i).length();
                }
                rows++;
            }
        }
        if (chars == 0) {
            throw new IllegalStateException("nothing read");
        }
        return rows - 1; // the header
    }

    private static long decode(Path path) throws IOException {
        long rows = 0;
        char[] buffer = new char[64 * 1024];
        try (GuardedReader reader = new GuardedReader(new DigestInputStream(Files.newInputStream(path),
                Sha256.newDigest()))) {
            int n;
            while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
            }
        }
        return rows - 1;
    }

    private static long sha(Path path) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        byte[] buffer = new byte[64 * 1024];
        long rows = 0;
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha256.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        rows++;
                    }
                }
            }
        }
        Sha256.hex(sha256);
        return rows - 1;
    }
}
