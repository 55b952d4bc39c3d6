package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsApiTest.path;
import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures kept in memory between imports ({@link ImportedFigures}): each is read, an import changes its
 * rows, and the next read shows the import, through the API as a user sees it.
 */
@QuarkusTest
class ImportedFiguresTest {

    @Test
    void everyKeptFigureShowsTheNextImportAtOnce() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", """
                staff_id,business_unit,site,user_type,employment_status
                A,HR,Oxford,standard,active
                B,HR,Reading,standard,active
                """);
        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                A,Oxford,rollout,2026-03-02,migrated
                B,Reading,rollout,2026-04-07,scheduled
                """);
        // read once (and kept): two need an account, A migrated, Oxford live, B needs one in April
        as("viewer").get(path(ods, "reconciliation")).then().statusCode(200)
                .body("classes.find { it.name == 'needs_account' }.count", equalTo(2))
                .body("classes.find { it.name == 'on_nhsmail' }.count", equalTo(0));
        as("viewer").get(path(ods, "metrics/migration?asOf=2026-04-30")).then().statusCode(200)
                .body("migrated", equalTo(1)).body("unscheduled", equalTo(1));
        as("viewer").get(path(ods, "metrics/go-live")).then().statusCode(200)
                .body("site", equalTo(List.of("Oxford")));
        as("viewer").get(path(ods, "metrics/accounts-needed?period=2026-03")).then().statusCode(200)
                .body("accountsNeededNextMonth", equalTo(1));

        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                a@nhs.net,A,2026-02-20,2026-02-21,active
                b@nhs.net,B,2026-03-10,,active
                """);
        as("viewer").get(path(ods, "reconciliation")).then().statusCode(200)
                .body("classes.find { it.name == 'needs_account' }.count", equalTo(0))
                .body("classes.find { it.name == 'on_nhsmail' }.count", equalTo(1))
                .body("classes.find { it.name == 'awaiting_registration' }.count", equalTo(1));
        as("viewer").get(path(ods, "metrics/accounts-needed?period=2026-03")).then().statusCode(200)
                .body("accountsNeededNextMonth", equalTo(0));

        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                A,Oxford,rollout,2026-03-02,unavailable
                B,Reading,rollout,2026-04-07,migrated
                """);
        as("viewer").get(path(ods, "metrics/migration?asOf=2026-04-30")).then().statusCode(200)
                .body("migrated", equalTo(1)).body("unavailableOnDesignatedDay", equalTo(1))
                .body("perSite.find { it.name == 'Reading' }.migrated", equalTo(1));
        as("viewer").get(path(ods, "metrics/go-live")).then().statusCode(200)
                .body("", hasSize(1)).body("site", equalTo(List.of("Reading")));
    }
}
