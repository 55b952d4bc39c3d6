package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.metrics.MetricsFixtures.uploadFile;
import static io.migrationinsights.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.support.Api;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON shapes of CONTRACT section 4, who may read what, and parameter checks. */
@QuarkusTest
class MetricsApiTest {

    static String path(String ods, String rest) {
        return "/api/organisations/" + ods + "/" + rest;
    }

    @Test
    void servesRegistrationsOneRowPerMonthIncludingEmptyMonths() {
        String ods = Api.newOrganisation();
        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                a@nhs.net,A,2026-01-31,2026-03-01,active
                b@nhs.net,B,2026-02-01,,pending
                x@nhs.net,X,2026-02-01,2026-02-02,deleted
                """);
        as("viewer").get(path(ods, "metrics/registrations?from=2026-01&to=2026-03")).then().statusCode(200)
                .body("", hasSize(3))
                .body("month", equalTo(List.of("2026-01", "2026-02", "2026-03")))
                .body("created", equalTo(List.of(1, 1, 0)))
                .body("registered", equalTo(List.of(0, 0, 1)))
                .body("cumulativeRegistered", equalTo(List.of(0, 0, 1)));
        as("finance").get(path(ods, "metrics/accounts-needed?period=2026-01")).then().statusCode(200)
                .body("period", equalTo("2026-01")).body("accountsNeededNextMonth", equalTo(0));
    }

    /** The registration months are a summary kept by each accepted import: a refused one leaves them, a new snapshot replaces them. */
    @Test
    void registrationsFollowEachAcceptedSnapshotAndNoRefusedOne() {
        String ods = Api.newOrganisation();
        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                a@nhs.net,A,2025-12-01,2025-12-02,active
                b@nhs.net,B,2026-01-05,2026-02-01,active
                """);
        Uploads.upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                c@nhs.net,C,2026-01-05,2026-02-01,active
                c@nhs.net,C,2026-01-05,2026-02-01,active
                """).then().statusCode(422);
        as("viewer").get(path(ods, "metrics/registrations?from=2026-01&to=2026-02")).then().statusCode(200)
                .body("created", equalTo(List.of(1, 0))).body("registered", equalTo(List.of(0, 1)))
                .body("cumulativeRegistered", equalTo(List.of(1, 2)));
        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                b@nhs.net,B,2026-01-05,2026-01-20,active
                d@nhs.net,D,2026-02-03,2026-02-04,deleted
                """);
        as("viewer").get(path(ods, "metrics/registrations?from=2026-01&to=2026-02")).then().statusCode(200)
                .body("created", equalTo(List.of(1, 0))).body("registered", equalTo(List.of(1, 0)))
                .body("cumulativeRegistered", equalTo(List.of(1, 1)));
    }

    /**
     * Registrations are kept in memory once read (RegistrationMetrics): read again right after the next import,
     * the range and the return's draft already have that import's numbers, and an upload of the same file again
     * (a duplicate, rolled back) changes nothing.
     */
    @Test
    void registrationsReadRightAfterAnImportHaveItsNumbers() {
        String ods = Api.newOrganisation();
        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                a@nhs.net,A,2025-11-03,2025-11-04,active
                b@nhs.net,B,2026-02-10,2026-03-02,active
                """);
        String range = path(ods, "metrics/registrations?from=2026-01&to=2026-03");
        String draft = "/api/organisations/" + ods + "/returns/2026-03?draft=true";
        as("viewer").get(range).then().statusCode(200)
                .body("created", equalTo(List.of(0, 1, 0))).body("registered", equalTo(List.of(0, 0, 1)))
                .body("cumulativeRegistered", equalTo(List.of(1, 1, 2)));
        as("viewer").accept("application/json").get(draft).then().statusCode(200)
                .body("figures.ACC_CREATED", equalTo(0)).body("figures.ACC_REGISTERED", equalTo(1))
                .body("figures.ACC_REGISTERED_CUMULATIVE", equalTo(2));

        // A is deleted now (counts nowhere, also not before the range); C and D are new
        String second = """
                email,staff_id,created_date,registered_date,status
                a@nhs.net,A,2025-11-03,2025-11-04,deleted
                b@nhs.net,B,2026-02-10,2026-03-02,active
                c@nhs.net,C,2026-03-05,2026-03-06,active
                d@nhs.net,D,2025-12-01,2026-01-15,active
                """;
        upload(ods, "nhsmail-accounts", second);
        for (int twice = 0; twice < 2; twice++) {
            as("viewer").get(range).then().statusCode(200)
                    .body("created", equalTo(List.of(0, 1, 1))).body("registered", equalTo(List.of(1, 0, 2)))
                    .body("cumulativeRegistered", equalTo(List.of(1, 1, 3)));
            as("viewer").accept("application/json").get(draft).then().statusCode(200)
                    .body("figures.ACC_CREATED", equalTo(1)).body("figures.ACC_REGISTERED", equalTo(2))
                    .body("figures.ACC_REGISTERED_CUMULATIVE", equalTo(3));
            Uploads.upload(ods, "nhsmail-accounts", second).then().statusCode(200);
        }
    }

    @Test
    void servesMigrationCountingAppointmentsDatedOnTheAsOfDay() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", """
                staff_id,business_unit,site,user_type,employment_status
                A,HR,Oxford,standard,active
                B,IT,Reading,standard,active
                """);
        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                A,Oxford,rollout,2026-02-27,migrated
                B,Reading,rollout,2026-02-28,migrated
                C,Reading,rollout,2026-02-27,unavailable
                """);
        as("viewer").get(path(ods, "metrics/migration?asOf=2026-02-27")).then().statusCode(200)
                .body("inScope", equalTo(2)).body("migrated", equalTo(1)).body("outstanding", equalTo(1))
                .body("unavailableOnDesignatedDay", equalTo(0)).body("washupMigrated", equalTo(0))
                .body("washupOutstanding", equalTo(0)).body("unscheduled", equalTo(0))
                .body("perDay", hasSize(1)).body("perDay[0].date", equalTo("2026-02-27"))
                .body("perDay[0].planned", equalTo(2)).body("perDay[0].migrated", equalTo(1))
                .body("perUserType.name", equalTo(List.of("standard")))
                .body("perUserType.inScope", equalTo(List.of(2))).body("perUserType.migrated", equalTo(List.of(1)))
                .body("perSite.name", equalTo(List.of("Oxford", "Reading")))
                .body("perSite.migrated", equalTo(List.of(1, 0)))
                .body("perBusinessUnit.name", equalTo(List.of("HR", "IT")))
                .body("perBusinessUnit.inScope", equalTo(List.of(1, 1)));
        as("pm").get(path(ods, "metrics/migration")).then().statusCode(200).body("migrated", equalTo(2));
    }

    @Test
    void servesServiceDeskWithNullReductionForAnEmptyBaseline() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "tickets", MetricsServiceDeskTest.TICKETS);
        as("viewer").get(path(ods, "metrics/service-desk?baselineFrom=2026-01&baselineTo=2026-02"
                        + "&comparisonFrom=2026-04&comparisonTo=2026-05")).then().statusCode(200)
                .body("baselinePerMonth", equalTo(2.0f)).body("comparisonPerMonth", equalTo(1.5f))
                .body("reductionPercent", equalTo(25.0f))
                .body("byCategory", hasSize(ImportKind.TICKET_CATEGORIES.size()))
                .body("byCategory[0].category", equalTo("password_reset"))
                .body("migrationRelated.baseline", equalTo(2)).body("migrationRelated.comparison", equalTo(1))
                .body("floorwalkerResolved.baseline", equalTo(1))
                .body("medianHoursToResolve.comparison", equalTo(1.0f));
        as("viewer").get(path(ods, "metrics/service-desk?baselineFrom=2025-01&baselineTo=2025-02"
                        + "&comparisonFrom=2026-04&comparisonTo=2026-05")).then().statusCode(200)
                .body("$", hasKey("reductionPercent")).body("reductionPercent", nullValue())
                .body("medianHoursToResolve.baseline", nullValue());
    }

    @Test
    void servesSavingsWithTheCashableSplit() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "finance", "savings-lines.csv");
        String body = as("finance").get(path(ods, "metrics/savings?asOf=2026-03-01")).then().statusCode(200)
                .body("asOf", equalTo("2026-03-01"))
                .body("cashable.netSaving", equalTo(-770.0f))
                .body("nonCashable.costAvoided", equalTo(80.0f))
                .extract().asString();
        // money keeps its two decimals in the JSON
        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"netSaving\":-790.00"));
        org.hamcrest.MatcherAssert.assertThat(body, containsString("\"costAvoided\":330.00"));
    }

    @Test
    void servesBenefitRagAsOfADate() {
        String ods = MetricsBenefitsTest.load();
        as("viewer").get(path(ods, "metrics/benefits?asOf=2026-06-30")).then().statusCode(200)
                .body("benefitId", equalTo(List.of("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9")))
                .body("rag", equalTo(List.of("green", "amber", "red", "green", "amber", "red", "grey", "grey", "green")));
        // without asOf: today, the tests' fixed clock (15 April 2026), when only B3's January measurement exists
        as("viewer").get(path(ods, "metrics/benefits")).then().statusCode(200)
                .body("rag", equalTo(List.of("grey", "grey", "amber", "grey", "grey", "grey", "grey", "grey", "grey")));
    }

    @Test
    void reconciliationMembersOnlyForPmAndAdmin() {
        String ods = MetricsReconciliationTest.load();
        for (String role : List.of("viewer", "finance")) {
            as(role).get(path(ods, "reconciliation")).then().statusCode(200)
                    .body("membersIncluded", equalTo(false))
                    .body("classes", hasSize(8))
                    .body("classes[0].name", equalTo("on_nhsmail")).body("classes[0].count", equalTo(2))
                    .body("classes.find { it.name == 'orphan_nhsmail_account' }.count", equalTo(3))
                    .body("classes[0]", not(hasKey("members")))
                    .body(not(containsString("S1")));
        }
        for (String role : List.of("pm", "admin")) {
            as(role).get(path(ods, "reconciliation")).then().statusCode(200)
                    .body("membersIncluded", equalTo(true))
                    .body("classes[0].members.staffId", equalTo(List.of("S1", "S6")))
                    .body("classes[0].members[0].name", equalTo("Ann Able"))
                    .body("classes[0].members[0].account", equalTo("ann@nhs.net"));
        }
        given().get(path(ods, "reconciliation")).then().statusCode(401);
    }

    @Test
    void anonymousCallersMustSignIn() {
        String ods = Api.newOrganisation();
        for (String rest : List.of("metrics/registrations?from=2026-01&to=2026-02", "metrics/migration",
                "metrics/savings?asOf=2026-01-01", "metrics/benefits", "metrics/decommissioning",
                "metrics/inactivity-risk", "metrics/service-desk?baselineFrom=2026-01&baselineTo=2026-01"
                        + "&comparisonFrom=2026-02&comparisonTo=2026-02")) {
            given().get(path(ods, rest)).then().statusCode(401);
        }
    }

    @Test
    void refusesMalformedMonthsAndReversedRanges() {
        String ods = Api.newOrganisation();
        expect400(ods, "metrics/registrations?from=2026-13&to=2026-12", "'2026-13' is not a month for 'from'");
        expect400(ods, "metrics/registrations?from=2026-1&to=2026-12", "'2026-1' is not a month");
        expect400(ods, "metrics/registrations?from=March&to=2026-12", "use YYYY-MM");
        expect400(ods, "metrics/registrations?from=2026-05&to=2026-04", "'from' (2026-05) is after 'to' (2026-04)");
        expect400(ods, "metrics/registrations?to=2026-04", "'from' is required");
        expect400(ods, "metrics/service-desk?baselineFrom=2026-01&baselineTo=2026-02&comparisonFrom=2026-04",
                "'comparisonTo' is required");
        expect400(ods, "metrics/service-desk?baselineFrom=2026-01&baselineTo=2026-02&comparisonFrom=2026-05"
                + "&comparisonTo=2026-04", "'comparisonFrom' (2026-05) is after 'comparisonTo' (2026-04)");
        expect400(ods, "metrics/accounts-needed", "'period' is required");
    }

    @Test
    void refusesImpossibleAndMissingDates() {
        String ods = Api.newOrganisation();
        expect400(ods, "metrics/savings?asOf=2026-02-30", "'2026-02-30' is not a date in the calendar");
        expect400(ods, "metrics/savings", "'asOf' is required");
        expect400(ods, "metrics/migration?asOf=31/01/2026", "use YYYY-MM-DD");
        expect400(ods, "metrics/benefits?asOf=2026-13-01", "not a date in the calendar");
        expect400(ods, "metrics/decommissioning?asOf=yesterday", "use YYYY-MM-DD");
    }

    @Test
    void unknownOrganisationIsNotFound() {
        String unknown = Api.nextCode();
        for (String rest : List.of("metrics/registrations?from=2026-01&to=2026-02", "metrics/migration",
                "metrics/savings?asOf=2026-01-01", "reconciliation", "metrics/benefits")) {
            as("viewer").get(path(unknown, rest)).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", containsString(unknown));
        }
        as("viewer").get(path("bad", "reconciliation")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void openApiStatesTheDefinitions() {
        String spec = as("viewer").accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        for (String definition : List.of("cumulativeRegistered = accounts with registered_date on or before",
                "reductionPercent = (baseline - comparison) / baseline x 100",
                "netSaving = costAvoided + legacyRunningSaved - projectCost - newRunningCost",
                "shared_mailbox_without_valid_owner = shared mailboxes",
                "amber when it has moved at least half way", "created_date + 30 days")) {
            org.hamcrest.MatcherAssert.assertThat(spec, containsString(definition));
        }
    }

    static void expect400(String ods, String rest, String detail) {
        as("viewer").get(path(ods, rest)).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString(detail));
    }
}
