package io.migrationinsights.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The one test profile of every browser test (each profile starts the
 * application again, so there is one): an H2 database of its own with the
 * demo organisation X26 loaded, as a user sees it after the first start.
 * On PostgreSQL (-Ppostgres) the pgtest profile empties the schema at start,
 * so the demo loads there as well.
 */
public class BrowserProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "insights.demo.enabled", "true",
                "test.h2.database", "mem:browser");
    }
}
