package io.migrationinsights.benefits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report date and the service-desk windows (CONTRACT section 4), at month and year ends. */
class ReportDatesTest {

    @ParameterizedTest(name = "{0} + {1} months = {2}")
    @CsvSource({
        "2025-08-31, 6, 2026-02-28",   // clamped to the end of February
        "2023-08-31, 6, 2024-02-29",   // a leap year
        "2024-02-29, 12, 2025-02-28",
        "2026-04-15, 6, 2026-10-15",
        "2026-04-15, 12, 2027-04-15",
        "2025-12-31, 6, 2026-06-30",
    })
    void reportDateIsCalendarMonthsLaterClampedToTheMonthEnd(LocalDate completion, int months, LocalDate expected) {
        assertEquals(expected, ReportDates.reportDate(completion, months));
    }

    @ParameterizedTest(name = "three full months before {0}: {1} to {2}")
    @CsvSource({
        "2026-02-28, 2025-11, 2026-01",
        "2026-01-01, 2025-10, 2025-12",
        "2026-03-31, 2025-12, 2026-02",
        "2026-04-01, 2026-01, 2026-03",
        "2025-12-31, 2025-09, 2025-11",
    })
    void windowsAreTheThreeFullMonthsBeforeTheMonth(LocalDate date, YearMonth from, YearMonth to) {
        assertArrayEquals(new YearMonth[] {from, to}, ReportDates.threeMonthsBefore(date));
    }
}
