package io.migrationinsights.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.migrationinsights.ingest.ImportKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed demo files are exactly what {@link DemoDataGenerator} writes,
 * and they have the shape of the case study. Regenerate them with
 * {@code ./mvnw -B test -Dtest=DemoDataGeneratorTest -Ddemo.regenerate=true}.
 */
class DemoDataGeneratorTest {

    private static final Path DIR = Path.of("src/main/resources/demo");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final Map<String, String> files = DemoDataGenerator.generate();

    @Test
    void committedDemoFilesAreByteForByteTheGeneratorOutput() throws IOException {
        if (Boolean.getBoolean("demo.regenerate")) {
            DemoDataGenerator.write(DIR);
        }
        assertEquals(ImportKind.ALL.stream().map(k -> k.urlName() + ".csv").toList(),
                List.copyOf(files.keySet()).subList(0, ImportKind.ALL.size()), "X26: one file per import kind, in import order");
        assertEquals(new TreeSet<>(DemoLoader.PLAN.stream().map(DemoLoader.Step::file).toList()),
                new TreeSet<>(files.keySet()), "the loader imports every generated file");
        try (var committedFiles = Files.walk(DIR)) {
            assertEquals(new TreeSet<>(files.keySet()), committedFiles.filter(f -> f.toString().endsWith(".csv"))
                    .map(f -> DIR.relativize(f).toString()).collect(Collectors.toCollection(TreeSet::new)),
                    "no committed demo file that the generator does not write");
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            String committed = Files.readString(DIR.resolve(file.getKey()), StandardCharsets.UTF_8);
            if (!committed.equals(file.getValue())) {
                String[] want = file.getValue().split("\n", -1);
                String[] have = committed.split("\n", -1);
                int line = 0;
                while (line < Math.min(want.length, have.length) && want[line].equals(have[line])) {
                    line++;
                }
                fail(file.getKey() + " has drifted from DemoDataGenerator at line " + (line + 1) + ": committed '"
                        + (line < have.length ? have[line] : "<end>") + "', generated '"
                        + (line < want.length ? want[line] : "<end>") + "'. Regenerate: ./mvnw -B test "
                        + "-Dtest=DemoDataGeneratorTest -Ddemo.regenerate=true");
            }
        }
    }

    @Test
    void generatingTwiceGivesTheSameBytes() {
        assertEquals(files, DemoDataGenerator.generate());
    }

