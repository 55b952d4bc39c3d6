package io.migrationinsights.ingest;

import io.migrationinsights.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** {@link ImportFormatsTest} against PostgreSQL (run with -Ppostgres). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class ImportFormatsPostgresTest extends ImportFormatsTest {
}
