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
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pages next to the API, over plain HTTP: the form sign-in and its
 * session, pages sending signed-out visitors to sign in while API clients
 * keep their 401, form posts refused without their CSRF token, and refusals
 * of a page shown to a browser as a page while other clients get problem+json.
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
    /** What a browser sends when it follows a link or types an address. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserRefusedAnotherOrganisationsPageSeesAPageWithTheReasonAndTheSameStatus() {
        String mine = Api.newOrganisation();
        String theirs = Api.newOrganisation();
        Api.user("pages-" + mine.toLowerCase(), "viewer", List.of(mine));
        RequestSpecification browser = Api.signedIn("pages-" + mine.toLowerCase()).accept(BROWSER_ACCEPT);
        browser.get("/organisations/" + mine).then().statusCode(200);
        browser.get("/organisations/" + theirs + "/imports").then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("There is no organisation with ODS code " + theirs + " that you may use."))
                .body(containsString("<a href=\"/\">Back to your organisations</a>"))
                .body(not(containsString("\"status\"")));
        // the same refusal to a client that does not name HTML, and on the API whatever it names
        Api.signedIn("pages-" + mine.toLowerCase()).get("/organisations/" + theirs + "/imports").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("title", equalTo("Not found"));
        browser.get("/api/organisations/" + theirs).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aBrowserSeesForbiddenAndUnknownPagesAsPagesWithoutTheSignedInParts() {
        RequestSpecification browser = Api.as("viewer").accept(BROWSER_ACCEPT);
        browser.get("/users").then().statusCode(403).contentType(startsWith("text/html"))
                .body(containsString("<h1>Forbidden</h1>"))
                .body(containsString("Your role does not allow this. It needs the role admin."));
        // an address nothing serves is answered before any page code runs: no user, no form token to show
        Api.as("viewer").accept(BROWSER_ACCEPT).get("/organisations/" + Api.newOrganisation() + "/no-such-page")
                .then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("There is nothing at this address."))
                .body(not(containsString("Sign out")));
    }

    @Test
    void aBrowsersExpiredFormIsAPageSayingWhatToDo() {
        Api.as("pm").accept(BROWSER_ACCEPT).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").body("go=1").post("/sign-out")
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("<h1>Form expired</h1>"))
                .body(containsString("Go back, reload the page and send the form again."));
    }

    @Test
    void textFromTheAddressIsEscapedOnTheRefusalsPage() {
        Api.as("viewer").accept(BROWSER_ACCEPT).get("/organisations/<script>x/imports")
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(not(containsString("<script>")))
                .body(containsString("&lt;script&gt;"));
    }
}
