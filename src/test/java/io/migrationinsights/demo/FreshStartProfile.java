package io.migrationinsights.demo;

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
 * A first start as a new user gets it: the demo enabled, no admin password
 * configured, an empty data folder of its own and an empty database of its own.
 */
public class FreshStartProfile implements QuarkusTestProfile {

    static final Path DATA_DIR = Path.of("target", "fresh-start-data");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "insights.demo.enabled", "true",
                // empty = not set: BootstrapAdmin must generate the password
                "insights.admin-password", "",
                "insights.data-dir", DATA_DIR.toString(),
                // the gauges' schedule first runs an hour after start: FreshStartTest sees the refresh at start only
                "insights.metrics.gauge-refresh", "1h",
                // an H2 database of its own; on PostgreSQL (-Ppostgres) every start empties the schema
                "test.h2.database", "mem:fresh-start");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmptyDataDir.class));
    }

    /** Deletes the data folder before the application starts. */
    public static class EmptyDataDir implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            if (Files.exists(DATA_DIR)) {
                try (Stream<Path> paths = Files.walk(DATA_DIR)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                        try {
                            Files.delete(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // kept for inspection after the run; deleted before the next one
        }
    }
}
