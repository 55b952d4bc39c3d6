package io.migrationinsights.metrics;

import java.time.YearMonth;

/**
 * Registrations for one calendar month (CONTRACT section 3): accounts created
 * in the month, registered in the month, and registered on or before its last
 * day. Deleted accounts count nowhere.
 */
public record MonthRegistrations(YearMonth month, long created, long registered, long cumulativeRegistered) {
}
