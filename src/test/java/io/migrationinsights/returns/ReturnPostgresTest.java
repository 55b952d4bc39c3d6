package io.migrationinsights.returns;

import io.migrationinsights.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** The monthly return tests on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class ReturnPostgresTest extends ReturnTest {
}
