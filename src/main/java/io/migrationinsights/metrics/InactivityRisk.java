package io.migrationinsights.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * NHSmail accounts created but not registered whose 30-day inactivity point
 * (created_date + 30 days) falls before the holder's next appointment (the
 * earliest dated on or after {@code asOf}): chase them before go-live.
 * Members only for roles that may see personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InactivityRisk(LocalDate asOf, long count, boolean membersIncluded, List<Account> members) {

    /** One account at risk. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(String staffId, String name, String email, LocalDate createdDate, LocalDate inactiveFrom,
                          LocalDate nextAppointment) {
    }
}
