package io.migrationinsights.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages next to the API, over plain HTTP: the form sign-in and its
 * session, pages sending signed-out visitors to sign in while API clients
 * keep their 401, and form posts refused without their CSRF token.
 */
@QuarkusTest
class PagesTest {

    @Test
    void apiClientsStillGet401WithTheChallengeNotTheSignInPage() {
        given().redirects().follow(false).get("/api/organisations").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aSignedOutVisitorOfAPageIsSentToSignIn() {
        String ods = Api.newOrganisation();
        given().redirects().follow(false).get("/organisations/" + ods).then().statusCode(303)
                .header("Location", "http://localhost:" + io.restassured.RestAssured.port + "/");
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("action=\"/j_security_check\""));
    }

    @Test
    void theFormSignInStartsASessionThatOpensPagesAndAWrongPasswordComesBack() {
        String ods = Api.newOrganisation();
        Api.user("pages-pm", "pm", List.of(ods));
        given().redirects().follow(false).formParam("j_username", "pages-pm").formParam("j_password", "wrong-password")
                .post("/j_security_check").then().statusCode(303).header("Location", "/?signin=failed")
                .header("Set-Cookie", nullValue());
        Response signIn = given().redirects().follow(false).formParam("j_username", "pages-pm")
                .formParam("j_password", Api.PASSWORD).post("/j_security_check");
        signIn.then().statusCode(302).header("Set-Cookie", containsStringIgnoringCase("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Strict"));
        String session = signIn.cookie("insights-session");
        given().cookie("insights-session", session).get("/").then().statusCode(200)
                .body(containsString("/organisations/" + ods));
        given().cookie("insights-session", session).get("/organisations/" + ods).then().statusCode(200)
                .body(containsString("<h1>Overview</h1>"));
        given().cookie("insights-session", session).get("/api/organisations/" + ods).then().statusCode(200)
                .body("odsCode", equalTo(ods));
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefusedWithAReason() {
        Api.as("pm").redirects().follow(false).contentType("application/x-www-form-urlencoded").body("go=1")
                .post("/sign-out").then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Form expired"));
        String token = given().get("/").cookie("insights-csrf");
        Api.as("pm").redirects().follow(false).cookie("insights-csrf", token)
                .contentType("application/x-www-form-urlencoded").body("csrf-token=" + token).post("/sign-out")
                .then().statusCode(303).header("Location", not(containsString("j_security_check")));
    }
}