    @Test
    void staffAndCohortsHaveTheCaseStudyShape() {
        List<NamedCsvRecord> staff = rows("staff.csv");
        Map<String, NamedCsvRecord> byId = staff.stream().collect(Collectors.toMap(r -> r.getField("Staff ID"), r -> r));
        Set<String> active = staff.stream().filter(r -> r.getField("Employment Status").equalsIgnoreCase("active"))
                .map(r -> r.getField("Staff ID")).collect(Collectors.toSet());
        assertEquals(1200, active.size(), "active staff");
        assertEquals(9, staff.stream().map(r -> r.getField("Business Unit")).distinct().count(), "business units");
        assertEquals(12, staff.stream().map(r -> r.getField("Site")).distinct().count(), "sites");
        assertTrue(staff.stream().filter(r -> r.getField("Employment Status").equalsIgnoreCase("leaver"))
                .allMatch(r -> !r.getField("Leave Date").isEmpty()), "every leaver has a leave date");

        List<NamedCsvRecord> appointments = rows("appointments.csv");
        Set<String> inScope = appointments.stream().map(r -> r.getField("staff_id")).filter(active::contains)
                .collect(Collectors.toSet());
        assertEquals(600, inScope.size(), "in scope");
        Map<String, Long> staffByPhase = appointments.stream().collect(Collectors.groupingBy(
                r -> r.getField("phase").toLowerCase(), TreeMap::new, Collectors.counting()));
        assertEquals(20L, staffByPhase.get("pilot"));
        assertEquals(28L, staffByPhase.get("vip"));
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (NamedCsvRecord a : appointments) {
            LocalDate day = LocalDate.parse(a.getField("appointment_date"));
            assertTrue(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY,
                    "appointment on a working day: " + day);
            String phase = a.getField("phase").toLowerCase();
            YearMonth month = YearMonth.from(day);
            switch (phase) {
                case "pilot", "vip" -> assertEquals(YearMonth.of(2026, 2), month);
                case "rollout" -> assertEquals(YearMonth.of(2026, 3), month);
                case "washup" -> assertTrue(DemoDataGenerator.WASHUP_DAYS.contains(day));
                default -> fail("phase " + phase);
            }
            if (phase.equals("rollout")) {
                perDay.merge(day, 1L, Long::sum);
            }
        }
        assertTrue(perDay.values().stream().allMatch(n -> n <= 52), "about 50 a day at most: " + perDay);
        Set<String> migrated = appointments.stream().filter(a -> a.getField("outcome").equals("migrated"))
                .map(a -> a.getField("staff_id")).collect(Collectors.toSet());
        long outstanding = inScope.stream().filter(s -> !migrated.contains(s)).count();
        assertTrue(outstanding >= 2 && outstanding <= 10, "a few still outstanding: " + outstanding);
        long unavailable = appointments.stream().filter(a -> a.getField("outcome").equals("unavailable")
                && !a.getField("phase").equals("washup") && active.contains(a.getField("staff_id"))).count();
        assertTrue(unavailable >= 36 && unavailable <= 60, "about 8% unavailable on the day: " + unavailable);
        assertTrue(byId.keySet().containsAll(inScope));
    }

    @Test
    void nhsmailAccountsAreCreatedAWeekAheadAndRegisteredAfterCreation() {
        Map<String, LocalDate> firstAppointment = new HashMap<>();
        for (NamedCsvRecord a : rows("appointments.csv")) {
            firstAppointment.merge(a.getField("staff_id"), LocalDate.parse(a.getField("appointment_date")),
                    (x, y) -> x.isBefore(y) ? x : y);
        }
        Set<String> emails = new HashSet<>();
        int checked = 0;
        for (NamedCsvRecord n : rows("nhsmail-accounts.csv")) {
            assertTrue(emails.add(n.getField("email")), "unique email " + n.getField("email"));
            LocalDate created = LocalDate.parse(n.getField("created_date"), UK_DATE);
            String registered = n.getField("registered_date");
            if (!registered.isEmpty()) {
                assertTrue(!LocalDate.parse(registered, UK_DATE).isBefore(created), n.toString());
            }
            LocalDate first = firstAppointment.get(n.getField("external_sync_id"));
            if (first != null) {
                assertTrue(!created.isAfter(first.minusDays(7)), "created a week before the slot: " + n);
                checked++;
            }
        }
        assertEquals(603, checked, "every booked member of staff has an account (600 in scope, 3 who left)");
    }

    @Test
    void ticketsSpikeDuringTheMigrationAndOneRunsAcrossAClockChange() {
        Map<YearMonth, Integer> perMonth = new TreeMap<>();
        boolean acrossSpringChange = false;
        for (NamedCsvRecord t : rows("tickets.csv")) {
            LocalDateTime opened = LocalDateTime.parse(t.getField("opened_at"), UK_DATE_TIME);
            perMonth.merge(YearMonth.from(opened), 1, Integer::sum);
            if (!t.getField("resolved_at").isEmpty()) {
                LocalDateTime resolved = LocalDateTime.parse(t.getField("resolved_at"), UK_DATE_TIME);
                LocalDateTime change = LocalDateTime.of(2026, 3, 29, 1, 0);
                acrossSpringChange |= opened.isBefore(change) && resolved.isAfter(change)
                        && Duration.between(opened, resolved).toHours() > 24;
            }
        }
        assertEquals(12, perMonth.size(), "a year of tickets: " + perMonth.keySet());
        double baseline = (perMonth.get(YearMonth.of(2025, 9)) + perMonth.get(YearMonth.of(2025, 10))
                + perMonth.get(YearMonth.of(2025, 11)) + perMonth.get(YearMonth.of(2025, 12))) / 4.0;
        assertTrue(perMonth.get(YearMonth.of(2026, 3)) > 2.5 * baseline, "March spike: " + perMonth);
        assertTrue(perMonth.get(YearMonth.of(2026, 8)) < baseline * 0.8, "fewer calls afterwards: " + perMonth);
        assertTrue(acrossSpringChange, "a ticket open across the March clock change");
    }

