package io.migrationinsights.system;

import io.migrationinsights.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class JdbiTransactionPostgresTest extends JdbiTransactionTest {
}
