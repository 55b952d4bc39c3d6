package io.migrationinsights.metrics;

import static io.migrationinsights.support.Api.as;

import io.migrationinsights.organisations.OrganisationRepository;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads fixtures through the real import path and resolves organisation ids. */
final class MetricsFixtures {

    private MetricsFixtures() {
    }

    /** Imports CSV text as pm (finance kinds too: pm may import every kind). */
    static void upload(String ods, String kind, String csv) {
        as("pm").contentType("text/csv").body(csv).post("/api/organisations/" + ods + "/imports/" + kind)
                .then().log().ifValidationFails().statusCode(201);
    }

    /** Imports the named fixture under src/test/resources/csv/metrics/. */
    static void uploadFile(String ods, String kind, String name) {
        try (InputStream in = MetricsFixtures.class.getResourceAsStream("/csv/metrics/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture csv/metrics/" + name);
            }
            upload(ods, kind, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long org(String ods) {
        OrganisationRepository organisations = Arc.container().instance(OrganisationRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() -> organisations.require(ods).id);
    }
}
