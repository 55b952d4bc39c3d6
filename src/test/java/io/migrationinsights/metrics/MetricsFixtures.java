package io.migrationinsights.metrics;

import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.support.Uploads;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;

/** Loads fixtures through the real import path and resolves organisation ids. */
final class MetricsFixtures {

    private MetricsFixtures() {
    }

    /** Imports CSV text as pm (finance kinds too: pm may import every kind). */
    static void upload(String ods, String kind, String csv) {
        Uploads.imported(ods, kind, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Imports the named fixture under src/test/resources/csv/metrics/. */
    static void uploadFile(String ods, String kind, String name) {
        Uploads.imported(ods, kind, Uploads.fixture("metrics/" + name));
    }

    static long org(String ods) {
        OrganisationRepository organisations = Arc.container().instance(OrganisationRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() -> organisations.require(ods).id);
    }
}
