package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsApiTest.path;
import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Go-live per site (CONTRACT sections 3 and 4) on a hand-worked fixture.
 * Reading goes live on 1 Feb 2026, the first day of the ticket data; Oxford on
 * 2 Mar (D, a leaver, migrated on 15 Jan but is not in scope, so does not move
 * it); Swindon has only a scheduled appointment and no go-live. All times are
 * in winter (UK time = UTC).
 */
@QuarkusTest
class MetricsGoLiveTest {

    private static String fixture() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", """
                staff_id,business_unit,site,user_type,employment_status
                A,HR,Oxford,standard,active
                B,HR,Oxford,executive,active
                C,IT,Reading,standard,active
                D,IT,Oxford,standard,leaver
                E,IT,Swindon,standard,active
                """);
        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                A,Oxford,rollout,2026-03-02,migrated
                B,Oxford,rollout,2026-03-03,migrated
                C,Reading,pilot,2026-02-01,migrated
                D,Oxford,rollout,2026-01-15,migrated
                E,Swindon,rollout,2026-03-10,scheduled
                """);
        // T8 has no caller and T9 an unknown one: they belong to no site
        upload(ods, "tickets", """
                ticket_id,opened_at,category,channel,migration_related,staff_id
                T1,2026-02-01 09:00,password_reset,phone,yes,C
                T2,2026-02-14 10:00,calendar,phone,no,C
                T3,2026-02-15 10:00,calendar,phone,yes,C
                T4,2026-02-02 08:00,other,email,no,A
                T5,2026-03-01 23:30,other,email,no,B
                T6,2026-03-02 00:10,password_reset,floorwalker,yes,A
                T7,2026-03-15 17:00,mobile_device,phone,yes,D
                T8,2026-03-05 09:00,other,phone,yes,
                T9,2026-03-05 09:00,other,phone,yes,ZZZ
                T10,2026-03-16 09:00,other,phone,yes,A
                T11,2026-03-10 09:00,calendar,phone,no,B
                T12,2026-02-20 09:00,other,phone,no,A
                """);
        return ods;
    }

    @Test
    void countsEachSitesCallersAroundItsGoLive() {
        String ods = fixture();
        // Default windows (28 before, 14 after).
        // Reading: before 4..31 Jan holds nothing (zero baseline); after 1..14 Feb holds T1, T2 (T1 migration related).
        // Oxford: before 2 Feb..1 Mar holds T4, T5, T12; after 2..15 Mar holds T6, T11 and T7 (a leaver's
        // staff record still names the site); T6, T7 migration related. 3/28 = 0.107, 3/14 = 0.214,
        // change = (3/14 - 3/28) / (3/28) x 100 = 100.0.
        as("viewer").get(path(ods, "metrics/go-live")).then().statusCode(200)
                .body("", hasSize(2))
                .body("site", equalTo(List.of("Reading", "Oxford")))
                .body("goLive", equalTo(List.of("2026-02-01", "2026-03-02")))
                .body("inScope", equalTo(List.of(1, 2)))
                .body("ticketsBefore", equalTo(List.of(0, 3)))
                .body("ticketsAfter", equalTo(List.of(2, 3)))
                .body("[0].beforePerDay", equalTo(0.0f)).body("[0].afterPerDay", equalTo(0.14f))
                .body("[0].changePercent", nullValue())
                .body("[1].beforePerDay", equalTo(0.11f)).body("[1].afterPerDay", equalTo(0.21f))
                .body("[1].changePercent", equalTo(100.0f))
                .body("migrationRelatedAfter", equalTo(List.of(1, 2)));
    }

    @Test
    void takesTheWindowsFromTheQuery() {
        String ods = fixture();
        // before=30: Oxford 31 Jan..1 Mar holds T4, T5, T12 (3, 0.10 a day); after=7: 2..8 Mar holds T6 (1, 0.14);
        // change = (1/7 - 3/30) / (3/30) x 100 = (30 - 21) x 100 / 21 = 42.857... -> 42.9.
        // Reading: 2..31 Jan empty; 1..7 Feb holds T1.
        as("pm").get(path(ods, "metrics/go-live?before=30&after=7")).then().statusCode(200)
                .body("ticketsBefore", equalTo(List.of(0, 3)))
                .body("ticketsAfter", equalTo(List.of(1, 1)))
                .body("[1].beforePerDay", equalTo(0.1f)).body("[1].afterPerDay", equalTo(0.14f))
                .body("[1].changePercent", equalTo(42.9f))
                .body("migrationRelatedAfter", equalTo(List.of(1, 1)));
        // one day each side: Oxford 1 Mar (T5, 23:30 UK) against 2 Mar (T6, 00:10 UK): no change
        as("pm").get(path(ods, "metrics/go-live?before=1&after=1")).then().statusCode(200)
                .body("ticketsBefore", equalTo(List.of(0, 1)))
                .body("ticketsAfter", equalTo(List.of(1, 1)))
                .body("[1].changePercent", equalTo(0.0f));
        // the longest windows: Oxford before=366 (2 Mar 2025..1 Mar 2026: 3) against after=366 (2 Mar 2026..: T6, T7, T10, T11 = 4)
        // change = (4/366 - 3/366) / (3/366) x 100 = 33.3
        as("pm").get(path(ods, "metrics/go-live?before=366&after=366")).then().statusCode(200)
                .body("[1].ticketsAfter", equalTo(4)).body("[1].changePercent", equalTo(33.3f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"before=0", "after=367", "before=abc", "after=-1", "before=1.5"})
    void refusesAWindowOutsideOneToThreeHundredSixtySixDays(String query) {
        String ods = Api.newOrganisation();
        as("viewer").get(path(ods, "metrics/go-live?" + query)).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString("from 1 to 366"));
    }

    @Test
    void answersAnEmptyListWithoutMigratedAppointments() {
        String ods = Api.newOrganisation();
        as("viewer").get(path(ods, "metrics/go-live")).then().statusCode(200).body("", hasSize(0));
    }
}
