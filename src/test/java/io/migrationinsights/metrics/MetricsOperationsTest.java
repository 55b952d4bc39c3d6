package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.org;
import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.metrics.MetricsFixtures.uploadFile;
import static io.migrationinsights.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decommissioning tracker, inactivity risk and the Prometheus headline gauges. */
@QuarkusTest
class MetricsOperationsTest {

    @Inject
    DecommissioningMetrics decommissioning;
    @Inject
    InactivityRiskMetrics inactivity;
    @Inject
    HeadlineGauges gauges;

    @Test
    void recordsOneBurnDownPointPerAcceptedLegacyImportAndNeverRecomputesIt() {
        String ods = Api.newOrganisation();
        String imports = "/api/organisations/" + ods + "/imports/legacy-accounts";
        String history = "/api/organisations/" + ods + "/metrics/decommissioning/history";
        as("viewer").get(history).then().statusCode(200).body("", hasSize(0));
        // a@ and b@ are active user mailboxes; the disabled c@ and the shared s@ do not count
        int first = as("pm").contentType("text/csv").body(Uploads.fixture("metrics/decommissioning-legacy.csv"))
                .post(imports).then().statusCode(201).extract().path("importId");
        // a refused file (bad status on row 3) records nothing
        as("pm").contentType("text/csv").body("""
                account,mailbox_type,status
                a@trust.nhs.uk,user,active
                b@trust.nhs.uk,user,retired
                """).post(imports).then().statusCode(422).body("errors[0].row", equalTo(3));
        // other kinds record nothing
        uploadFile(ods, "finance", "decommissioning-finance.csv");
        String second = """
                account,mailbox_type,status
                a@trust.nhs.uk,user,active
                b@trust.nhs.uk,user,inactive
                r@trust.nhs.uk,resource,active
                """;
        int secondId = as("pm").contentType("text/csv").body(second).post(imports).then().statusCode(201)
                .extract().path("importId");
        // the same bytes again are no new import, so no new point
        as("pm").contentType("text/csv").body(second).post(imports).then().statusCode(200)
                .body("duplicate", equalTo(true));
        // an approved exception changes the tracker's split, never a recorded point
        as("pm").contentType("application/json").body("{\"reason\": \"Legal hold\"}")
                .put("/api/organisations/" + ods + "/metrics/decommissioning/exceptions/a@trust.nhs.uk")
                .then().statusCode(201);
        int emptyId = as("pm").contentType("text/csv").body("account,mailbox_type,status\n")
                .post(imports + "?allowEmpty=true").then().statusCode(201).extract().path("importId");

        as("viewer").get(history).then().statusCode(200)
                .body("importId", equalTo(List.of(first, secondId, emptyId)))
                .body("activeUserMailboxes", equalTo(List.of(2, 1, 0)))
                // the fixed test clock, 15 April 2026 09:30:00.123456789 UTC, as both databases store it
                // (rounded to microseconds)
                .body("importedAt", equalTo(List.of("2026-04-15T09:30:00.123457Z", "2026-04-15T09:30:00.123457Z",
                        "2026-04-15T09:30:00.123457Z")));
        as("viewer").get("/api/organisations/" + ods + "/metrics/decommissioning").then().statusCode(200)
                .body("activeUserMailboxes", equalTo(0));
    }

