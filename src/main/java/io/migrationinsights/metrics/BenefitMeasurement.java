package io.migrationinsights.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One measurement of a benefit, with the note recorded as its evidence (null when none). */
public record BenefitMeasurement(String benefitId, LocalDate measuredOn, BigDecimal value, String note) {
}
