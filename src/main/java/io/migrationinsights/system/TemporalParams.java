package io.migrationinsights.system;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Reads month ({@code YYYY-MM}) and date ({@code YYYY-MM-DD}) path and query
 * parameters, so resources take {@link YearMonth} and {@link LocalDate} and
 * the OpenAPI document types them. A malformed value is a 400 problem naming
 * the parameter (the framework wraps it; ProblemMappers unwraps it). An
 * absent or empty value is null: {@code @NotNull} marks the required ones.
 */
@Provider
public class TemporalParams implements ParamConverterProvider {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == YearMonth.class) {
            String name = name(annotations);
            return (ParamConverter<T>) new Converter<>(text -> Months.parse(name, text));
        }
        if (rawType == LocalDate.class) {
            String name = name(annotations);
            return (ParamConverter<T>) new Converter<>(text -> date(name, text));
        }
        return null;
    }

    /** A date as YYYY-MM-DD that exists in the calendar, for the parameter {@code name}. */
    static LocalDate date(String name, String text) {
        String v = text.trim();
        if (!DATE.matcher(v).matches()) {
            throw ProblemException.badRequest("'" + text + "' is not a date for '" + name
                    + "': use YYYY-MM-DD, for example 2026-03-31.");
        }
        try {
            return LocalDate.parse(v); // ISO_LOCAL_DATE is strict: 2026-02-30 is refused
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("'" + text + "' is not a date in the calendar (for '" + name
                    + "'): check the day and month.");
        }
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
        }
        return "parameter";
    }

    private record Converter<T>(java.util.function.Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            return value == null || value.isBlank() ? null : parse.apply(value);
        }

        @Override
        public String toString(T value) {
            return value.toString();
        }
    }
}
