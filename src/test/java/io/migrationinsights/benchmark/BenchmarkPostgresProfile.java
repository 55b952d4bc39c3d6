package io.migrationinsights.benchmark;

import io.migrationinsights.support.PostgresProfile;
import java.util.HashMap;
import java.util.Map;

/** The benchmarks against PostgreSQL ({@code -Dinsights.test.pg-url=...}), with the big upload limit. */
public class BenchmarkPostgresProfile extends PostgresProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("insights.import.max-upload-size", "512M");
        overrides.put("quarkus.test.rest-assured.enable-logging-on-failure", "false");
        overrides.put("quarkus.http.test-timeout", "30m");
        // -Dinsights.test.pg-url reaches the application's config too, where the insights.* mapping
        // refuses it as an unknown key (SRCFG00050) unless unknown keys are allowed
        overrides.put("smallrye.config.mapping.validate-unknown", "false");
        return overrides;
    }
}
