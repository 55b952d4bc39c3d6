package io.migrationinsights.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a test class against the PostgreSQL server of the development and CI
 * machines (127.0.0.1:5432, database test, user postgres, trust auth). The
 * schema is dropped and migrated afresh at start. Classes using it carry
 * {@code @Tag("postgres")}: the default build skips them, .ci/run and
 * {@code ./mvnw verify -Ppostgres} run them. {@code -Dpgtest.url=...}
 * points them at another database.
 */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url",
                System.getProperty("pgtest.url", "jdbc:postgresql://127.0.0.1:5432/test"),
                "quarkus.datasource.username", System.getProperty("pgtest.user", "postgres"),
                "quarkus.datasource.password", "",
                "quarkus.datasource.jdbc.additional-jdbc-properties.reWriteBatchedInserts", "true",
                "quarkus.flyway.clean-at-start", "true",
                "quarkus.flyway.clean-disabled", "false");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
