package io.migrationinsights.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** The cumulative net saving as of {@code date} (a month's last day, or an earlier as-of date) and its change over the month. */
public record MonthSaving(YearMonth month, LocalDate date, BigDecimal netSaving, BigDecimal change) {
}
