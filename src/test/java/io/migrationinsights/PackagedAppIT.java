package io.migrationinsights;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.migrationinsights.demo.DemoLoader;
import io.migrationinsights.users.BootstrapAdmin;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packaged default jar ({@code target/quarkus-app}, H2) as the README ships
 * it, started by failsafe in {@code verify} with an empty data folder
 * (INSIGHTS_DATA_DIR=target/it-data): healthy, the demo organisation loaded,
 * a generated admin password, an import through HTTP and a figure read back.
 */
@QuarkusIntegrationTest
class PackagedAppIT {

    static final Path DATA_DIR = Path.of(System.getenv("INSIGHTS_DATA_DIR"));

    static RequestSpecification admin() throws IOException {
        String password = Files.readString(DATA_DIR.resolve(BootstrapAdmin.PASSWORD_FILE)).strip();
        return given().auth().preemptive().basic("admin", password);
    }

    @Test
    void isHealthyWithoutSigningIn() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void firstStartLoadsTheDemoOrganisation() throws IOException {
        admin().get("/api/organisations").then().statusCode(200).body("odsCode", hasItem(DemoLoader.ODS_CODE));
        // README: 1,236 staff, 1,200 active, 600 of them in scope
        admin().get("/api/organisations/" + DemoLoader.ODS_CODE + "/metrics/migration").then().statusCode(200)
                .body("inScope", equalTo(600));
    }

    @Test
    void importsAFileAndServesItsFigures() throws IOException {
        String ods = "IT001"; // the data folder is new each run
        admin().contentType("application/json").body("{\"name\":\"Integration test\"}")
                .put("/api/organisations/" + ods).then().statusCode(201);
        byte[] staff;
        try (InputStream in = PackagedAppIT.class.getResourceAsStream("/csv/staff/valid-all-formats.csv")) {
            staff = in.readAllBytes();
        }
        admin().contentType("text/csv").body(staff).post("/api/organisations/" + ods + "/imports/staff")
                .then().statusCode(201).body("rows", equalTo(5));
        // valid-all-formats.csv: S001, S002 and S005 are active, S003 and S004 leavers
        admin().get("/api/organisations/" + ods + "/reconciliation").then().statusCode(200)
                .body("classes.find { it.name == 'needs_account' }.members.staffId", contains("S001", "S002", "S005"));
    }
}
