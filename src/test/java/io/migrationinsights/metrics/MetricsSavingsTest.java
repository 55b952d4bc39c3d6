package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.org;
import static io.migrationinsights.metrics.MetricsFixtures.upload;
import static io.migrationinsights.metrics.MetricsFixtures.uploadFile;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Savings as of a date on csv/metrics/savings-lines.csv (each line's contribution is in its comment). */
@QuarkusTest
class MetricsSavingsTest {

    @Inject
    SavingsMetrics savings;

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Savings.Figures figures(String costAvoided, String projectCost, String legacy, String newRunning, String net) {
        return new Savings.Figures(d(costAvoided), d(projectCost), d(legacy), d(newRunning), d(net));
    }

    @Test
    void accruesEveryKindAsOfTheFirstOfMarch() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "finance", "savings-lines.csv");
        // As of 2026-03-01:
        // P1 one-off 1000 (cashable); P2 starts after D: 0; P3 100/month from 31 Jan: 1 full month = 100 (non-cashable);
        // P4 1200/year 1 Mar..1 Sep 2025: 6 months x 100 = 600 (cashable).
        // C1 one-off starting on D: 250 (cashable); C2 40/month 15 Dec..1 Mar: 2 months = 80 (non-cashable).
        // L1 300/month ended 1 Jan: 2 months = 600; L2 ends on D, not before: 0; L3 has no end: 0.
        // N1 120/year from 1 Jan: 2 months x 10 = 20; N2 starts after D: 0.
        Savings s = savings.savings(org(ods), LocalDate.of(2026, 3, 1));
        assertEquals(LocalDate.of(2026, 3, 1), s.asOf());
        assertEquals(d("330.00"), s.costAvoided());
        assertEquals(d("1700.00"), s.projectCost());
        assertEquals(d("600.00"), s.legacyRunningSaved());
        assertEquals(d("20.00"), s.newRunningCost());
        assertEquals(d("-790.00"), s.netSaving());
        assertEquals(figures("250.00", "1600.00", "600.00", "20.00", "-770.00"), s.cashable());
        assertEquals(figures("80.00", "100.00", "0.00", "0.00", "-20.00"), s.nonCashable());
    }

    @Test
    void countsNoFullMonthWhenTheDayOfMonthIsSmaller() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "finance", "savings-lines.csv");
        // As of 2026-02-28: P3 from 31 Jan = 0 full months; C1 not started; C2 15 Dec..28 Feb = 2; L1 = 1; N1 = 1.
        Savings s = savings.savings(org(ods), LocalDate.of(2026, 2, 28));
        assertEquals(d("80.00"), s.costAvoided());
        assertEquals(d("1600.00"), s.projectCost());
        assertEquals(d("300.00"), s.legacyRunningSaved());
        assertEquals(d("10.00"), s.newRunningCost());
        assertEquals(d("-1230.00"), s.netSaving());
    }

    @Test
    void roundsEachExactSumOnceHalfUp() {
        String ods = Api.newOrganisation();
        upload(ods, "finance", """
                line_id,kind,description,amount_gbp,frequency,start_date,end_date,cashable
                A,cost_avoided,Thirty pence a year,0.30,annual,2026-01-01,,yes
                B,cost_avoided,Thirty pence a year,0.30,annual,2026-01-01,,no
                """);
        // One full month of each = 0.025: each half rounds up to 0.03 (half-even would give 0.02);
        // the total is the exact 0.05, not 0.03 + 0.03.
        Savings s = savings.savings(org(ods), LocalDate.of(2026, 2, 1));
        assertEquals(d("0.05"), s.costAvoided());
        assertEquals(d("0.05"), s.netSaving());
        assertEquals(d("0.03"), s.cashable().costAvoided());
        assertEquals(d("0.03"), s.nonCashable().costAvoided());
    }

    @Test
    void anOrganisationWithoutFinanceLinesSavesNothing() {
        Savings s = savings.savings(org(Api.newOrganisation()), LocalDate.of(2026, 2, 1));
        assertEquals(d("0.00"), s.netSaving());
        assertEquals(figures("0.00", "0.00", "0.00", "0.00", "0.00"), s.cashable());
    }
}
