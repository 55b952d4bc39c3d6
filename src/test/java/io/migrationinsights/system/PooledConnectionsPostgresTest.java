package io.migrationinsights.system;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.PostgresProfile;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pooled connections that PostgreSQL has ended (a restart, a failover, an idle
 * kill) are replaced when borrowed, so no request sees them: the backends are
 * ended from outside with pg_terminate_backend and every next request succeeds.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@Tag("postgres")
class PooledConnectionsPostgresTest {

    static int terminateOtherBackends() throws Exception {
        String url = System.getProperty("pgtest.url", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection c = DriverManager.getConnection(url, System.getProperty("pgtest.user", "postgres"), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) filter (where pg_terminate_backend(pid)) from "
                     + "pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void requestsAfterTheDatabaseEndedEveryPooledConnectionSucceed() throws Exception {
        String ods = Api.newOrganisation();
        // Several connections in the pool at once: concurrent reads.
        List<CompletableFuture<Integer>> warm = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            warm.add(CompletableFuture.supplyAsync(() -> as("viewer").get("/api/organisations/" + ods + "/imports")
                    .statusCode()));
        }
        for (CompletableFuture<Integer> w : warm) {
            assertEquals(200, w.get());
        }

        int ended = terminateOtherBackends();
        assertTrue(ended >= 1, "no pooled connection to end");

        for (int i = 0; i < 6; i++) {
            as("viewer").get("/api/organisations/" + ods + "/imports").then().log().ifValidationFails()
                    .statusCode(200);
        }
        Uploads.upload(ods, "staff", Uploads.csv("staff_id,business_unit,site,user_type,employment_status",
                "S1,HR,Oxford,standard,active")).then().log().ifValidationFails().statusCode(201);
    }
}
