package io.migrationinsights.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportService;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.support.Api;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Time to import the eight demo files through ImportService, into a new organisation each repetition. */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class DemoImportBenchmark {

    static final int REPETITIONS = 5;

    @Inject
    OrganisationService organisations;

    @Inject
    ImportService imports;

    @Test
    void importsTheWholeDemoDataset() {
        List<Long> millis = new ArrayList<>();
        long rows = 0;
        for (int run = 0; run < REPETITIONS; run++) {
            String ods = Api.nextCode();
            organisations.createOrRename(ods, "Benchmark " + ods);
            long started = System.nanoTime();
            rows = 0;
            for (ImportKind kind : ImportKind.ALL) {
                try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/" + kind.urlName() + ".csv")) {
                    rows += imports.importCsv(ods, kind, in, kind.urlName() + ".csv", false, "benchmark").rows();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        assertEquals(5613, rows, "rows of the eight demo files");
        List<Long> warm = millis.subList(1, millis.size()).stream().sorted().toList();
        Results.record(String.format(Locale.ROOT, "demo import (%s): %d rows in 8 files, runs %s ms; "
                + "first (cold) %d ms, warm median %d ms, best %d ms", Results.database(), rows, millis, millis.get(0),
                warm.get(warm.size() / 2), warm.get(0)));
    }
}
