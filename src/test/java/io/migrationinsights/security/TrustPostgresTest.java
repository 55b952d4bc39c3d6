package io.migrationinsights.security;

import io.migrationinsights.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** {@link TrustTest} against PostgreSQL (run with -Ppostgres). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class TrustPostgresTest extends TrustTest {
}
