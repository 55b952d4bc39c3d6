package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsApiTest.path;
import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasSize;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.migrationinsights.support.Waits;
import io.migrationinsights.system.Changes;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The figures kept in memory between imports ({@link ImportedFigures}): each is read, an import changes its
 * rows, and the next read shows the import, through the API as a user sees it; figures in use computed again
 * right after an import; one computation for callers asking at once.
 */
@QuarkusTest
class ImportedFiguresTest {

    /** Staff A and B, both active with no account; A migrated on 2 March, B scheduled for 7 April. */
    private static void twoStaffOneMigrated(String ods) {
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
    }

    /** The service desk in January 2026 against March 2026. */
    private static final String SERVICE_DESK = "metrics/service-desk?baselineFrom=2026-01&baselineTo=2026-01"
            + "&comparisonFrom=2026-03&comparisonTo=2026-03";

    @Test
    void everyKeptFigureShowsTheNextImportAtOnce() {
        String ods = Api.newOrganisation();
        twoStaffOneMigrated(ods);
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
        as("viewer").get(path(ods, SERVICE_DESK)).then().statusCode(200)
                .body("baseline.tickets", equalTo(0)).body("comparison.tickets", equalTo(0));

        upload(ods, "tickets", """
                ticket_id,opened_at,resolved_at,category,channel,migration_related,staff_id
                T1,2026-01-05 09:00,2026-01-05 11:00,password_reset,phone,yes,A
                T2,2026-03-09 10:00,,calendar,floorwalker,no,B
                """);
        as("viewer").get(path(ods, SERVICE_DESK)).then().statusCode(200)
                .body("baseline.tickets", equalTo(1)).body("comparison.tickets", equalTo(1))
                .body("floorwalkerResolved.comparison", equalTo(1));

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

    @Inject
    ImportedFigures figures;

    @Inject
    Changes changes;

    @Inject
    MigrationMetrics migration;

    /**
     * Figures in use are computed again as soon as an import commits, before anyone asks: a change made by hand
     * afterwards (which nobody announces) is not in them, while the import is. A figure nobody had read is
     * computed when asked, from the rows as they are then.
     */
    @Test
    void figuresInUseAreComputedAgainRightAfterAnImport() throws Exception {
        // on PostgreSQL nothing is kept until the listener of the notices is connected
        Waits.until("the listener connected", () -> changes.listening());
        String ods = Api.newOrganisation();
        twoStaffOneMigrated(ods);
        as("viewer").get(path(ods, "metrics/migration")).then().statusCode(200).body("migrated", equalTo(1));
        as("viewer").get(path(ods, "reconciliation")).then().statusCode(200)
                .body("classes.find { it.name == 'needs_account' }.count", equalTo(2));
        as("viewer").get(path(ods, SERVICE_DESK)).then().statusCode(200).body("comparison.tickets", equalTo(0));
        long id = Db.longs(Db.rows("select id from organisation where ods_code = ?", ods), "id").get(0);
        assertEquals(LocalDate.of(2026, 3, 2), migration.timeline(id).completionDate()); // read by pages and reports

        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                A,Oxford,rollout,2026-03-02,migrated
                B,Reading,rollout,2026-04-07,migrated
                """);
        upload(ods, "tickets", """
                ticket_id,opened_at,category,channel,migration_related,staff_id
                T1,2026-03-09 10:00,calendar,phone,no,B
                """);
        figures.drain();
        byHand("update appointment set outcome = 'scheduled' where organisation_id = "
                + "(select id from organisation where ods_code = ?)", ods);
        byHand("delete from staff where staff_id = 'B' and organisation_id = "
                + "(select id from organisation where ods_code = ?)", ods);
        byHand("delete from ticket where organisation_id = (select id from organisation where ods_code = ?)", ods);

        // computed after the import, before the changes by hand
        as("viewer").get(path(ods, "metrics/migration")).then().statusCode(200)
                .body("migrated", equalTo(2)).body("inScope", equalTo(2));
        as("viewer").get(path(ods, "reconciliation")).then().statusCode(200)
                .body("classes.find { it.name == 'needs_account' }.count", equalTo(2));
        as("viewer").get(path(ods, SERVICE_DESK)).then().statusCode(200).body("comparison.tickets", equalTo(1));
        assertEquals(LocalDate.of(2026, 4, 7), migration.timeline(id).completionDate());
        // not read before: computed now
        as("viewer").get(path(ods, "metrics/migration?asOf=2026-04-30")).then().statusCode(200)
                .body("migrated", equalTo(0)).body("inScope", equalTo(1));
    }

    /** Two callers asking for the same figure at the same time: the second waits for the first's answer. */
    @Test
    void aFigureAskedForTwiceAtOnceIsComputedOnce() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Long> slow = () -> {
            computed.incrementAndGet();
            computing.countDown();
            await(release);
            return 42L;
        };
        long organisation = -System.nanoTime(); // no organisation's: nothing else asks for it
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = callers.submit(() -> figures.get(organisation, "test", List.of(), slow));
            computing.await(10, TimeUnit.SECONDS);
            Thread[] second = new Thread[1];
            Future<Long> next = callers.submit(() -> {
                second[0] = Thread.currentThread();
                return figures.get(organisation, "test", List.of(), slow);
            });
            // the second caller is parked: waiting for the first's answer (or, wrongly, in its own computation)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((second[0] == null || second[0].getState() != Thread.State.WAITING) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            release.countDown();
            assertEquals(42L, first.get(10, TimeUnit.SECONDS));
            assertEquals(42L, next.get(10, TimeUnit.SECONDS));
            assertEquals(1, computed.get());
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A change made in the database by hand, outside the service: nobody announces it. */
    private static void byHand(String sql, String ods) throws Exception {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ods);
            assertTrue(ps.executeUpdate() > 0, sql);
        }
    }
}
