package io.migrationinsights.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One site's go-live and its callers' ticket rates before and after it
 * (CONTRACT section 3, "Go-live per site").
 */
public record GoLive(String site, LocalDate goLive, long inScope, long ticketsBefore, long ticketsAfter,
                     BigDecimal beforePerDay, BigDecimal afterPerDay, BigDecimal changePercent,
                     long migrationRelatedAfter) {
}
