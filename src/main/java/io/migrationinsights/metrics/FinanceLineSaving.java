package io.migrationinsights.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One finance line and what it has accrued as of a date under the savings rules
 * of CONTRACT section 3 (see {@link SavingsMetrics}). {@code accrued} is a cost
 * for project_cost and new_running_cost lines and a saving for cost_avoided and
 * legacy_running_cost lines, in pounds rounded half-up to 2 decimals.
 */
public record FinanceLineSaving(String lineId, String description, String kind, boolean cashable, String frequency,
                                BigDecimal amount, LocalDate startDate, LocalDate endDate, BigDecimal accrued) {

    /** Whether the line adds to the net saving (cost avoided, legacy running cost saved). */
    public boolean isSaving() {
        return "cost_avoided".equals(kind) || "legacy_running_cost".equals(kind);
    }
}
