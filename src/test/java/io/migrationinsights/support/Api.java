package io.migrationinsights.support;

import static io.restassured.RestAssured.given;

import io.migrationinsights.users.UserService;
import io.quarkus.arc.Arc;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helpers: users with each role (created once per app start), HTTP as a
 * given role, and a fresh organisation per test so that no test depends on
 * another's data.
 */
public final class Api {

    public static final String PASSWORD = "quiet-ferret-lantern-42";
    /** The bootstrap admin's password in the test profile (%test.insights.admin-password). */
    public static final String ADMIN_PASSWORD = "Bramble-Otter-Quince-71";
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    /** A request signed in as a user with the given role (admin, pm, finance, viewer), granted every organisation. */
    public static RequestSpecification as(String role) {
        String user = "test-" + role;
        if (CREATED.add(user)) {
            Arc.container().instance(UserService.class).get().save(user, PASSWORD, role, List.of("*"));
        }
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    /** Creates (or updates) a user with a role and the organisations granted to it; the password is {@link #PASSWORD}. */
    public static void user(String name, String role, List<String> organisations) {
        Arc.container().instance(UserService.class).get().save(name, PASSWORD, role, organisations);
    }

    /** A request signed in as a user made with {@link #user}. */
    public static RequestSpecification signedIn(String name) {
        return signedInAs(name, PASSWORD);
    }

    /** A request with HTTP Basic credentials. */
    public static RequestSpecification signedInAs(String name, String password) {
        return given().auth().preemptive().basic(name, password);
    }

    /** Creates an organisation with a code no other test uses, and returns the code. */
    public static String newOrganisation() {
        String ods = nextCode();
        as("admin").contentType("application/json").body("{\"name\":\"Test organisation " + ods + "\"}")
                .put("/api/organisations/" + ods).then().statusCode(201);
        return ods;
    }

    /** A unique, valid ODS code: a letter, then a base-36 sequence, then a random tail. */
    public static String nextCode() {
        int n = SEQUENCE.incrementAndGet();
        String tail = Integer.toString((int) (System.nanoTime() % 1296 + 1296) % 1296, 36).toUpperCase();
        return ("T" + Integer.toString(n, 36).toUpperCase() + tail + "000").substring(0, 5);
    }
}
