package io.migrationinsights.benefits;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dates of the benefits report (CONTRACT section 4), in one place.
 *
 * <ul>
 * <li>report date = completion date + 6 or 12 calendar months, clamped to the
 * last day of the month ({@link LocalDate#plusMonths} clamps: 31 August + 6
 * months = 28 or 29 February);</li>
 * <li>baseline window = the three full calendar months before the month of the
 * first {@code migrated} appointment;</li>
 * <li>comparison window = the three full calendar months before the month of
 * the date the figures are taken at (the report date, or today while provisional).</li>
 * </ul>
 */
final class ReportDates {

    /** The months a report may be taken at. */
    static final int[] MONTHS = {6, 12};

    private ReportDates() {
    }

    static LocalDate reportDate(LocalDate completionDate, int months) {
        return completionDate.plusMonths(months);
    }

    /** First and last month of the three full months before {@code date}'s month. */
    static YearMonth[] threeMonthsBefore(LocalDate date) {
        YearMonth month = YearMonth.from(date);
        return new YearMonth[] {month.minusMonths(3), month.minusMonths(1)};
    }
}
