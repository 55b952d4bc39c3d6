package io.migrationinsights.returns;

import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.system.WorkingDays;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a return is due and when its notices go (CONTRACT section 8), on the
 * working days of England and Wales ({@link WorkingDays}).
 */
@ApplicationScoped
public class DueDates {

    /** The reminder goes this many working days before the due date. */
    static final int REMINDER_WORKING_DAYS = 2;

    private final WorkingDays days;
    private final int dueWorkingDay;

    @Inject
    DueDates(InsightsConfig config) {
        this(WorkingDays.englandAndWales(), config.returns().dueWorkingDay());
    }

    DueDates(WorkingDays days, int dueWorkingDay) {
        if (dueWorkingDay < 1) {
            throw new IllegalArgumentException("insights.returns.due-working-day must be 1 or more, was "
                    + dueWorkingDay);
        }
        this.days = days;
        this.dueWorkingDay = dueWorkingDay;
    }

    /** The Nth working day after the last day of the period (N = insights.returns.due-working-day). */
    public LocalDate due(YearMonth period) {
        return days.nthAfter(period.atEndOfMonth(), dueWorkingDay);
    }

    /** The day the "ready" notice goes: the first working day after the period. */
    public LocalDate ready(YearMonth period) {
        return days.firstWorkingDay(period.plusMonths(1));
    }

    /** The day the reminder goes: two working days before the due date (never before the ready day). */
    public LocalDate reminder(YearMonth period) {
        LocalDate reminder = days.nthBefore(due(period), REMINDER_WORKING_DAYS);
        return reminder.isBefore(ready(period)) ? ready(period) : reminder;
    }
}
