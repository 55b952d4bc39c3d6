package io.migrationinsights.system;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Calendar months as the API writes them ({@code YYYY-MM}, CONTRACT section 3):
 * the one parser of a month parameter and the one check that a from..to range
 * runs forwards. Every failure is a 400 problem naming the parameter.
 */
public final class Months {

    /** A month as the API reads and writes it, for use inside larger patterns. */
    public static final String MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";

    /**
     * A month as the API reads and writes it: the OpenAPI pattern of every
     * month (mp.openapi.schema.java.time.YearMonth in application.properties
     * repeats it; OpenApiDocumentTest holds them equal).
     */
    public static final String PATTERN = "^" + MONTH + "$";

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}");

    private Months() {
    }

    /** What a required month parameter says when it is missing, after its name. */
    public static final String REQUIRED = "is required: a month as YYYY-MM, for example 2026-03.";

    /** The month {@code text} names, for the parameter {@code name}. */
    public static YearMonth parse(String name, String text) {
        String v = text.trim();
        if (SHAPE.matcher(v).matches()) {
            try {
                return YearMonth.parse(v);
            } catch (DateTimeException e) {
                // falls through to the problem below
            }
        }
        throw ProblemException.badRequest("'" + text + "' is not a month for '" + name
                + "': use YYYY-MM with a month from 01 to 12, for example 2026-03.");
    }

    /** Refuses a range whose first month is after its last one. */
    public static void requireOrdered(String fromName, YearMonth from, String toName, YearMonth to) {
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("'" + fromName + "' (" + from + ") is after '" + toName + "' (" + to
                    + "): the window runs from the earlier month to the later one.");
        }
    }
}
