package io.migrationinsights.organisations;

import static io.migrationinsights.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** PUT creates or renames, GET lists and reads one (CONTRACT section 1). */
@QuarkusTest
class OrganisationResourceTest {

    static String body(String name) {
        return "{\"name\":\"" + name + "\"}";
    }

    @Test
    void createsThenRenames() {
        String ods = Api.nextCode();
        as("admin").contentType("application/json").body(body("Oxford Health")).put("/api/organisations/" + ods)
                .then().log().ifValidationFails().statusCode(201)
                .body("odsCode", equalTo(ods)).body("name", equalTo("Oxford Health"));
        as("admin").contentType("application/json").body(body("Oxford Health NHS FT")).put("/api/organisations/" + ods)
                .then().statusCode(200).body("name", equalTo("Oxford Health NHS FT"));
        as("viewer").get("/api/organisations/" + ods).then().statusCode(200)
                .body("odsCode", equalTo(ods)).body("name", equalTo("Oxford Health NHS FT"));
    }

    @Test
    void showsACreationOrARenameAtTheNextRequestAfterReadingTheOrganisation() {
        String ods = Api.nextCode();
        // unknown, then created: nothing remembers that it was missing
        as("viewer").get("/api/organisations/" + ods).then().statusCode(404);
        as("viewer").get("/api/organisations/" + ods + "/metrics/registrations?from=2026-01&to=2026-01")
                .then().statusCode(404);
        as("admin").contentType("application/json").body(body("Before")).put("/api/organisations/" + ods)
                .then().statusCode(201);
        as("viewer").get("/api/organisations/" + ods).then().statusCode(200).body("name", equalTo("Before"));
        as("viewer").get("/api/organisations/" + ods + "/metrics/registrations?from=2026-01&to=2026-01")
                .then().statusCode(200);
        // read (and so remembered), then renamed with recipients: the next read shows both
        as("admin").contentType("application/json")
                .body("{\"name\":\"After\",\"returnRecipients\":[\"lead@example.nhs.uk\"]}")
                .put("/api/organisations/" + ods).then().statusCode(200);
        as("admin").get("/api/organisations/" + ods).then().statusCode(200).body("name", equalTo("After"))
                .body("returnRecipients", contains("lead@example.nhs.uk"));
        as("viewer").get("/api/organisations/" + ods).then().statusCode(200).body("name", equalTo("After"))
                .body("returnRecipients", equalTo(null));
    }

    @Test
    void listsOrganisations() {
        String ods = Api.newOrganisation();
        as("viewer").get("/api/organisations").then().statusCode(200)
                .body("odsCode", hasItem(ods))
                .body("find { it.odsCode == '" + ods + "' }.name", equalTo("Test organisation " + ods));
    }

    @Test
    void answersNotFoundForUnknownOrganisation() {
        as("viewer").get("/api/organisations/ZZ9Z9").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("ZZ9Z9"));
    }

    @Test
    void refusesMalformedOdsCode() {
        as("admin").contentType("application/json").body(body("Lower")).put("/api/organisations/rxy")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("ODS code"))
                .body("errors.field", contains("ods"));
        as("admin").contentType("application/json").body(body("Long")).put("/api/organisations/ABCDEF")
                .then().statusCode(400);
        as("admin").contentType("application/json").body(body("Short")).put("/api/organisations/AB")
                .then().statusCode(400);
        as("viewer").get("/api/organisations/r-x").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesMissingOrBlankName() {
        String ods = Api.nextCode();
        as("admin").contentType("application/json").body("{}").put("/api/organisations/" + ods)
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("name"))
                .body("errors.field", contains("name"));
        as("admin").contentType("application/json").body(body("  ")).put("/api/organisations/" + ods)
                .then().statusCode(422).body("errors.field", contains("name"));
        as("admin").contentType("application/json").body(body("x".repeat(201))).put("/api/organisations/" + ods)
                .then().statusCode(422).body("errors[0].message", containsString("200"));
        as("admin").contentType("application/json").body("{\"name\": {\"first\": \"Oxford\"}}")
                .put("/api/organisations/" + ods).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("name")).body("detail", not(containsString("java")));
        as("admin").contentType("application/json").put("/api/organisations/" + ods)
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", contains("body"));
        as("viewer").get("/api/organisations/" + ods).then().statusCode(404);
    }

    @Test
    void refusesInvalidJson() {
        as("admin").contentType("application/json").body("{name:").put("/api/organisations/" + Api.nextCode())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void letsOnlyAdminCreateAndAdminOrProjectManagerRename() {
        String ods = Api.nextCode();
        as("pm").contentType("application/json").body(body("P")).put("/api/organisations/" + ods)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("admin"));
        String existing = Api.newOrganisation();
        as("pm").contentType("application/json").body(body("Renamed by pm")).put("/api/organisations/" + existing)
                .then().statusCode(200).body("name", equalTo("Renamed by pm"));
        as("viewer").contentType("application/json").body(body("V")).put("/api/organisations/" + ods)
                .then().statusCode(403);
        as("finance").contentType("application/json").body(body("F")).put("/api/organisations/" + ods)
                .then().statusCode(403);
        given().contentType("application/json").body(body("A")).put("/api/organisations/" + ods)
                .then().statusCode(401);
        given().get("/api/organisations").then().statusCode(401);
        as("viewer").get("/api/organisations/" + ods).then().statusCode(404);
    }
}
