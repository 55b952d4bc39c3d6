package io.migrationinsights.users;

import static io.migrationinsights.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Users, their grants, passwords and sign-in (CONTRACT section 7). */
@QuarkusTest
class UserResourceTest {

    static final String GOOD_PASSWORD = "velvet-harbour-kettle-19";

    static String body(String password, String role, String organisations) {
        return "{\"password\":\"" + password + "\",\"role\":\"" + role + "\""
                + (organisations == null ? "" : ",\"organisations\":" + organisations) + "}";
    }

    static String newName() {
        return "user-" + Api.nextCode().toLowerCase() + "-" + System.nanoTime();
    }

    @Test
    void adminCreatesThenUpdatesUserKeepingOmittedFields() {
        String name = newName();
        String ods = Api.newOrganisation();
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "viewer", "[\"" + ods + "\"]"))
                .put("/api/users/" + name)
                .then().log().ifValidationFails().statusCode(201)
                .body("username", equalTo(name)).body("role", equalTo("viewer"))
                .body("organisations", contains(ods))
                .body(not(containsString(GOOD_PASSWORD)));
        // only the role: password and organisations are kept
        as("admin").contentType("application/json").body("{\"role\":\"pm\"}").put("/api/users/" + name)
                .then().statusCode(200).body("role", equalTo("pm")).body("organisations", contains(ods));
        Api.signedInAs(name, GOOD_PASSWORD).get("/api/organisations/" + ods).then().statusCode(200);
    }

    @Test
    void listsUsersWithRoleOrganisationsAndLastSignInButNoHash() {
        String name = newName();
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "finance", "[\"*\"]"))
                .put("/api/users/" + name).then().statusCode(201);
        String before = as("admin").get("/api/users").then().statusCode(200)
                .body("find { it.username == '" + name + "' }.role", equalTo("finance"))
                .body("find { it.username == '" + name + "' }.organisations", contains("*"))
                .body("find { it.username == '" + name + "' }.createdAt", notNullValue())
                .body("find { it.username == '" + name + "' }.lastSignInAt", nullValue())
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(before, not(containsString("$2a$")));
        org.hamcrest.MatcherAssert.assertThat(before, not(containsString("password")));
        Api.signedInAs(name, GOOD_PASSWORD).get("/api/organisations").then().statusCode(200);
        as("admin").get("/api/users").then()
                .body("find { it.username == '" + name + "' }.lastSignInAt", notNullValue());
    }

    @Test
    void requiresOrganisationsForNewNonAdminUsers() {
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "pm", null)).put("/api/users/" + newName())
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("organisations"));
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "pm", "[\"not a code\"]"))
                .put("/api/users/" + newName()).then().statusCode(422).body("detail", containsString("ODS code"));
        // an admin acts on every organisation and needs none
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "admin", null))
                .put("/api/users/" + newName()).then().statusCode(201).body("organisations", contains("*"));
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "elevenchars|at least 12 characters",
        "password1234|too easy to guess",
        "qwertyuiop123|too easy to guess",
        "aaaaaaaaaaaaaaaa|too easy to guess",
        "SAMENAME|must not be the user name"})
    void refusesWeakPasswordsWithTheReason(String password, String reason) {
        String name = "same-name-user-" + System.nanoTime() % 100000;
        String pw = password.equals("SAMENAME") ? name : password;
        as("admin").contentType("application/json").body(body(pw, "pm", "[\"*\"]")).put("/api/users/" + name)
                .then().log().ifValidationFails().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(reason));
        Api.signedInAs(name, pw).get("/api/organisations").then().statusCode(401);
    }

    @Test
    void refusesUnknownRole() {
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "superuser", "[\"*\"]"))
                .put("/api/users/" + newName())
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString("role"));
        as("admin").contentType("application/json").body("{\"password\":\"" + GOOD_PASSWORD + "\"}")
                .put("/api/users/" + newName()).then().statusCode(422).body("detail", containsString("role"));
        as("admin").contentType("application/json").body("{\"password\":\"short\",\"role\":\"boss\"}")
                .put("/api/users/" + newName()).then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.contains("password", "role"));
    }

    @Test
    void refusesNonAdminWithTheRoleNeeded() {
        for (String role : new String[] {"pm", "finance", "viewer"}) {
            as(role).contentType("application/json").body(body(GOOD_PASSWORD, "admin", null)).put("/api/users/" + newName())
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("needs the role admin"));
        }
        given().contentType("application/json").body(body(GOOD_PASSWORD, "admin", null)).put("/api/users/" + newName())
                .then().statusCode(401);
    }

    @Test
    void deletingUserEndsItsAccessAndRevokesItsTokensAtOnce() {
        String name = newName();
        as("admin").contentType("application/json").body(body(GOOD_PASSWORD, "admin", null)).put("/api/users/" + name)
                .then().statusCode(201);
        String token = Api.signedInAs(name, GOOD_PASSWORD).contentType("application/json")
                .body("{\"name\":\"ci\",\"role\":\"viewer\",\"expiresAt\":\"2099-01-01\",\"organisations\":[\"*\"]}")
                .post("/api/tokens").then().statusCode(201).extract().path("token");
        given().auth().oauth2(token).get("/api/organisations").then().statusCode(200);
        Api.signedInAs(name, GOOD_PASSWORD).get("/api/organisations").then().statusCode(200);

        as("admin").delete("/api/users/" + name).then().statusCode(204);

        Api.signedInAs(name, GOOD_PASSWORD).get("/api/organisations").then().statusCode(401);
        given().auth().oauth2(token).get("/api/organisations").then().statusCode(401);
        as("admin").get("/api/users").then().body("username", not(hasItem(name)));
        as("admin").delete("/api/users/" + name).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesDeletingYourself() {
        as("admin").delete("/api/users/test-admin").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void bootstrapAdminSignsInWithThePasswordFromConfig() {
        Api.signedInAs("admin", Api.ADMIN_PASSWORD).get("/api/organisations").then().statusCode(200);
        Api.signedInAs("admin", "admin").get("/api/organisations").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void healthAnswersWithoutSignIn() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void openApiAndMetricsNeedSignInAndAnswerProblemJsonWithTheRealm() {
        for (String path : new String[] {"/q/openapi", "/q/metrics", "/q/swagger-ui/"}) {
            given().get(path).then().log().ifValidationFails().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("realm=\"Migration Insights\""))
                    .body("status", equalTo(401)).body("detail", containsString("Migration Insights"));
            Api.signedInAs("admin", "wrong-password-for-q").get(path).then().statusCode(401)
                    .contentType("application/problem+json");
        }
        as("viewer").get("/q/openapi").then().statusCode(200);
        as("viewer").get("/q/metrics").then().statusCode(200);
    }
}
