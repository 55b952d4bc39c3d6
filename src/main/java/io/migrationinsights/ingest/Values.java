package io.migrationinsights.ingest;

import static io.migrationinsights.system.ClockProducer.UK;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * Reads cell text into typed values by the file rules of CONTRACT section 2.
 * Each reader returns the value or throws {@link IllegalArgumentException} with
 * a message a project manager can act on.
 */
final class Values {

    private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");
    // Day and month may have one digit, as spreadsheets often write them (1/3/2026).
    private static final DateTimeFormatter UK_DATE = strict("d/M/uuuu");
    // One formatter per accepted form, chosen by the text's shape: parsing each
    // cell once (instead of trying forms until one fits) keeps big ticket exports fast.
    private static final DateTimeFormatter ISO_T_TIMESTAMP = strict("uuuu-MM-dd'T'HH:mm[:ss]");
    private static final DateTimeFormatter ISO_SPACE_TIMESTAMP = strict("uuuu-MM-dd HH:mm[:ss]");
    private static final DateTimeFormatter UK_TIMESTAMP = strict("d/M/uuuu H:mm[:ss]");

    private Values() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    static Object read(Field field, String text) {
        return switch (field.type()) {
            case TEXT -> text;
            case LOWER_TEXT -> text.toLowerCase(Locale.ROOT);
            case ENUM -> enumeration(field, text);
            case DATE -> date(text);
            case TIMESTAMP -> timestamp(text);
            case BOOLEAN -> bool(text);
            case DECIMAL -> decimal(text);
        };
    }

    static String enumeration(Field field, String text) {
        String value = text.toLowerCase(Locale.ROOT);
        if (!field.allowed().contains(value)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", field.allowed()));
        }
        return value;
    }

    static LocalDate date(String text) {
        DateTimeFormatter format = text.indexOf('/') >= 0 ? UK_DATE : ISO_DATE;
        try {
            return LocalDate.parse(text, format);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(looksLikeDate(text)
                    ? "is not a real calendar date"
                    : "is not a date: use YYYY-MM-DD or DD/MM/YYYY");
        }
    }

    /**
     * A UK local date and time as an instant; a date alone (no time: a text
     * without ':') means 00:00 UK time that day, as exports saved through a
     * spreadsheet write it. A time in the spring gap moves forward by the gap;
     * an ambiguous autumn time takes the earlier offset (what
     * {@link ZonedDateTime#ofLocal} does with no preferred offset).
     */
    static OffsetDateTime timestamp(String text) {
        boolean dateAlone = text.indexOf(':') < 0;
        DateTimeFormatter format = text.indexOf('/') >= 0 ? (dateAlone ? UK_DATE : UK_TIMESTAMP)
                : dateAlone ? ISO_DATE : text.indexOf('T') >= 0 ? ISO_T_TIMESTAMP : ISO_SPACE_TIMESTAMP;
        try {
            LocalDateTime local = dateAlone ? LocalDate.parse(text, format).atStartOfDay()
                    : LocalDateTime.parse(text, format);
            return ZonedDateTime.ofLocal(local, UK, null).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(looksLikeDate(text)
                ? "is not a real date and time"
                : "is not a date and time: use YYYY-MM-DD HH:MM[:SS], YYYY-MM-DDTHH:MM[:SS] or DD/MM/YYYY HH:MM[:SS], "
                        + "or a date alone (YYYY-MM-DD or DD/MM/YYYY, meaning 00:00 UK time)");
    }

    /** The UK calendar date of an instant. */
    static LocalDate ukDate(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(UK).toLocalDate();
    }

    static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("must be true/false, yes/no, y/n or 1/0");
        };
    }

    static BigDecimal decimal(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.precision() - value.scale() > 14) {
                throw new IllegalArgumentException("is too large");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number: use digits with an optional decimal point, for example 1234.50");
        }
    }

    private static boolean looksLikeDate(String text) {
        return text.matches("\\d{4}-\\d{1,2}-\\d{1,2}([ T].*)?") || text.matches("\\d{1,2}/\\d{1,2}/\\d{4}( .*)?");
    }
}
