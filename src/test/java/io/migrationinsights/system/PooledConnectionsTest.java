package io.migrationinsights.system;

import static io.migrationinsights.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Pooled connections that PostgreSQL has ended (a restart, a failover, an idle
 * kill) are replaced when borrowed, so no request sees them: the backends are
 * ended from outside with pg_terminate_backend and every next request succeeds.
 * PostgreSQL only (-Ppostgres); skipped on the embedded H2, which has no server to end them.
 */
@QuarkusTest
class PooledConnectionsTest {

    static int terminateOtherBackends() throws Exception {
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) filter (where pg_terminate_backend(pid)) from "
                     + "pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void requestsAfterTheDatabaseEndedEveryPooledConnectionSucceed() throws Exception {
        assumeTrue(Db.postgres(), "PostgreSQL only");
        String ods = Api.newOrganisation();
        as("viewer"); // the user exists before the concurrent reads below sign in as it
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
