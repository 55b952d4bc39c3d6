package io.migrationinsights.benchmark;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

@QuarkusTest
@TestProfile(BenchmarkPostgresProfile.class)
@Tag("benchmark")
@Tag("postgres")
class DemoImportPostgresBenchmark extends DemoImportBenchmarkBase {

    @Override
    String database() {
        return "PostgreSQL";
    }
}
