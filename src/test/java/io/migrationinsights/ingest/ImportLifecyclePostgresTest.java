package io.migrationinsights.ingest;

import io.migrationinsights.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** {@link ImportLifecycleTest} against PostgreSQL (run with -Ppostgres). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class ImportLifecyclePostgresTest extends ImportLifecycleTest {
}
