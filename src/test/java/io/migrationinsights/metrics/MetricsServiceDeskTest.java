package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.org;
import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.metrics.MetricsFixtures.uploadFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Service desk windows, rates, reduction, counts and medians on hand-computed tickets. */
@QuarkusTest
class MetricsServiceDeskTest {

    private static final String HEADER = "ticket_id,opened_at,resolved_at,category,channel,migration_related\n";

    @Inject
    ServiceDeskMetrics serviceDesk;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static YearMonth m(String v) {
        return YearMonth.parse(v);
    }

    /**
     * The fixture csv/metrics/service-desk-tickets.csv.
     * Baseline Jan..Feb 2026: T1 1h, T2 (31 Jan 23:30, January) 2h, T3 floorwalker 4h, T4 open: 4 tickets, median 2h.
     * Comparison Apr..May 2026: T6 (30 Apr 23:30 BST) 0.5h, T7 (1 May 00:30 BST = 30 Apr UTC, counts in May) 1.5h,
     * T8 open: 3 tickets, median of two = 1h. T9, T11 in March and T10 (1 Jun 00:30 BST) are in neither window.
     */
    static final String TICKETS = "service-desk-tickets.csv";


    @Test
    void comparesWindowsByUkCalendarDateOfOpening() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "tickets", TICKETS);
        ServiceDeskComparison c = serviceDesk.compare(org(ods), m("2026-01"), m("2026-02"), m("2026-04"), m("2026-05"));

        assertEquals(new ServiceDeskComparison.Window(m("2026-01"), m("2026-02"), 2, 4), c.baseline());
        assertEquals(new ServiceDeskComparison.Window(m("2026-04"), m("2026-05"), 2, 3), c.comparison());
        assertEquals(d("2.00"), c.baselinePerMonth());
        assertEquals(d("1.50"), c.comparisonPerMonth());
        assertEquals(d("25.0"), c.reductionPercent());
        assertEquals(new ServiceDeskComparison.Pair<>(2L, 1L), c.migrationRelated());
        assertEquals(new ServiceDeskComparison.Pair<>(1L, 1L), c.floorwalkerResolved());

        // 31 Jan 23:30 is January; T3 and T4 are February
        ServiceDeskComparison janFeb = serviceDesk.compare(org(ods), m("2026-01"), m("2026-01"), m("2026-02"), m("2026-02"));
        assertEquals(2, janFeb.baseline().tickets());
        assertEquals(2, janFeb.comparison().tickets());
        // 1 June 00:30 BST is 31 May in UTC but June in the UK
        assertEquals(1, serviceDesk.compare(org(ods), m("2026-06"), m("2026-06"), m("2026-05"), m("2026-05"))
                .baseline().tickets());
    }

    @Test
    void listsEveryCategoryWithNullReductionWhereTheBaselineIsZero() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "tickets", TICKETS);
        ServiceDeskComparison c = serviceDesk.compare(org(ods), m("2026-01"), m("2026-02"), m("2026-04"), m("2026-05"));
        Map<String, ServiceDeskComparison.CategoryComparison> by = c.byCategory().stream()
                .collect(Collectors.toMap(ServiceDeskComparison.CategoryComparison::category, Function.identity()));

        assertEquals(ImportKind.TICKET_CATEGORIES.size(), c.byCategory().size());
        assertEquals(new ServiceDeskComparison.CategoryComparison("password_reset", d("1.00"), d("0.50"), d("50.0")),
                by.get("password_reset"));
        assertEquals(new ServiceDeskComparison.CategoryComparison("calendar", d("1.00"), d("0.00"), d("100.0")),
                by.get("calendar"));
        assertEquals(new ServiceDeskComparison.CategoryComparison("other", d("0.00"), d("0.50"), null), by.get("other"));
        assertEquals(new ServiceDeskComparison.CategoryComparison("contacts", d("0.00"), d("0.00"), null),
                by.get("contacts"));
    }

    @Test
    void mediansOddAndEvenCountsOfResolvedTicketsInElapsedHours() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "tickets", TICKETS);
        long id = org(ods);
        ServiceDeskComparison c = serviceDesk.compare(id, m("2026-01"), m("2026-02"), m("2026-04"), m("2026-05"));
        // [1, 2, 4] -> 2; [0.5, 1.5] -> 1 (T8 is open and does not count)
        assertEquals(new ServiceDeskComparison.Pair<>(d("2.00"), d("1.00")), c.medianHoursToResolve());

        // March: T9 0.5h and T11 00:30 GMT -> 03:30 BST on the spring clock change = 2 real hours; mean = 1.25
        ServiceDeskComparison march = serviceDesk.compare(id, m("2026-03"), m("2026-03"), m("2026-03"), m("2026-03"));
        assertEquals(d("1.25"), march.medianHoursToResolve().baseline());
    }

    @Test
    void emptyWindowsGiveZeroRatesNullMediansAndNullReductionForAZeroBaseline() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "tickets", TICKETS);
        long id = org(ods);

        ServiceDeskComparison emptyComparison = serviceDesk.compare(id, m("2026-01"), m("2026-02"), m("2027-01"), m("2027-03"));
        assertEquals(d("0.00"), emptyComparison.comparisonPerMonth());
        assertEquals(d("100.0"), emptyComparison.reductionPercent());
        assertNull(emptyComparison.medianHoursToResolve().comparison());
        assertEquals(new ServiceDeskComparison.Pair<>(2L, 0L), emptyComparison.migrationRelated());

        ServiceDeskComparison zeroBaseline = serviceDesk.compare(id, m("2025-01"), m("2025-12"), m("2026-01"), m("2026-02"));
        assertEquals(d("0.00"), zeroBaseline.baselinePerMonth());
        assertNull(zeroBaseline.reductionPercent());
        assertNull(zeroBaseline.medianHoursToResolve().baseline());
    }

    @Test
    void roundsHalfUpFromUnroundedRates() {
        String ods = Api.newOrganisation();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 16; i++) {
            csv.append("J").append(i).append(",2025-01-").append(String.format("%02d", i)).append(" 10:00,,other,phone,no\n");
        }
        for (int i = 1; i <= 15; i++) {
            csv.append("F").append(i).append(",2025-02-").append(String.format("%02d", i)).append(" 10:00,,other,phone,no\n");
        }
        csv.append("""
                A1,2024-03-10 10:00,,other,phone,no
                B1,2024-10-10 10:00,,other,phone,no
                U1,2023-01-10 10:00,,other,phone,no
                U2,2023-02-10 10:00,,other,phone,no
                U3,2023-05-10 10:00,,other,phone,no
                """);
        upload(ods, "tickets", csv.toString());
        long id = org(ods);

        // (16 - 15) / 16 x 100 = 6.25: half-up 6.3 (half-even would give 6.2)
        assertEquals(d("6.3"), serviceDesk.compare(id, m("2025-01"), m("2025-01"), m("2025-02"), m("2025-02"))
                .reductionPercent());
        // 1 ticket / 8 months = 0.125: half-up 0.13 (half-even 0.12); 1/3 = 0.33; (1/8 - 1/3) / (1/8) = -166.67%
        ServiceDeskComparison eighths = serviceDesk.compare(id, m("2024-01"), m("2024-08"), m("2024-09"), m("2024-11"));
        assertEquals(d("0.13"), eighths.baselinePerMonth());
        assertEquals(d("0.33"), eighths.comparisonPerMonth());
        assertEquals(d("-166.7"), eighths.reductionPercent());
        // 2/3 against 1/3 per month: 50.0 from the unrounded rates (the rounded 0.67 and 0.33 would give 50.7)
        ServiceDeskComparison thirds = serviceDesk.compare(id, m("2023-01"), m("2023-03"), m("2023-04"), m("2023-06"));
        assertEquals(d("0.67"), thirds.baselinePerMonth());
        assertEquals(d("0.33"), thirds.comparisonPerMonth());
        assertEquals(d("50.0"), thirds.reductionPercent());
    }
}
