package io.migrationinsights.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Savings as of a date (CONTRACT section 3), in pounds. Every figure is its
 * exact sum rounded once, half-up, to 2 decimals, so the total of a figure
 * need not equal its rounded cashable part plus its rounded non-cashable part.
 */
public record Savings(LocalDate asOf, BigDecimal costAvoided, BigDecimal projectCost, BigDecimal legacyRunningSaved,
                      BigDecimal newRunningCost, BigDecimal netSaving, Figures cashable, Figures nonCashable) {

    /** The same five figures over the cashable or the non-cashable lines only. */
    public record Figures(BigDecimal costAvoided, BigDecimal projectCost, BigDecimal legacyRunningSaved,
                          BigDecimal newRunningCost, BigDecimal netSaving) {
    }
}
