package io.migrationinsights.ingest;

import io.migrationinsights.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** {@link ImportValidationTest} against PostgreSQL (run with -Ppostgres). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class ImportValidationPostgresTest extends ImportValidationTest {
}
