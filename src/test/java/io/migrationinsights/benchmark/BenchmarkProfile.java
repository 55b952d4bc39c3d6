package io.migrationinsights.benchmark;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmarks' database: on H2 a file database in target/ (deleted before
 * start), so that a million imported rows live on disk, not in the heap being
 * measured; with -Ppostgres the PostgreSQL test database. An upload limit big
 * enough for the 1.5M-row file. REST Assured does not
 * log failures (its request log copies the whole upload into the heap).
 */
public class BenchmarkProfile implements QuarkusTestProfile {

    static final Path DB_DIR = Path.of("target", "benchmark-db");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // on H2 (ignored on PostgreSQL, whose schema is emptied at start anyway)
                "test.h2.database", "file:./" + DB_DIR.resolve("insights"),
                "insights.import.max-upload-size", "512M",
                // REST Assured's log-on-failure filter keeps a copy of the request body: 100 MB here
                "quarkus.test.rest-assured.enable-logging-on-failure", "false",
                // REST Assured's read timeout: a 1.5M-row import takes minutes on a shared 2-core machine
                "quarkus.http.test-timeout", "30m");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmptyDatabase.class));
    }

    /** Deletes the benchmark database before the application starts. */
    public static class EmptyDatabase implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            if (Files.exists(DB_DIR)) {
                try (Stream<Path> paths = Files.walk(DB_DIR)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // left for inspection; deleted before the next run
        }
    }
}
