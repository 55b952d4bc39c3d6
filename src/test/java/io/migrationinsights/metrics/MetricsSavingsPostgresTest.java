package io.migrationinsights.metrics;

import io.migrationinsights.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class MetricsSavingsPostgresTest extends MetricsSavingsTest {
}
