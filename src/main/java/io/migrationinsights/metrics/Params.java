package io.migrationinsights.metrics;

import io.migrationinsights.system.ProblemException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Parses and checks query parameters; every failure is a 400 problem a person can act on. */
final class Params {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Params() {
    }

    static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("The query parameter '" + name + "' is required: a month as YYYY-MM, "
                    + "for example 2026-03.");
        }
        String v = value.trim();
        if (MONTH.matcher(v).matches()) {
            try {
                return YearMonth.parse(v);
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        throw ProblemException.badRequest("'" + value + "' is not a month for '" + name
                + "': use YYYY-MM with a month from 01 to 12, for example 2026-03.");
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("The query parameter '" + name + "' is required: a date as YYYY-MM-DD, "
                    + "for example 2026-03-31.");
        }
        return parseDate(name, value);
    }

    static LocalDate date(String name, String value, LocalDate fallback) {
        return value == null || value.isBlank() ? fallback : parseDate(name, value);
    }

    private static LocalDate parseDate(String name, String value) {
        String v = value.trim();
        if (!DATE.matcher(v).matches()) {
            throw ProblemException.badRequest("'" + value + "' is not a date for '" + name
                    + "': use YYYY-MM-DD, for example 2026-03-31.");
        }
        try {
            return LocalDate.parse(v); // ISO_LOCAL_DATE is strict: 2026-02-30 is refused
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("'" + value + "' is not a date in the calendar (for '" + name
                    + "'): check the day and month.");
        }
    }

    static void ordered(String fromName, YearMonth from, String toName, YearMonth to) {
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("'" + fromName + "' (" + from + ") is after '" + toName + "' (" + to
                    + "): the window runs from the earlier month to the later one.");
        }
    }
}