    @Test
    void legacyExportsBurnDownToZeroOnceTheServerIsOff() {
        List<Long> active = new ArrayList<>();
        for (DemoLoader.Step step : DemoLoader.PLAN) {
            if (step.organisation().equals(DemoLoader.ODS_CODE) && step.kind() == ImportKind.LEGACY_ACCOUNTS) {
                List<NamedCsvRecord> rows = rows(step.file());
                assertEquals(732, rows.size(), "every export lists the same mailboxes: " + step.file());
                active.add(rows.stream().filter(r -> r.getField("mailbox_type").equalsIgnoreCase("user")
                        && r.getField("status").equalsIgnoreCase("active")).count());
                for (NamedCsvRecord r : rows) {
                    String logon = r.getField("last_logon");
                    assertTrue(logon.isEmpty() || LocalDateTime.parse(logon, UK_DATE_TIME).isBefore(step.ukTime()),
                            "no sign-in after the export was taken: " + step.file() + " " + r);
                }
            }
        }
        assertEquals(8, active.size(), "eight exports: " + active);
        assertTrue(active.get(0) > 600, "before the pilot every migrating mailbox is active: " + active);
        for (int i = 1; i < active.size(); i++) {
            assertTrue(active.get(i) < active.get(i - 1), "each export has fewer active user mailboxes: " + active);
        }
        assertEquals(0L, active.get(active.size() - 1), "the last export is taken after the switch-off: " + active);
        assertTrue(rows("legacy-accounts.csv").stream().noneMatch(r -> r.getField("status").equalsIgnoreCase("active")),
                "nothing is active on a server that is off");
    }

    @Test
    void secondOrganisationIsMidMigrationWithAccountsAtRiskToday() {
        String dir = DemoSecondOrganisation.DIR;
        Set<String> active = rows(dir + "staff.csv").stream().filter(r -> r.getField("employment_status").equals("active"))
                .map(r -> r.getField("staff_id")).collect(Collectors.toSet());
        assertEquals(140, active.size());
        List<NamedCsvRecord> appointments = rows(dir + "appointments.csv");
        assertEquals(80, appointments.stream().map(r -> r.getField("staff_id")).distinct().count(), "in scope");
        LocalDate today = LocalDate.of(2026, 11, 28);
        Map<String, LocalDate> next = new HashMap<>();
        for (NamedCsvRecord a : appointments) {
            LocalDate day = LocalDate.parse(a.getField("appointment_date"));
            assertEquals(day.isBefore(today), !a.getField("outcome").equals("scheduled"), "past slots have an outcome: " + a);
            if (!day.isBefore(today)) {
                next.merge(a.getField("staff_id"), day, (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        // the inactivity risk by hand: unregistered accounts whose 30th day comes before the next appointment
        long atRisk = rows(dir + "nhsmail-accounts.csv").stream().filter(n -> n.getField("registered_date").isEmpty()
                && next.containsKey(n.getField("staff_id"))
                && LocalDate.parse(n.getField("created_date")).plusDays(30).isBefore(next.get(n.getField("staff_id"))))
                .count();
        assertEquals(9, atRisk, "five Romsey accounts made in October, four pending after an unavailable slot");
    }

    private List<NamedCsvRecord> rows(String file) {
        String text = files.get(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(text)) {
            return csv.stream().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
