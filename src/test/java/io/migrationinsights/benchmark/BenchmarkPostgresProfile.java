package io.migrationinsights.benchmark;

import io.migrationinsights.support.PostgresProfile;
import java.util.HashMap;
import java.util.Map;

/** The benchmarks against PostgreSQL ({@code -Dpgtest.url=...}), with the big upload limit. */
public class BenchmarkPostgresProfile extends PostgresProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("insights.import.max-upload-size", "512M");
        overrides.put("quarkus.test.rest-assured.enable-logging-on-failure", "false");
        overrides.put("quarkus.http.test-timeout", "30m");
        return overrides;
    }
}
