package io.migrationinsights.demo;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo load is all or nothing (the successful first start is FreshStartTest). */
@QuarkusTest
class DemoLoaderTest {

    @Inject
    DemoLoader loader;

    @Test
    void demoIsNotLoadedIntoADatabaseThatAlreadyHasAnOrganisation() {
        Api.newOrganisation();

        assertEquals(Map.of(), loader.loadIntoEmptyDatabase());
        as("viewer").get("/api/organisations/" + DemoLoader.ODS_CODE).then().statusCode(404);
    }

    @Test
    void aRejectedDemoFileLeavesNeitherTheOrganisationNorTheEarlierImports() {
        String ods = Api.nextCode();
        // staff, legacy and NHSmail accounts import fine; the appointments file is broken
        Map<String, Long> loaded = loader.load(ods, kind -> kind == ImportKind.APPOINTMENTS
                ? new ByteArrayInputStream("staff_id,site,phase,appointment_date,outcome\nS1,Oxford,pilot,31/02/2026,migrated\n"
                        .getBytes(StandardCharsets.UTF_8))
                : DemoLoader.classpathFile(kind));

        assertEquals(Map.of(), loaded);
        as("viewer").get("/api/organisations/" + ods).then().statusCode(404);
        as("viewer").get("/api/organisations/" + ods + "/imports").then().statusCode(404);
    }
}
