package io.migrationinsights.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One benefit's RAG status as of a date (CONTRACT section 3), from its latest
 * measurement on or before that date; {@code measuredOn} and {@code value}
 * are null (and the status grey) when there is none.
 */
public record BenefitStatus(String benefitId, String title, String owner, String measure, String unit,
                            String direction, boolean cashable, boolean disBenefit,
                            BigDecimal baselineValue, LocalDate baselineDate,
                            BigDecimal targetValue, LocalDate targetDate,
                            LocalDate measuredOn, BigDecimal value, Rag rag) {

    /** Red, amber, green, or grey without a measurement; serialised in lower case. */
    public enum Rag {
        green, amber, red, grey
    }
}
