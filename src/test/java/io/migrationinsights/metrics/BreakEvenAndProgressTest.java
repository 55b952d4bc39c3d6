package io.migrationinsights.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Break-even month and benefit progress: the two report figures that are pure arithmetic. */
class BreakEvenAndProgressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "-1000 -500 0 250; 2026-03",          // zero counts as broken even
        "-1000 500 -200 100 300; 2026-04",    // a one-off gain that turns negative again is not break-even
        "-1000 -500; none",                    // not reached
        "100 200; none",                       // never negative: nothing to break even from
        "-5; none",
    })
    void breakEvenIsTheMonthAfterTheLastNegativeOne(String nets, String expected) {
        List<MonthSaving> months = new ArrayList<>();
        YearMonth m = YearMonth.of(2026, 1);
        for (String n : nets.split(" ")) {
            months.add(new MonthSaving(m, m.atEndOfMonth(), new BigDecimal(n), null));
            m = m.plusMonths(1);
        }
        assertEquals("none".equals(expected) ? null : YearMonth.parse(expected), SavingsMetrics.breakEvenMonth(months));
    }

    @ParameterizedTest(name = "baseline {0}, target {1}, value {2} -> {3}%")
    @CsvSource({
        "10, 20, 20, 100.0",     // on target
        "10, 20, 15, 50.0",      // exactly half way
        "100, 60, 81, 47.5",     // decreasing, short of half way
        "100, 60, 110, -25.0",   // moved away from the target
        "450, 0, 225, 50.0",     // a dis-benefit falling half way
        "10, 20, 25, 150.0",     // beyond the target
    })
    void progressReadsTheSameForBothDirections(BigDecimal baseline, BigDecimal target, BigDecimal value,
                                                BigDecimal expected) {
        assertEquals(expected, BenefitMetrics.progressPercent(baseline, target, value));
    }

    @ParameterizedTest(name = "no progress figure: baseline {0}, target {1}, value {2}")
    @CsvSource({"10, 20, ", "10, 10, 12"})
    void progressIsNullWithoutAValueOrADistance(BigDecimal baseline, BigDecimal target, BigDecimal value) {
        assertEquals(null, BenefitMetrics.progressPercent(baseline, target, value));
    }
}
