package io.migrationinsights.demo;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aRejectedDemoFileLeavesNeitherOrganisationNorTheEarlierImports() {
        String ods = Api.nextCode();
        String second = Api.nextCode();
        // eight legacy exports, staff and NHSmail accounts import fine; X26's appointments file is broken
        Map<String, Long> loaded = loader.load(ods, second, file -> file.equals("appointments.csv")
                ? new ByteArrayInputStream("staff_id,site,phase,appointment_date,outcome\nS1,Oxford,pilot,31/02/2026,migrated\n"
                        .getBytes(StandardCharsets.UTF_8))
                : DemoLoader.classpathFile(file));

        assertEquals(Map.of(), loaded);
        for (String code : new String[] {ods, second}) {
            as("viewer").get("/api/organisations/" + code).then().statusCode(404);
            as("viewer").get("/api/organisations/" + code + "/imports").then().statusCode(404);
        }
    }
}
