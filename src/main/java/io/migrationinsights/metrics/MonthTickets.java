package io.migrationinsights.metrics;

import java.time.YearMonth;

/** Service desk tickets opened in one calendar month (UK date of opened_at), and how many were migration related. */
public record MonthTickets(YearMonth month, long opened, long migrationRelated) {
}
