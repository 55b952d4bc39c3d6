package io.migrationinsights.ingest;

import static io.migrationinsights.system.ClockProducer.UK;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.function.LongBinaryOperator;

/**
 * Reads cell text into typed values by the file rules of CONTRACT section 2.
 * Each reader returns the value or throws {@link IllegalArgumentException} with
 * a message a project manager can act on.
 *
 * <p>Dates, times, enumerations and booleans are read first by exact
 * hand-written scanners for the forms exports use (a 1.5M-row file has
 * millions of such cells, and {@link DateTimeFormatter} spent about half the
 * import's parse time in them, issue #11). A scanner only ever accepts text the
 * strict formatters (or the lower-cased comparisons) accept, with the same
 * value; anything else, including every invalid cell, takes the original path,
 * so what is refused and every message stay exactly as they were. ValuesTest
 * checks both paths against each other.
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
            case LOWER_TEXT -> lower(text);
            case ENUM -> enumeration(field, text);
            case DATE -> date(text);
            case TIMESTAMP -> timestamp(text);
            case BOOLEAN -> bool(text);
            case DECIMAL -> decimal(text);
        };
    }

    /**
     * {@code text.toLowerCase(Locale.ROOT)}: text that is ASCII with no capital (most keys and email
     * addresses) is returned as it is, without the per-character look-ups of the general method.
     */
    static String lower(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0x80) {
                return text.toLowerCase(Locale.ROOT);
            }
        }
        return text;
    }

    static String enumeration(Field field, String text) {
        List<String> allowed = field.allowed();
        for (int i = 0; i < allowed.size(); i++) {
            if (asciiLowerEquals(text, allowed.get(i))) {
                return allowed.get(i);
            }
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (!field.allowed().contains(value)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", field.allowed()));
        }
        return value;
    }

    static LocalDate date(String text) {
        long ymd = datePart(text);
        if (ymd != NONE && end(ymd) == text.length()) {
            return LocalDate.of(year(ymd), month(ymd), day(ymd));
        }
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
        OffsetDateTime quick = quickTimestamp(text);
        if (quick != null) {
            return quick;
        }
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
        for (int i = 0; i < TRUE_WORDS.size(); i++) {
            if (asciiLowerEquals(text, TRUE_WORDS.get(i))) {
                return Boolean.TRUE;
            }
            if (asciiLowerEquals(text, FALSE_WORDS.get(i))) {
                return Boolean.FALSE;
            }
        }
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

    // --- exact scanners for the common forms --------------------------------

    private static final List<String> TRUE_WORDS = List.of("true", "yes", "y", "1");
    private static final List<String> FALSE_WORDS = List.of("false", "no", "n", "0");

    /** No date at the start of the text in one of the scanned forms. */
    private static final long NONE = -1;

    /**
     * Whether {@code text} lower-cased ({@link Locale#ROOT}) equals {@code lower}, decided without
     * allocating, for ASCII text. Non-ASCII text never matches here: it takes the caller's original
     * path, since lower-casing it is not a per-character matter (U+0130, the Kelvin sign).
     */
    private static boolean asciiLowerEquals(String text, String lower) {
        int n = text.length();
        if (n != lower.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The real calendar date at the start of {@code text} written exactly as {@code uuuu-MM-dd} (four-digit
     * year, two-digit month and day) or {@code d/M/uuuu} (one or two digits for day and month, four for the
     * year), packed with the index where it ends; {@link #NONE} for anything else (other widths, signs,
     * spaces, non-ASCII digits, 31/02), which the strict formatters then judge.
     */
    static long datePart(String text) {
        int n = text.length();
        if (n >= 10 && text.charAt(4) == '-') {
            if (text.charAt(7) != '-') {
                return NONE;
            }
            return pack(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), 10);
        }
        int slash1 = n > 2 && text.charAt(1) == '/' ? 1 : n > 3 && text.charAt(2) == '/' ? 2 : -1;
        if (slash1 < 0) {
            return NONE;
        }
        int slash2 = n > slash1 + 2 && text.charAt(slash1 + 2) == '/' ? slash1 + 2
                : n > slash1 + 3 && text.charAt(slash1 + 3) == '/' ? slash1 + 3 : -1;
        if (slash2 < 0 || n < slash2 + 5) {
            return NONE;
        }
        return pack(digits(text, slash2 + 1, slash2 + 5), digits(text, slash1 + 1, slash2), digits(text, 0, slash1),
                slash2 + 5);
    }

    private static long pack(int year, int month, int day, int end) {
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > 28 && day > Month.of(month).length(Year.isLeap(year))) {
            return NONE;
        }
        return (long) end << 32 | (long) year << 9 | month << 5 | day;
    }

    private static int end(long packed) {
        return (int) (packed >>> 32);
    }

    private static int year(long packed) {
        return (int) (packed & 0xFFFFFFFFL) >>> 9;
    }

    private static int month(long packed) {
        return (int) (packed >>> 5) & 0xF;
    }

    private static int day(long packed) {
        return (int) packed & 0x1F;
    }

    /** The number written by the ASCII digits text[from, to), or -1 if any character is not one. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * A timestamp in one of the scanned forms: a scanned date alone, {@code uuuu-MM-dd'T'HH:mm[:ss]},
     * {@code uuuu-MM-dd HH:mm[:ss]} or {@code d/M/uuuu H:mm[:ss]} (hour of one or two digits), with a real
     * time of day (00:00:00 to 23:59:59); null for anything else.
     */
    private static OffsetDateTime quickTimestamp(String text) {
        long ymd = datePart(text);
        if (ymd == NONE) {
            return null;
        }
        int n = text.length();
        int at = end(ymd);
        LocalDate date = LocalDate.of(year(ymd), month(ymd), day(ymd));
        if (at == n) {
            return inUk(date, 0);
        }
        boolean iso = at == 10 && text.charAt(4) == '-';
        char separator = text.charAt(at);
        if (separator != ' ' && !(iso && separator == 'T')) {
            return null;
        }
        int hourFrom = at + 1;
        int colon = n > hourFrom + 1 && text.charAt(hourFrom + 1) == ':' && !iso ? hourFrom + 1
                : n > hourFrom + 2 && text.charAt(hourFrom + 2) == ':' ? hourFrom + 2 : -1;
        if (colon < 0 || !(n == colon + 3 || n == colon + 6 && text.charAt(colon + 3) == ':')) {
            return null;
        }
        int hour = digits(text, hourFrom, colon);
        int minute = digits(text, colon + 1, colon + 3);
        int second = n == colon + 6 ? digits(text, colon + 4, colon + 6) : 0;
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return inUk(date, hour * 3600 + minute * 60 + second);
    }

    private static final ZoneRules UK_RULES = UK.getRules();

    /**
     * A stretch of UK local time, in seconds as if at UTC, in which every local time has exactly one
     * offset: between two clock changes, leaving out each change's gap or overlap.
     */
    private record Stretch(long from, long to, ZoneOffset offset) {
    }

    /** The stretch the last timestamp fell in: exports come in time order, so most cells fall in it too. */
    private static Stretch lastStretch = new Stretch(0, 0, ZoneOffset.UTC);

    /**
     * As {@code ZonedDateTime.ofLocal(local, UK, null).toOffsetDateTime()}, which looks the offset up in
     * the zone's rules for every cell; the offset of the stretch between two clock changes is looked up
     * once. Local times in a gap or an overlap are never in a stretch: they take the rules' path.
     */
    private static OffsetDateTime inUk(LocalDate date, int secondOfDay) {
        long local = date.toEpochDay() * 86_400 + secondOfDay;
        LocalDateTime dateTime = LocalDateTime.of(date, LocalTime.ofSecondOfDay(secondOfDay));
        Stretch s = lastStretch; // a record of final fields: safe to share between imports without a lock
        if (local >= s.from() && local < s.to()) {
            return OffsetDateTime.of(dateTime, s.offset());
        }
        OffsetDateTime result = ZonedDateTime.ofLocal(dateTime, UK, null).toOffsetDateTime();
        Instant instant = result.toInstant();
        ZoneOffsetTransition before = UK_RULES.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition after = UK_RULES.nextTransition(instant);
        long from = before == null ? Long.MIN_VALUE : localSeconds(before, Math::max);
        long to = after == null ? Long.MAX_VALUE : localSeconds(after, Math::min);
        ZoneOffset offset = before == null ? UK_RULES.getOffset(instant) : before.getOffsetAfter();
        if (local >= from && local < to && offset.equals(result.getOffset())) {
            lastStretch = new Stretch(from, to, offset);
        }
        return result;
    }

    /** The local time (as seconds) on one side of a change: the later of its two readings, or the earlier. */
    private static long localSeconds(ZoneOffsetTransition t, LongBinaryOperator pick) {
        long epoch = t.getInstant().getEpochSecond();
        return pick.applyAsLong(epoch + t.getOffsetBefore().getTotalSeconds(), epoch + t.getOffsetAfter().getTotalSeconds());
    }
}
