package io.migrationinsights.benchmark;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class DemoImportBenchmark extends DemoImportBenchmarkBase {

    @Override
    String database() {
        return "H2 file";
    }
}
