package io.migrationinsights.system;

import static io.migrationinsights.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.migrationinsights.support.Uploads;
import io.migrationinsights.support.Waits;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What an instance serves from memory while it cannot hear the other instances' changes ({@link Changes}):
 * nothing. The listening connection is ended from outside, as a database restart or a cut would end it, and
 * kept down (it connects again only after ten minutes here). Meanwhile a change made in the database
 * without a notice to this instance (as another instance's import or revocation whose notice was lost) is
 * in the very next answer. First, while it listens, the same kind of change is not seen: so the figure was
 * really kept, and the test could fail. PostgreSQL only (-Ppostgres); H2 has no other instances.
 */
@QuarkusTest
@TestProfile(ChangesTest.ReconnectLate.class)
class ChangesTest {

    /** The listener connects again only long after the test. */
    public static class ReconnectLate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("insights.changes.reconnect-wait", "10m");
        }
    }

    @Inject
    Changes changes;

    @Test
    void whileNotListeningNothingIsServedFromMemory() throws Exception {
        assumeTrue(Db.postgres(), "PostgreSQL only");
        String ods = Api.newOrganisation();
        Uploads.imported(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                a@nhs.net,A,2026-01-05,2026-01-06,active
                """.getBytes(StandardCharsets.UTF_8));
        String token = as("admin").contentType("application/json").body(Map.of("name", "listener test",
                "role", "viewer", "expiresAt", "2099-01-01", "organisations", List.of("*")))
                .post("/api/tokens").then().statusCode(201).extract().path("token");
        Waits.until("the listener connected", () -> changes.listening());

        // listening: kept, so a change by hand (announced by nobody) is not seen yet
        assertEquals(1, januaryCreated(ods));
        given().auth().oauth2(token).get("/api/organisations").then().statusCode(200);
        setJanuaryCreated(ods, 5);
        assertEquals(1, januaryCreated(ods));

        assertEquals(1, execute("select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                + "where datname = current_database() and application_name = '" + Changes.LISTENER_NAME + "'"));
        Waits.until("the listener lost", () -> !changes.listening());
        assertFalse(changes.listening());

        // not listening: read from the database every time
        assertEquals(5, januaryCreated(ods));
        setJanuaryCreated(ods, 7);
        assertEquals(7, januaryCreated(ods));
        given().auth().oauth2(token).get("/api/organisations").then().statusCode(200);
        execute("with revoked as (update api_token set revoked_at = current_timestamp where token_sha256 = '"
                + io.migrationinsights.users.TokenServiceAccess.sha256(token) + "' returning id) "
                + "select count(*) from revoked");
        given().auth().oauth2(token).get("/api/organisations").then().statusCode(401);
    }

    private static int januaryCreated(String ods) {
        return as("viewer").get("/api/organisations/" + ods + "/metrics/registrations?from=2026-01&to=2026-01")
                .then().statusCode(200).extract().path("[0].created");
    }

    private static void setJanuaryCreated(String ods, int created) throws Exception {
        execute("with changed as (update registration_month set created = " + created
                + " where year_number = 2026 and month_number = 1 and organisation_id = "
                + "(select id from organisation where ods_code = '" + ods + "') returning 1) select count(*) from changed");
    }

    /** Runs a query of one number outside the service's transactions. */
    private static long execute(String sql) throws Exception {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
