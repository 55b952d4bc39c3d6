package io.migrationinsights.metrics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Service desk demand in a baseline window against a comparison window
 * (CONTRACT section 3). Rates are tickets opened in the window (by the UK
 * calendar date of opened_at) divided by the months in the window, rounded
 * half-up to 2 decimals; {@code reductionPercent} comes from the unrounded
 * rates, half-up to 1 decimal, and is null when the baseline rate is 0.
 */
public record ServiceDeskComparison(BigDecimal baselinePerMonth, BigDecimal comparisonPerMonth,
                                    BigDecimal reductionPercent, List<CategoryComparison> byCategory,
                                    Pair<Long> migrationRelated, Pair<Long> floorwalkerResolved,
                                    Pair<BigDecimal> medianHoursToResolve, Window baseline, Window comparison) {

    /** The same comparison for one ticket category. */
    public record CategoryComparison(String category, BigDecimal baselinePerMonth, BigDecimal comparisonPerMonth,
                                     BigDecimal reductionPercent) {
    }

    /** One figure for each window. */
    public record Pair<T>(T baseline, T comparison) {
    }

    /** A window of whole months, both ends inclusive, and the tickets opened in it. */
    public record Window(YearMonth fromMonth, YearMonth toMonth, long months, long tickets) {
    }
}
