package io.migrationinsights.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.users.BootstrapAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first start of an empty installation: a generated admin password and the demo organisation. */
@QuarkusTest
@TestProfile(FreshStartProfile.class)
class FreshStartTest {

    /** Rows per kind of the committed demo files, in import order. */
    static final Map<String, Integer> DEMO_ROWS = demoRows();

    private static Map<String, Integer> demoRows() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("staff", 1236);
        rows.put("legacy-accounts", 732);
        rows.put("nhsmail-accounts", 1212);
        rows.put("appointments", 648);
        rows.put("tickets", 1738);
        rows.put("finance", 14);
        rows.put("benefits", 6);
        rows.put("benefit-measurements", 27);
        return rows;
    }

    @Test
    void firstStartLoadsTheDemoOrganisationThroughTheImportLedger() throws IOException {
        asAdmin(generatedPassword()).get("/api/organisations/" + DemoLoader.ODS_CODE)
                .then().statusCode(200).body("name", equalTo(DemoLoader.NAME));

        List<Map<String, Object>> imports = asAdmin(generatedPassword())
                .get("/api/organisations/" + DemoLoader.ODS_CODE + "/imports")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Integer> rowsByKind = new LinkedHashMap<>();
        // newest first: reversed, the ledger is in import order
        for (int i = imports.size() - 1; i >= 0; i--) {
            Map<String, Object> entry = imports.get(i);
            rowsByKind.put((String) entry.get("kind"), ((Number) entry.get("rows")).intValue());
            assertEquals(DemoLoader.USER, entry.get("importedBy"));
            assertEquals(entry.get("kind") + ".csv", entry.get("fileName"));
        }
        assertEquals(DEMO_ROWS, rowsByKind);
    }

    @Test
    void headlineGaugesShowTheDemoOrganisationFromTheFirstScrape() throws IOException {
        String scrape = asAdmin(generatedPassword()).get("/q/metrics").then().statusCode(200).extract().asString();
        String series = "insights_staff_migrated{organisation=\"" + DemoLoader.ODS_CODE + "\"}";
        assertTrue(scrape.contains(series), series + " is published by the refresh at start, after the demo load");
    }

    @Test
    void generatedAdminPasswordIsOwnerOnlyAndSignsIn() throws IOException {
        Path file = FreshStartProfile.DATA_DIR.resolve(BootstrapAdmin.PASSWORD_FILE);
        assertTrue(Files.isRegularFile(file), file + " exists");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String password = generatedPassword();
        assertTrue(password.length() >= 16, "a long random password");

        asAdmin(password).get("/api/organisations").then().statusCode(200);
        asAdmin(password + "x").get("/api/organisations").then().statusCode(401);
        // the %test password is not configured in this profile, so it must not work either
        asAdmin("Bramble-Otter-Quince-71").get("/api/organisations").then().statusCode(401);
    }

    private static String generatedPassword() throws IOException {
        return Files.readString(FreshStartProfile.DATA_DIR.resolve(BootstrapAdmin.PASSWORD_FILE)).strip();
    }

    private static RequestSpecification asAdmin(String password) {
        return given().auth().preemptive().basic("admin", password);
    }
}
