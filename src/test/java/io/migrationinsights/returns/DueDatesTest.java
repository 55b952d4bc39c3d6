package io.migrationinsights.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.system.WorkingDays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Due dates, ready days and reminders on the bank holidays of England and Wales
 * (src/main/resources/calendar), against dates counted by hand on a calendar.
 */
class DueDatesTest {

    static final WorkingDays DAYS = WorkingDays.englandAndWales();

    @ParameterizedTest(name = "{0}, working day {1}: ready {2}, reminder {3}, due {4}")
    @CsvSource(textBlock = """
            # period, N, ready (first working day after), reminder (2 working days before due), due
            # Good Friday 3 Apr and Easter Monday 6 Apr 2026 do not count: 1,2,(3),(6),7..16 April
            2026-03, 10, 2026-04-01, 2026-04-14, 2026-04-16
            # 28 Feb 2026 is a Saturday: counting starts on Monday 2 March
            2026-02, 10, 2026-03-02, 2026-03-11, 2026-03-13
            # New Year's Day 2026 (Thursday): 2, 5-9, 12-15 January
            2025-12, 10, 2026-01-02, 2026-01-13, 2026-01-15
            # New Year's Day 2027 is a Friday: ready on Monday 4 January
            2026-12, 10, 2027-01-04, 2027-01-13, 2027-01-15
            # Christmas 2026: Friday 25th and Boxing Day's substitute Monday 28th: 18 days to the 24th, then 29, 30
            2026-11, 20, 2026-12-01, 2026-12-24, 2026-12-30
            # Christmas 2027 falls at the weekend: substitutes Monday 27 and Tuesday 28 December (reminder Friday 24th)
            2027-11, 20, 2027-12-01, 2027-12-24, 2027-12-30
            # New Year's Day 2028 is a Saturday: the substitute Monday 3 January does not count
            2027-12, 10, 2028-01-04, 2028-01-13, 2028-01-17
            # Easter 2027 is early: Good Friday 26 and Easter Monday 29 March fall inside the count
            2027-02, 20, 2027-03-01, 2027-03-24, 2027-03-30
            # Easter Monday 1 April 2024 is the first weekday after the period; the reminder cannot precede the ready day
            2024-03, 1, 2024-04-02, 2024-04-02, 2024-04-02
            """, commentCharacter = '#')
    void dueDatesCountWorkingDaysAfterThePeriod(YearMonth period, int n, LocalDate ready, LocalDate reminder,
                                                LocalDate due) {
        DueDates dates = new DueDates(DAYS, n);
        assertEquals(due, dates.due(period));
        assertEquals(ready, dates.ready(period));
        assertEquals(reminder, dates.reminder(period));
    }

    @Test
    void bankHolidaysAndWeekendsAreNotWorkingDays() {
        assertFalse(DAYS.isWorkingDay(LocalDate.of(2026, 4, 3)), "Good Friday 2026");
        assertFalse(DAYS.isWorkingDay(LocalDate.of(2026, 12, 28)), "Boxing Day substitute 2026");
        assertFalse(DAYS.isWorkingDay(LocalDate.of(2030, 8, 26)), "Summer bank holiday 2030");
        assertFalse(DAYS.isWorkingDay(LocalDate.of(2026, 4, 18)), "a Saturday");
        assertTrue(DAYS.isWorkingDay(LocalDate.of(2026, 4, 15)), "an ordinary Wednesday");
        assertTrue(DAYS.isWorkingDay(LocalDate.of(2026, 12, 29)));
    }

    @Test
    void theListCovers2024To2030WithEightWeekdayHolidaysAYear() {
        for (int year = 2024; year <= 2030; year++) {
            int y = year;
            long count = DAYS.holidays().stream().filter(d -> d.getYear() == y).count();
            assertEquals(8, count, "bank holidays in " + year);
            assertTrue(DAYS.holidays().stream().filter(d -> d.getYear() == y)
                    .noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY),
                    "a listed holiday of " + year + " falls at a weekend");
        }
        assertTrue(DAYS.covers(LocalDate.of(2030, 12, 31)));
        assertFalse(DAYS.covers(LocalDate.of(2031, 1, 1)));
    }
}
