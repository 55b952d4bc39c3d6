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
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The first start of an empty installation: a generated admin password and the demo organisation. */
@QuarkusTest
@TestProfile(FreshStartProfile.class)
class FreshStartTest {

    /** Rows per kind of X26's committed demo files (each of its eight legacy exports lists 732 mailboxes). */
    static final Map<String, Integer> DEMO_ROWS = demoRows();
    /** Rows per kind of X27's. */
    static final Map<String, Integer> SECOND_ROWS = Map.of("staff", 150, "legacy-accounts", 92,
            "nhsmail-accounts", 105, "appointments", 84, "tickets", 52);

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
    void firstStartLoadsBothDemoOrganisationsThroughTheImportLedgerAtTheirExportTimes() throws IOException {
        asAdmin(generatedPassword()).get("/api/organisations/" + DemoLoader.ODS_CODE)
                .then().statusCode(200).body("name", equalTo(DemoLoader.NAME));
        asAdmin(generatedPassword()).get("/api/organisations/" + DemoLoader.SECOND_ODS_CODE)
                .then().statusCode(200).body("name", equalTo(DemoLoader.SECOND_NAME));

        for (String ods : List.of(DemoLoader.ODS_CODE, DemoLoader.SECOND_ODS_CODE)) {
            List<DemoLoader.Step> plan = DemoLoader.PLAN.stream().filter(s -> s.organisation().equals(ods)).toList();
            List<Map<String, Object>> imports = asAdmin(generatedPassword())
                    .get("/api/organisations/" + ods + "/imports")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertEquals(plan.size(), imports.size(), ods);
            Map<String, Integer> rows = ods.equals(DemoLoader.ODS_CODE) ? DEMO_ROWS : SECOND_ROWS;
            // newest first: reversed, the ledger is in import order, stamped when each export was taken
            for (int i = 0; i < plan.size(); i++) {
                Map<String, Object> entry = imports.get(imports.size() - 1 - i);
                DemoLoader.Step step = plan.get(i);
                assertEquals(step.kind().urlName(), entry.get("kind"));
                assertEquals(step.file().substring(step.file().lastIndexOf('/') + 1), entry.get("fileName"));
                assertEquals(rows.get(step.kind().urlName()), ((Number) entry.get("rows")).intValue(), step.file());
                assertEquals(DemoLoader.USER, entry.get("importedBy"));
                assertEquals(step.ukTime().atZone(ZoneId.of("Europe/London")).toInstant(),
                        Instant.parse((String) entry.get("importedAt")), step.file());
            }
        }
    }

    @Test
    void theDemoBurnDownFallsToZeroAtTheSwitchOff() throws IOException {
        List<Integer> burnDown = asAdmin(generatedPassword())
                .get("/api/organisations/" + DemoLoader.ODS_CODE + "/metrics/decommissioning/history")
                .then().statusCode(200).extract().jsonPath().getList("activeUserMailboxes", Integer.class);
        // counted from the committed exports (DemoDataGeneratorTest checks they only fall)
        assertEquals(List.of(618, 599, 573, 251, 63, 14, 5, 0), burnDown);
        asAdmin(generatedPassword()).get("/api/organisations/" + DemoLoader.ODS_CODE + "/metrics/decommissioning")
                .then().statusCode(200).body("activeUserMailboxes", equalTo(0))
                .body("decommissioningDate", equalTo("2026-06-30"));
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
