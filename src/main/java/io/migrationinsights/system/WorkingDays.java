package io.migrationinsights.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays
 * (CONTRACT section 8). The holidays are data, not code: the resource
 * {@value #RESOURCE} (its header names the source), read once. Years outside
 * the file count weekends only; {@link #covers} tells whether a date is inside.
 */
public final class WorkingDays {

    /** The bank holidays of England and Wales, one ISO date per line (lines starting with # are notes). */
    public static final String RESOURCE = "calendar/bank-holidays-england-and-wales.csv";

    private static final class Loaded {
        static final WorkingDays ENGLAND_AND_WALES = load();
    }

    private final TreeSet<LocalDate> holidays;

    /** A calendar with these bank holidays (tests build their own; the service uses {@link #englandAndWales()}). */
    public WorkingDays(Collection<LocalDate> holidays) {
        this.holidays = new TreeSet<>(holidays);
        if (this.holidays.isEmpty()) {
            throw new IllegalArgumentException("A working-day calendar needs its bank holidays.");
        }
    }

    /** The calendar of England and Wales from {@value #RESOURCE}. */
    public static WorkingDays englandAndWales() {
        return Loaded.ENGLAND_AND_WALES;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /** The {@code n}th working day after {@code day} ({@code n} from 1; {@code day} itself never counts). */
    public LocalDate nthAfter(LocalDate day, int n) {
        return nth(day, n, 1);
    }

    /** The {@code n}th working day before {@code day} ({@code n} from 1; {@code day} itself never counts). */
    public LocalDate nthBefore(LocalDate day, int n) {
        return nth(day, n, -1);
    }

    private LocalDate nth(LocalDate day, int n, int step) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate d = day;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The first working day of a month. */
    public LocalDate firstWorkingDay(YearMonth month) {
        return nthAfter(month.atDay(1).minusDays(1), 1);
    }

    /** Whether the holiday list covers the year of {@code day} (outside it only weekends are known). */
    public boolean covers(LocalDate day) {
        return day.getYear() >= holidays.first().getYear() && day.getYear() <= holidays.last().getYear();
    }

    /** The bank holidays known, in order. */
    public Set<LocalDate> holidays() {
        return Collections.unmodifiableSet(holidays);
    }

    private static WorkingDays load() {
        try (InputStream in = WorkingDays.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bank-holiday list " + RESOURCE + " is missing from the build.");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<LocalDate> days = new TreeSet<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#") || text.startsWith("date,")) {
                    continue;
                }
                days.add(LocalDate.parse(text.substring(0, text.indexOf(','))));
            }
            return new WorkingDays(days);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
