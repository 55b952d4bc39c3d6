package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registrations, accounts needed and migration progress on a small hand-computed fixture. */
@QuarkusTest
class MetricsCoreTest {

    @Inject
    RegistrationMetrics registrations;
    @Inject
    MigrationMetrics migration;

    @Test
    void countsRegistrationsNeededAccountsAndProgress() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", """
                staff_id,business_unit,site,user_type,employment_status
                A,HR,Oxford,standard,active
                B,HR,Reading,standard,active
                C,Finance,Oxford,executive,active
                D,Finance,Oxford,standard,leaver
                E,IT,Reading,standard,active
                """);
        upload(ods, "appointments", """
                staff_id,site,phase,appointment_date,outcome
                A,Oxford,vip,2026-02-27,migrated
                B,Reading,rollout,2026-03-02,unavailable
                B,Reading,washup,2026-03-16,migrated
                C,Oxford,rollout,2026-03-31,unavailable
                D,Oxford,rollout,2026-03-03,migrated
                E,Reading,rollout,2026-04-01,scheduled
                """);
        upload(ods, "nhsmail-accounts", """
                email,staff_id,created_date,registered_date,status
                a@nhs.net,A,2026-02-01,2026-02-27,active
                b@nhs.net,B,2026-02-20,2026-03-16,active
                c@nhs.net,C,2026-03-31,,pending
                x@nhs.net,X,2026-03-05,2026-03-06,deleted
                old@nhs.net,,2025-01-10,2025-01-12,active
                """);
        long id = MetricsFixtures.org(ods);

        List<MonthRegistrations> regs = registrations.registrations(id, YearMonth.of(2026, 1), YearMonth.of(2026, 3));
        assertEquals(List.of(
                new MonthRegistrations(YearMonth.of(2026, 1), 0, 0, 1),
                new MonthRegistrations(YearMonth.of(2026, 2), 2, 1, 2),
                new MonthRegistrations(YearMonth.of(2026, 3), 1, 1, 3)), regs);
        // E is active with an April appointment and no account; C has an account created on 31 March.
        assertEquals(1, registrations.accountsNeededNextMonth(id, YearMonth.of(2026, 3)));
        assertEquals(0, registrations.accountsNeededNextMonth(id, YearMonth.of(2026, 4)));

        MigrationProgress all = migration.migration(id, null);
        assertEquals(4, all.inScope());
        assertEquals(2, all.migrated());
        assertEquals(2, all.outstanding());
        assertEquals(2, all.unavailableOnDesignatedDay());
        assertEquals(1, all.washupMigrated());
        assertEquals(1, all.washupOutstanding());
        // planned = every appointment of the day (D's included: perDay counts appointments, not in-scope staff)
        assertEquals(List.of(day(2026, 2, 27, 1, 1), day(2026, 3, 2, 1, 0), day(2026, 3, 3, 1, 1),
                day(2026, 3, 16, 1, 1), day(2026, 3, 31, 1, 0), day(2026, 4, 1, 1, 0)), all.perDay());
        assertEquals(List.of(new MigrationProgress.GroupProgress("Oxford", 2, 1),
                new MigrationProgress.GroupProgress("Reading", 2, 1)), all.perSite());
        assertEquals(List.of(new MigrationProgress.GroupProgress("executive", 1, 0),
                new MigrationProgress.GroupProgress("standard", 3, 2)), all.perUserType());
        // C and E are not migrated and, with every appointment counted, nothing comes after
        assertEquals(2, all.unscheduled());

        MigrationProgress early = migration.migration(id, LocalDate.of(2026, 3, 2));
        assertEquals(4, early.inScope());
        assertEquals(1, early.migrated());
        assertEquals(1, early.unavailableOnDesignatedDay());
        assertEquals(0, early.washupMigrated());
        assertEquals(1, early.washupOutstanding());
        // B (16 Mar), C (31 Mar) and E (1 Apr) all have an appointment still to come
        assertEquals(0, early.unscheduled());
        assertEquals(List.of(day(2026, 2, 27, 1, 1), day(2026, 3, 2, 1, 0)), early.perDay());

        // asOf on an appointment day: B's wash-up on 16 Mar counts; C (31 Mar) and E (1 Apr) are still to come
        MigrationProgress washupDay = migration.migration(id, LocalDate.of(2026, 3, 16));
        assertEquals(2, washupDay.migrated());
        assertEquals(0, washupDay.unscheduled());
        assertEquals(day(2026, 3, 16, 1, 1), washupDay.perDay().get(washupDay.perDay().size() - 1));

        // asOf 31 Mar: C's only appointment is that day (unavailable), not after it, so C is unscheduled
        MigrationProgress endOfMarch = migration.migration(id, LocalDate.of(2026, 3, 31));
        assertEquals(1, endOfMarch.unscheduled());
        assertEquals(5, endOfMarch.perDay().size());

        // asOf 1 Apr: E's scheduled appointment is that day, nothing later: C and E are unscheduled
        MigrationProgress firstOfApril = migration.migration(id, LocalDate.of(2026, 4, 1));
        assertEquals(2, firstOfApril.unscheduled());
        assertEquals(day(2026, 4, 1, 1, 0), firstOfApril.perDay().get(5));
        assertEquals(List.of(new MigrationProgress.GroupProgress("executive", 1, 0),
                new MigrationProgress.GroupProgress("standard", 3, 2)), firstOfApril.perUserType());
    }

    private static MigrationProgress.DayCount day(int year, int month, int dayOfMonth, long planned, long migrated) {
        return new MigrationProgress.DayCount(LocalDate.of(year, month, dayOfMonth), planned, migrated);
    }
}
