package io.migrationinsights.ingest;

import static io.migrationinsights.system.ClockProducer.UK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cell readers on their own (no application needed). Values reads the common forms with hand-written
 * scanners; {@link Reference} below is the reader as it was before them (strict {@link DateTimeFormatter}s
 * only), and every text here must give the same value or the same message through both.
 */
class ValuesTest {

    private static final Field STATUS = Field.oneOf("status", true, "active", "inactive", "active_leaver");

    @ParameterizedTest
    @CsvSource({
            "2026-03-01, 2026-03-01", "1/3/2026, 2026-03-01", "01/03/2026, 2026-03-01", "1/03/2026, 2026-03-01",
            "01/3/2026, 2026-03-01", "31/12/2026, 2026-12-31", "29/2/2024, 2024-02-29", "2024-02-29, 2024-02-29",
            "29/02/2000, 2000-02-29", "0000-01-01, 0000-01-01", "9999-12-31, 9999-12-31"})
    void readsDatesInBothForms(String text, String expected) {
        assertEquals(LocalDate.parse(expected), Values.date(text));
        assertSameAsReference(text, Values::date, Reference::date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2026", "29/02/2026", "29/2/2100", "2026-02-30", "2026-02-29", "31/04/2026",
            "2026-04-31", "0/3/2026", "00/03/2026", "1/0/2026", "1/13/2026", "2026-00-10", "2026-13-01",
            "2026-01-00", "2026-01-32", "32/1/2026"})
    void refusesDatesNotOnTheCalendar(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.date(text));
        assertEquals("is not a real calendar date", e.getMessage());
        assertSameAsReference(text, Values::date, Reference::date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"next week", "", "2026-3-1", "2026/03/01", "1-3-2026", "1/3/26", "1/3/226", "1/3/20261",
            "1/3/2026x", "2026-03-01x", "2026-03-011", " 1/3/2026", "1/3/2026 ", "1 /3/2026", "+2026-03-01",
            "-2026-03-01", "+1/3/2026", "-1/3/2026", "1/-3/2026", "001/3/2026", "1/003/2026", "111/3/2026",
            "1/3/+2026", "1/3/-2026", "12026-03-01", "2026-03-01T10:00", "1/3/2026 10:00", "1//2026", "//",
            "\uFF12\uFF10\uFF12\uFF16-03-01", "\u0661/3/2026", "1/3/202\u0666", "2026_03_01", "2026-03-1", "2026-3-01"})
    void givesTheFormattersAnswerForEveryOtherShape(String text) {
        assertSameAsReference(text, Values::date, Reference::date);
    }

    @ParameterizedTest
    @CsvSource({
            // winter (UTC+0) and summer (UTC+1), every accepted form
            "2026-01-15 09:30, 2026-01-15T09:30Z", "2026-01-15T09:30, 2026-01-15T09:30Z",
            "2026-01-15 09:30:45, 2026-01-15T09:30:45Z", "2026-01-15T09:30:45, 2026-01-15T09:30:45Z",
            "15/1/2026 9:30, 2026-01-15T09:30Z", "15/01/2026 09:30:45, 2026-01-15T09:30:45Z",
            "2026-07-15 09:30, 2026-07-15T09:30+01:00", "15/7/2026 0:00, 2026-07-15T00:00+01:00",
            "2026-07-15, 2026-07-15T00:00+01:00", "15/7/2026, 2026-07-15T00:00+01:00",
            "2026-01-15, 2026-01-15T00:00Z", "31/12/2026 23:59:59, 2026-12-31T23:59:59Z",
            // the spring gap (29 March 2026, 01:00 to 02:00 does not exist) moves forward by the gap
            "2026-03-29 01:30, 2026-03-29T02:30+01:00", "29/3/2026 1:00, 2026-03-29T02:00+01:00",
            "2026-03-29 00:59:59, 2026-03-29T00:59:59Z", "2026-03-29 02:00, 2026-03-29T02:00+01:00",
            // the autumn overlap (25 October 2026, 01:00 to 02:00 twice) takes the earlier offset
            "2026-10-25 01:30, 2026-10-25T01:30+01:00", "25/10/2026 1:00, 2026-10-25T01:00+01:00",
            "2026-10-25 00:59:59, 2026-10-25T00:59:59+01:00", "2026-10-25 02:00, 2026-10-25T02:00Z"})
    void readsTimestampsAsUkLocalTime(String text, String expected) {
        assertEquals(OffsetDateTime.parse(expected), Values.timestamp(text));
        assertSameAsReference(text, Values::timestamp, Reference::timestamp);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02 25:00", "2026-03-02 24:00", "2026-03-02 23:60", "2026-03-02 23:59:60",
            "2026-03-02 9am", "2026-03-02 9:00", "2026-03-02T9:00", "2026-03-02 09:0", "2026-03-02 09:00:0",
            "2026-03-02 09:00:", "2026-03-02 09:00:00.5", "2026-03-02  09:00", "2026-03-02T 09:00", "2026-03-02x09:00",
            "31/02/2026 10:00", "2026-02-30", "2/3/2026T10:00", "2/3/2026 10:00:00:00", "2/3/2026 100:00",
            "2/3/2026 010:00", "2/3/2026 -1:00", "2/3/2026 +1:00", "2/3/2026 1:5", "2/3/2026 1:", "2/3/2026 :00",
            "yesterday", "2/3/26", "2/3/26 10:00", "2026-03-02 10:00 ", "2026-03-02 10:00Z", "2026-03-02T10:00+01:00",
            "2026-03-02t10:00", "2026-03-02 \u0661\u0660:00", "0/3/2026 10:00", "1/13/2026 10:00", ""})
    void refusesOrAcceptsOtherTimestampShapesAsTheFormattersDo(String text) {
        assertSameAsReference(text, Values::timestamp, Reference::timestamp);
    }

    @Test
    void readsEveryQuarterHourFrom2024To2027AsTheZoneRulesDo() {
        List<String> texts = new ArrayList<>();
        for (LocalDateTime t = LocalDateTime.of(2024, 1, 1, 0, 0); t.getYear() < 2028; t = t.plusMinutes(15)) {
            texts.add(String.format(Locale.ROOT, "%d/%d/%04d %d:%02d", t.getDayOfMonth(), t.getMonthValue(),
                    t.getYear(), t.getHour(), t.getMinute()));
        }
        texts.forEach(text -> assertSameAsReference(text, Values::timestamp, Reference::timestamp));
        // the same times out of order, so that the offset looked up for one stretch is never reused wrongly
        Collections.shuffle(texts, new Random(11));
        texts.forEach(text -> assertSameAsReference(text, Values::timestamp, Reference::timestamp));
    }

    @Test
    void readsEveryMinuteAroundEachClockChangeAsTheZoneRulesDo() {
        for (int year = 2000; year <= 2040; year++) {
            for (LocalDate day : List.of(LocalDate.of(year, 3, 31), LocalDate.of(year, 10, 31))) {
                LocalDate sunday = day.minusDays(day.getDayOfWeek().getValue() % 7); // last Sunday of the month
                for (LocalDateTime t = sunday.minusDays(1).atStartOfDay(); t.isBefore(sunday.plusDays(2).atStartOfDay());
                     t = t.plusMinutes(1)) {
                    String iso = t.toLocalDate() + " " + t.toLocalTime() + ":17";
                    assertSameAsReference(iso, Values::timestamp, Reference::timestamp);
                }
            }
        }
    }

    /** Random texts near the accepted shapes: digits, separators and a few strangers, in every length. */
    @Test
    void agreesWithTheFormattersOnRandomTextsNearTheAcceptedShapes() {
        Random random = new Random(2026);
        String[] pieces = {"0", "1", "2", "3", "9", "12", "29", "31", "2024", "2026", "2100", "/", "-", ":", " ",
                "T", "+", "x", "00", "59", "60", "23", "24", "\u0663"};
        List<String> seeds = List.of("2026-02-28", "28/2/2026", "2026-02-28 23:59:59", "28/02/2026 9:05",
                "2026-02-28T00:00");
        for (int i = 0; i < 100_000; i++) {
            String text;
            if (random.nextBoolean()) {
                StringBuilder b = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.setCharAt(at, pieces[random.nextInt(pieces.length)].charAt(0));
                    case 1 -> b.insert(at, pieces[random.nextInt(pieces.length)]);
                    default -> b.deleteCharAt(at);
                }
                text = b.toString();
            } else {
                StringBuilder b = new StringBuilder();
                for (int n = random.nextInt(8); n >= 0; n--) {
                    b.append(pieces[random.nextInt(pieces.length)]);
                }
                text = b.toString();
            }
            assertSameAsReference(text, Values::date, Reference::date);
            assertSameAsReference(text, Values::timestamp, Reference::timestamp);
        }
    }

    @ParameterizedTest
    @CsvSource(value = {"active, active", "ACTIVE, active", "Active_Leaver, active_leaver", "inActive, inactive"})
    void readsEnumerationsInAnyCase(String text, String expected) {
        assertEquals(expected, Values.enumeration(STATUS, text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"actives", "activ", "", "act ive", "\u0130nactive", "\u212Active", "ACT\u0130VE",
            "active\u0000", "\u00E4ctive"})
    void readsOtherEnumerationTextAsBefore(String text) {
        String expected;
        try {
            expected = Reference.enumeration(STATUS, text);
        } catch (IllegalArgumentException e) {
            expected = "refused: " + e.getMessage();
        }
        String actual;
        try {
            actual = Values.enumeration(STATUS, text);
        } catch (IllegalArgumentException e) {
            actual = "refused: " + e.getMessage();
        }
        assertEquals(expected, actual, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b@nhs.net", "A.B@NHS.Net", "", "Z", "@[`{", "\u0130nactive@nhs.net", "x\u212A",
            "\u00C9mile@nhs.net", "\u01C5", "abc\u00DF", "ABC\u03A3"})
    void lowerCasesAsStringDoes(String text) {
        assertEquals(text.toLowerCase(Locale.ROOT), Values.lower(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "yes", "YES", "y", "Y", "1", "false", "FALSE", "no", "No", "n",
            "N", "0", "", "t", "f", "2", "yes ", "tru", "truee", "\u0130", "y\u0307", "\u212A", "ja", "01"})
    void readsBooleansAsBefore(String text) {
        assertSameAsReference(text, Values::bool, Reference::bool);
    }

    private static <T> void assertSameAsReference(String text, Function<String, T> values, Function<String, T> reference) {
        assertEquals(outcome(text, reference), outcome(text, values), "for '" + text + "'");
    }

    private static <T> String outcome(String text, Function<String, T> reader) {
        try {
            return "value " + reader.apply(text);
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
    }

    /** The readers as they were before the scanners (commit 65eed81): strict formatters for every cell. */
    static final class Reference {

        private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");
        private static final DateTimeFormatter UK_DATE = strict("d/M/uuuu");
        private static final DateTimeFormatter ISO_T_TIMESTAMP = strict("uuuu-MM-dd'T'HH:mm[:ss]");
        private static final DateTimeFormatter ISO_SPACE_TIMESTAMP = strict("uuuu-MM-dd HH:mm[:ss]");
        private static final DateTimeFormatter UK_TIMESTAMP = strict("d/M/uuuu H:mm[:ss]");

        private static DateTimeFormatter strict(String pattern) {
            return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
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
                    : "is not a date and time: use YYYY-MM-DD HH:MM[:SS], YYYY-MM-DDTHH:MM[:SS] or DD/MM/YYYY "
                            + "HH:MM[:SS], or a date alone (YYYY-MM-DD or DD/MM/YYYY, meaning 00:00 UK time)");
        }

        static Boolean bool(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> Boolean.TRUE;
                case "false", "no", "n", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("must be true/false, yes/no, y/n or 1/0");
            };
        }

        private static boolean looksLikeDate(String text) {
            return text.matches("\\d{4}-\\d{1,2}-\\d{1,2}([ T].*)?") || text.matches("\\d{1,2}/\\d{1,2}/\\d{4}( .*)?");
        }
    }
}
