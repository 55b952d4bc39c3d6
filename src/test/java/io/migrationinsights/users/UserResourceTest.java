package io.migrationinsights.users;

import static io.migrationinsights.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Users and sign-in (CONTRACT section 7). */
@QuarkusTest
class UserResourceTest {

    static final String GOOD_PASSWORD = "a-long-enough-secret";

    static String body(String password, String role) {
        return "{\"password\":\"" + password + "\",\"role\":\"" + role + "\"}";
    }

    static String newName() {
        return "user-" + Api.nextCode().toLowerCase() + "-" + System.nanoTime();
    }

    @Test
    void adminCreatesThenUpdatesUser() {
        String name = newName();
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "viewer")).put("/api/users/" + name)
                .then().log().ifValidationFails().statusCode(201)
                .body("username", equalTo(name)).body("role", equalTo("viewer"))
                .body(not(containsString(GOOD_PASSWORD)));
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD + "-2", "pm")).put("/api/users/" + name)
                .then().statusCode(200).body("role", equalTo("pm"));
    }

    @Test
    void newUserSignsInWithItsRole() {
        String name = newName();
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "viewer")).put("/api/users/" + name)
                .then().statusCode(201);
        String ods = Api.newOrganisation();
        given().auth().preemptive().basic(name, GOOD_PASSWORD).get("/api/organisations/" + ods).then().statusCode(200);
        given().auth().preemptive().basic(name, GOOD_PASSWORD).contentType("text/csv").body("staff_id\n".getBytes())
                .post("/api/organisations/" + ods + "/imports/staff").then().statusCode(403);
        given().auth().preemptive().basic(name, "wrong-password-123").get("/api/organisations/" + ods)
                .then().statusCode(401);

        // promoted to pm, the same user may import
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "pm")).put("/api/users/" + name)
                .then().statusCode(200);
        given().auth().preemptive().basic(name, GOOD_PASSWORD).contentType("text/csv")
                .body("staff_id,business_unit,site,user_type,employment_status\nS1,HR,Oxford,standard,active\n".getBytes())
                .post("/api/organisations/" + ods + "/imports/staff").then().statusCode(201);
    }

    @Test
    void refusesShortPassword() {
        String name = newName();
        as("admin").contentType("application/json").body(body("elevenchars", "pm")).put("/api/users/" + name)
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("12"))
                .body("errors[0].field", equalTo("password"));
        given().auth().preemptive().basic(name, "elevenchars").get("/api/organisations").then().statusCode(401);
        as("admin").contentType("application/json").body(body("twelve-chars", "pm")).put("/api/users/" + name)
                .then().statusCode(201);
    }

    @Test
    void refusesUnknownRole() {
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "superuser")).put("/api/users/" + newName())
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("role"))
                .body("errors[0].field", equalTo("role"));
        as("admin").contentType("application/json").body("{\"password\":\"" + GOOD_PASSWORD + "\"}")
                .put("/api/users/" + newName()).then().statusCode(422).body("errors[0].field", equalTo("role"));
        as("admin").contentType("application/json").body("{\"password\":\"short\",\"role\":\"boss\"}")
                .put("/api/users/" + newName()).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("password", "role"));
    }

    @Test
    void refusesNonAdmin() {
        for (String role : new String[] {"pm", "finance", "viewer"}) {
            as(role).contentType("application/json").body(body(GOOD_PASSWORD, "admin")).put("/api/users/" + newName())
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType("application/json").body(body(GOOD_PASSWORD, "admin")).put("/api/users/" + newName())
                .then().statusCode(401);
    }

    @Test
    void bootstrapAdminSignsInWithThePasswordFromConfig() {
        given().auth().preemptive().basic("admin", "test-admin-password-1").get("/api/organisations")
                .then().statusCode(200);
        given().auth().preemptive().basic("admin", "admin").get("/api/organisations").then().statusCode(401)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.equalTo(401));
    }

    @Test
    void healthAnswersWithoutSignIn() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void openApiAndMetricsNeedSignIn() {
        given().get("/q/openapi").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(401);
        as("viewer").get("/q/openapi").then().statusCode(200);
        as("viewer").get("/q/metrics").then().statusCode(200);
    }
}