    /** Active user mailboxes a@ and b@; legacy running costs ending 30 June and 30 September 2026. */
    static String decommissioningOrganisation() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "legacy-accounts", "decommissioning-legacy.csv");
        uploadFile(ods, "finance", "decommissioning-finance.csv");
        return ods;
    }

    @Test
    void tracksActiveUserMailboxesAgainstTheLatestLegacyEndDate() {
        String ods = decommissioningOrganisation();
        Decommissioning d = decommissioning.tracker(org(ods), LocalDate.of(2026, 9, 1), true);
        assertEquals(LocalDate.of(2026, 9, 30), d.decommissioningDate());
        assertEquals("finance", d.dateSource());
        assertEquals(29L, d.daysLeft());
        assertEquals(2, d.activeUserMailboxes());
        assertEquals(0, d.onException());
        assertEquals(List.of(new Decommissioning.Mailbox("a@trust.nhs.uk", "A", false),
                new Decommissioning.Mailbox("b@trust.nhs.uk", "B", false)), d.mailboxes());

        // an open-ended exception (no keepUntil); the address matches whatever its case
        assertEquals(true, decommissioning.approveException(org(ods), "A@Trust.nhs.uk", "Legal hold", null, "tester",
                Instant.parse("2026-09-01T10:00:00Z")));
        Decommissioning after = decommissioning.tracker(org(ods), LocalDate.of(2026, 9, 1), true);
        assertEquals(1, after.onException());
        assertEquals(1, after.withoutException());
        assertEquals(new Decommissioning.ApprovedException("a@trust.nhs.uk", "Legal hold", null, "tester",
                Instant.parse("2026-09-01T10:00:00Z"), true), after.exceptions().get(0));
        assertEquals(true, after.mailboxes().get(0).onException());
    }

    @Test
    void pmRecordsExceptionsAndOverridesTheDate() {
        String ods = decommissioningOrganisation();
        String base = "/api/organisations/" + ods + "/metrics/decommissioning";
        as("pm").contentType("application/json").body("{\"reason\":\"Board paper 12: legal hold\",\"keepUntil\":\"2026-12-31\"}")
                .put(base + "/exceptions/B@trust.nhs.uk").then().statusCode(201);
        as("pm").contentType("application/json").body("{\"reason\":\"Extended to March\",\"keepUntil\":\"2027-03-31\"}")
                .put(base + "/exceptions/b@trust.nhs.uk").then().statusCode(200);
        as("viewer").contentType("application/json").body("{\"reason\":\"no\"}")
                .put(base + "/exceptions/a@trust.nhs.uk").then().statusCode(403);
        as("pm").contentType("application/json").body("{}")
                .put(base + "/exceptions/a@trust.nhs.uk").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        as("admin").contentType("application/json").body("{\"date\":\"2026-10-31\"}")
                .put(base + "/date").then().statusCode(200).body("dateSource", equalTo("setting"))
                // answered as of today, the tests' fixed clock: 15 April to 31 October 2026
                .body("daysLeft", equalTo(199));
        as("admin").contentType("application/json").body("{\"date\":\"2026-02-30\"}")
                .put(base + "/date").then().statusCode(422).body("detail", containsString("not a date in the calendar"))
                .body("errors[0].field", equalTo("date"));

        as("pm").get(base + "?asOf=2026-10-01").then().statusCode(200)
                .body("decommissioningDate", equalTo("2026-10-31"))
                .body("daysLeft", equalTo(30))
                .body("activeUserMailboxes", equalTo(2))
                .body("onException", equalTo(1))
                .body("withoutException", equalTo(1))
                .body("exceptions", hasSize(1))
                .body("exceptions[0].account", equalTo("b@trust.nhs.uk"))
                .body("exceptions[0].keepUntil", equalTo("2027-03-31"))
                .body("exceptions[0].approvedBy", equalTo("test-pm"))
                .body("exceptions[0].stillActive", equalTo(true));
        as("viewer").get(base).then().statusCode(200).body("daysLeft", equalTo(199));
        as("viewer").get(base + "?asOf=2026-10-01").then().statusCode(200)
                .body("onException", equalTo(1))
                .body("membersIncluded", equalTo(false))
                .body("mailboxes", nullValue())
                .body("exceptions", nullValue());

        as("pm").delete(base + "/date").then().statusCode(204);
        as("pm").delete(base + "/date").then().statusCode(404);
        as("pm").get(base + "?asOf=2026-10-01").then().body("dateSource", equalTo("finance"))
                .body("daysLeft", equalTo(-1));
        as("pm").delete(base + "/exceptions/b@trust.nhs.uk").then().statusCode(204);
        as("pm").delete(base + "/exceptions/b@trust.nhs.uk").then().statusCode(404);
    }

    @Test
    void noLegacyCostLinesMeansNoDate() {
        Decommissioning d = decommissioning.tracker(org(Api.newOrganisation()), LocalDate.of(2026, 9, 1), false);
        assertNull(d.decommissioningDate());
        assertNull(d.daysLeft());
        assertEquals("none", d.dateSource());
        assertNull(d.mailboxes());
    }

    @Test
    void flagsUnregisteredAccountsThatGoInactiveBeforeTheNextAppointment() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", """
                staff_id,first_name,last_name,business_unit,site,user_type,employment_status
                X1,Xan,One,HR,Oxford,standard,active
                X2,Xan,Two,HR,Oxford,standard,active
                X3,Xan,Three,HR,Oxford,standard,active
                X4,Xan,Four,HR,Oxford,standard,active
                X5,Xan,Five,HR,Oxford,standard,active
                X6,Xan,Six,HR,Oxford,standard,active
                """);
        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                x1@nhs.net,X1,2026-02-01,,pending
                x2@nhs.net,X2,2026-02-20,,pending
                x3@nhs.net,X3,2026-02-01,2026-02-02,active
                x4@nhs.net,X4,2026-01-01,,pending
                x5@nhs.net,X5,2026-01-29,,pending
                x6@nhs.net,X6,2026-01-01,,deleted
                """);
        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                X1,Oxford,rollout,2026-03-10,scheduled
                X2,Oxford,rollout,2026-03-10,scheduled
                X3,Oxford,rollout,2026-03-10,scheduled
                X4,Oxford,rollout,2026-02-15,unavailable
                X5,Oxford,rollout,2026-03-01,scheduled
                X5,Oxford,washup,2026-03-20,scheduled
                X6,Oxford,rollout,2026-03-10,scheduled
                """);
        // As of 1 March: X1 goes inactive on 3 March, before 10 March; X5 on 28 February, before its appointment on
        // the asOf day itself. X2 (22 March) is after its appointment, X3 registered, X4 has no next appointment,
        // X6's account is deleted.
        InactivityRisk risk = inactivity.atRisk(org(ods), LocalDate.of(2026, 3, 1), true);
        assertEquals(2, risk.count());
        assertEquals(List.of(
                new InactivityRisk.Account("X5", "Xan Five", "x5@nhs.net", LocalDate.of(2026, 1, 29),
                        LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 1)),
                new InactivityRisk.Account("X1", "Xan One", "x1@nhs.net", LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 10))), risk.members());
        // The next day X5's next appointment is the 20 March wash-up: still at risk.
        assertEquals(2, inactivity.atRisk(org(ods), LocalDate.of(2026, 3, 2), false).count());
        as("viewer").get("/api/organisations/" + ods + "/metrics/inactivity-risk?asOf=2026-03-01").then()
                .statusCode(200).body("count", equalTo(2)).body("members", nullValue());
        as("pm").get("/api/organisations/" + ods + "/metrics/inactivity-risk?asOf=2026-03-01").then()
                .statusCode(200).body("members[0].email", equalTo("x5@nhs.net"));
    }

    @Test
    void publishesHeadlineGaugesPerOrganisation() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", """
                staff_id,business_unit,site,user_type,employment_status
                G1,HR,Oxford,standard,active
                G2,HR,Oxford,standard,active
                G3,HR,Oxford,standard,active
                """);
        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                G1,Oxford,rollout,2026-01-10,migrated
                G2,Oxford,rollout,2026-01-10,unavailable
                G3,Oxford,rollout,2026-01-11,unavailable
                G3,Oxford,washup,2026-01-20,migrated
                """);
        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                g1@nhs.net,G1,2026-01-02,2026-01-05,active
                g2@nhs.net,G2,2026-01-02,,pending
                """);
        upload(ods, "finance", """
                line_id,kind,description,amount_gbp,frequency,start_date,end_date,cashable
                C1,cost_avoided,Server not bought,123.45,one_off,2020-01-01,,yes
                C2,cost_avoided,Support contract avoided,10.00,monthly,2026-01-01,,yes
                """);
        // "today" is the tests' fixed clock, 15 April 2026: C2 has run three whole months (30.00)
        gauges.refresh();
        String scrape = as("admin").get("/q/metrics").then().statusCode(200).extract().asString();
        String tag = "{organisation=\"" + ods + "\"}";
        org.hamcrest.MatcherAssert.assertThat(scrape, containsString("insights_accounts_registered" + tag + " 1.0"));
        org.hamcrest.MatcherAssert.assertThat(scrape, containsString("insights_staff_migrated" + tag + " 2.0"));
        org.hamcrest.MatcherAssert.assertThat(scrape, containsString("insights_staff_outstanding" + tag + " 1.0"));
        org.hamcrest.MatcherAssert.assertThat(scrape, containsString("insights_washup_outstanding" + tag + " 1.0"));
        org.hamcrest.MatcherAssert.assertThat(scrape, containsString("insights_net_saving_gbp" + tag + " 153.45"));
        given().get("/q/metrics").then().statusCode(401);
    }
}
