package io.migrationinsights.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a test class against the PostgreSQL server of the development and CI
 * machines (127.0.0.1:5432, database test, user postgres, trust auth). The
 * schema is dropped and migrated afresh at start. Classes using it carry
 * {@code @Tag("postgres")}: the default build skips them, .ci/run and
 * {@code ./mvnw verify -Ppostgres} run them. {@code -Dinsights.test.pg-url=...}
 * points them at another database.
 */
public class PostgresProfile implements QuarkusTestProfile {

    /*
     * Surefire hands -Dinsights.test.pg-url to the test JVM as a system property, and
     * every key under "insights." must belong to InsightsConfig: Quarkus refuses to
     * start on an unknown one (SRCFG00050). So the test settings are moved out of that
     * namespace before the application reads its configuration. System properties are
     * JVM-wide, so this is safe whichever class loader runs it first.
     */
    private static final String URL = take("insights.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = take("insights.test.pg-user", "postgres");

    private static synchronized String take(String key, String fallback) {
        String moved = "migrationinsights-tests." + key;
        String value = System.getProperty(key);
        if (value != null) {
            System.setProperty(moved, value);
            System.clearProperty(key);
        }
        return System.getProperty(moved, fallback);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", URL,
                "quarkus.datasource.username", USER,
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
