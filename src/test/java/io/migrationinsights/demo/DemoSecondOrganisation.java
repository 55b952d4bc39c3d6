package io.migrationinsights.demo;

import static io.migrationinsights.demo.DemoDataGenerator.ascii;

import io.migrationinsights.demo.DemoDataGenerator.Csv;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The second, smaller demo organisation, X27 "Demo Community Trust (synthetic)",
 * written to {@code demo/x27/}: 150 staff, 80 of them migrating, mid-way through
 * on 27 November 2026 (when its exports were taken): a pilot on 10-11 Nov and
 * Lymington on 23-24 Nov are done; Romsey (12-13 Jan 2027), the community teams
 * (19 Jan) and a wash-up (26 Jan) are still to come. Five Romsey accounts were
 * created in October, long before their January slots, and nobody has signed in
 * to them: with the unavailable people's pending accounts they are the
 * inactivity risk today. Its service desk's calls spike at Lymington's go-live. Its own seeded {@link Random}, so X26's files do not
 * move when this changes.
 */
final class DemoSecondOrganisation {

    static final String DIR = "x27/";
    static final long SEED = 20_261_127L;
    static final String DOMAIN = "democt.nhs.uk";
    static final String LYMINGTON = "Lymington Hospital";
    static final String ROMSEY = "Romsey Hospital";
    static final String COMMUNITY = "Community teams";
    static final List<String> UNITS = List.of("Adult Nursing", "Therapies", "Corporate Services");
    /** When X27's exports were taken. */
    static final LocalDate EXPORTED = LocalDate.of(2026, 11, 27);
    static final List<LocalDate> PILOT_DAYS = List.of(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11));
    static final List<LocalDate> LYMINGTON_DAYS = List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24));
    static final List<LocalDate> ROMSEY_DAYS = List.of(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 13));
    static final LocalDate COMMUNITY_DAY = LocalDate.of(2027, 1, 19);
    static final LocalDate WASHUP_DAY = LocalDate.of(2027, 1, 26);

    enum Group { PILOT, LYMINGTON, ROMSEY, COMMUNITY, ON_NHSMAIL, LEAVER }

    static final class Person {
        final Group group;
        String id;
        String first;
        String last;
        String handle;
        String unit;
        String site;
        String type;
        LocalDate leaveDate;
        LocalDate created;
        LocalDate registered;
        final List<String[]> appointments = new ArrayList<>();

        Person(Group group) {
            this.group = group;
        }

        boolean migrating() {
            return group != Group.ON_NHSMAIL && group != Group.LEAVER;
        }

        LocalDate migratedOn() {
            return appointments.stream().filter(a -> a[4].equals("migrated")).map(a -> LocalDate.parse(a[3]))
                    .findFirst().orElse(null);
        }
    }

    private final Random rnd = new Random(SEED);
    private final List<Person> people = new ArrayList<>();

    private DemoSecondOrganisation() {
    }

    /** X27's files by path under {@code demo/}, in import order. */
    static Map<String, String> generate() {
        return new DemoSecondOrganisation().build();
    }

    private Map<String, String> build() {
        add(Group.PILOT, 8, LYMINGTON);
        add(Group.LYMINGTON, 32, LYMINGTON);
        add(Group.ROMSEY, 25, ROMSEY);
        add(Group.COMMUNITY, 15, COMMUNITY);
        for (int i = 0; i < 60; i++) {
            add(Group.ON_NHSMAIL, 1, List.of(LYMINGTON, ROMSEY, COMMUNITY).get(rnd.nextInt(3)));
        }
        add(Group.LEAVER, 10, LYMINGTON);
        Collections.shuffle(people, rnd);
        int number = 20_000;
        Set<String> handles = new HashSet<>();
        for (Person p : people) {
            number += 1 + rnd.nextInt(3);
            p.id = "C" + number;
            String base = ascii(p.first) + "." + ascii(p.last);
            String handle = base;
            for (int n = 2; !handles.add(handle); n++) {
                handle = base + n;
            }
            p.handle = handle;
        }
        people.sort(Comparator.comparing(p -> p.id));
        schedule();
        accounts();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DIR + "staff.csv", staffCsv());
        files.put(DIR + "legacy-accounts.csv", legacyCsv());
        files.put(DIR + "nhsmail-accounts.csv", nhsmailCsv());
        files.put(DIR + "appointments.csv", appointmentsCsv());
        files.put(DIR + "tickets.csv", ticketsCsv());
        return files;
    }

    private void add(Group group, int count, String site) {
        for (int i = 0; i < count; i++) {
            Person p = new Person(group);
            p.first = DemoDataGenerator.FIRST[rnd.nextInt(DemoDataGenerator.FIRST.length)];
            p.last = DemoDataGenerator.LAST[rnd.nextInt(DemoDataGenerator.LAST.length)];
            p.site = site;
            p.unit = group == Group.PILOT ? "Corporate Services" : UNITS.get(rnd.nextInt(UNITS.size()));
            p.type = site.equals(COMMUNITY) ? (rnd.nextInt(2) == 0 ? "community" : "home_based") : "standard";
            if (group == Group.LEAVER) {
                p.leaveDate = LocalDate.of(2026, 1, 5).plusDays(rnd.nextInt(300));
            }
            people.add(p);
        }
    }

    private List<Person> group(Group g) {
        return people.stream().filter(p -> p.group == g).toList();
    }

    private void schedule() {
        List<Person> pilot = group(Group.PILOT);
        for (int i = 0; i < pilot.size(); i++) {
            book(pilot.get(i), "pilot", PILOT_DAYS.get(i * 2 / pilot.size()), i == 5 ? "unavailable" : "migrated");
        }
        List<Person> lym = group(Group.LYMINGTON);
        for (int i = 0; i < lym.size(); i++) {
            book(lym.get(i), "rollout", LYMINGTON_DAYS.get(i * 2 / lym.size()),
                    i == 3 || i == 17 || i == 29 ? "unavailable" : "migrated");
        }
        List<Person> romsey = group(Group.ROMSEY);
        for (int i = 0; i < romsey.size(); i++) {
            book(romsey.get(i), "rollout", ROMSEY_DAYS.get(i * 2 / romsey.size()), "scheduled");
        }
        for (Person p : group(Group.COMMUNITY)) {
            book(p, "rollout", COMMUNITY_DAY, "scheduled");
        }
        for (Person p : people) {
            if (p.migrating() && p.appointments.get(0)[4].equals("unavailable")) {
                book(p, "washup", WASHUP_DAY, "scheduled");
            }
        }
    }

    private static void book(Person p, String phase, LocalDate day, String outcome) {
        p.appointments.add(new String[] {p.id, p.site, phase, day.toString(), outcome});
    }

    private void accounts() {
        int early = 0;
        for (Person p : people) {
            switch (p.group) {
                case PILOT -> p.created = LocalDate.of(2026, 10, 27);
                case LYMINGTON -> p.created = LocalDate.of(2026, 11, 9);
                case ROMSEY -> p.created = early++ < 5 ? LocalDate.of(2026, 10, 12) : null;
                case ON_NHSMAIL -> {
                    p.created = LocalDate.of(2015, 1, 5).plusDays(rnd.nextInt(3400));
                    p.registered = p.created.plusDays(rnd.nextInt(10));
                }
                default -> {
                    // community teams get their accounts in December; leavers never had one
                }
            }
            LocalDate migrated = p.migratedOn();
            if (migrated != null) {
                p.registered = migrated.minusDays(rnd.nextInt(3));
            }
        }
    }

    private String staffCsv() {
        Csv csv = new Csv("staff_id", "first_name", "last_name", "email", "business_unit", "site", "user_type",
                "employment_status", "leave_date");
        for (Person p : people) {
            String email = p.group == Group.ON_NHSMAIL ? p.handle + "@nhs.net" : p.handle + "@" + DOMAIN;
            csv.row(p.id, p.first, p.last, email, p.unit, p.site, p.type, p.group == Group.LEAVER ? "leaver" : "active",
                    p.leaveDate == null ? null : p.leaveDate.toString());
        }
        return csv.toString();
    }

    private String legacyCsv() {
        List<String[]> rows = new ArrayList<>();
        int leavers = 0;
        for (Person p : people) {
            if (p.group == Group.ON_NHSMAIL) {
                continue;
            }
            String status;
            LocalDateTime logon;
            if (p.group == Group.LEAVER) {
                status = leavers++ < 4 ? "active" : "disabled";
                logon = p.leaveDate.minusDays(1).atTime(16, rnd.nextInt(60));
            } else {
                LocalDate migrated = p.migratedOn();
                status = migrated != null ? "disabled" : "active";
                logon = (migrated != null ? migrated : EXPORTED.minusDays(1)).atTime(8, rnd.nextInt(60));
            }
            rows.add(new String[] {p.handle + "@" + DOMAIN, p.id, "user", status,
                String.format(java.util.Locale.ROOT, "%.1f", 20 + rnd.nextDouble() * 4000), logon.toString(), null});
        }
        List<Person> owners = people.stream().filter(p -> p.group == Group.ON_NHSMAIL).toList();
        rows.add(new String[] {"lymington.wards@" + DOMAIN, null, "shared", "active", "812.5", null, owners.get(0).id});
        rows.add(new String[] {"romsey.reception@" + DOMAIN, null, "shared", "active", "240.0", null, null});
        rows.sort(Comparator.comparing(r -> r[0]));
        Csv csv = new Csv("account", "staff_id", "mailbox_type", "status", "mailbox_size_mb", "last_logon",
                "owner_staff_id");
        rows.forEach(r -> csv.row((Object[]) r));
        return csv.toString();
    }

    private String nhsmailCsv() {
        Csv csv = new Csv("email", "staff_id", "created_date", "registered_date", "status");
        people.stream().filter(p -> p.created != null).sorted(Comparator.comparing(p -> p.handle))
                .forEach(p -> csv.row(p.handle + "@nhs.net", p.id, p.created.toString(),
                        p.registered == null ? null : p.registered.toString(),
                        p.registered == null ? "migration_pending" : "active"));
        return csv.toString();
    }

    /**
     * The service desk from September to the export: a steady trickle, 70% with a known caller, and the calls of
     * migrated people on their day or in the two working days after it (migration related), so Lymington's
     * go-live shows its spike.
     */
    private String ticketsCsv() {
        record Ticket(LocalDateTime opened, String category, String channel, boolean migration, String caller) {
        }
        List<Ticket> tickets = new ArrayList<>();
        List<Person> callers = people.stream().filter(p -> p.group != Group.LEAVER).toList();
        String[] categories = {"password_reset", "calendar", "missing_mail", "shared_mailbox", "mobile_device", "other"};
        for (LocalDate d = LocalDate.of(2026, 9, 1); d.isBefore(EXPORTED); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6 || rnd.nextInt(100) >= 45) {
                continue;
            }
            String caller = rnd.nextInt(100) < 70 ? callers.get(rnd.nextInt(callers.size())).id : null;
            tickets.add(new Ticket(d.atTime(8, 0).plusMinutes(rnd.nextInt(540)), categories[rnd.nextInt(categories.length)],
                    rnd.nextBoolean() ? "phone" : "email", false, caller));
        }
        String[] migration = {"password_reset", "account_activation", "mobile_device", "delegation_access", "calendar"};
        for (Person p : people) {
            LocalDate migrated = p.migratedOn();
            if (migrated == null || rnd.nextInt(100) >= 60) {
                continue;
            }
            LocalDate day = migrated;
            for (int k = rnd.nextInt(3); k > 0; k--) {
                day = DemoDataGenerator.nextWorkingDay(day);
            }
            tickets.add(new Ticket(day.atTime(8, 30).plusMinutes(rnd.nextInt(480)),
                    migration[rnd.nextInt(migration.length)], day.equals(migrated) ? "floorwalker" : "phone", true, p.id));
        }
        tickets.sort(Comparator.comparing(Ticket::opened).thenComparing(Ticket::category));
        Csv csv = new Csv("ticket_id", "opened_at", "resolved_at", "category", "channel", "migration_related", "staff_id");
        int number = 7_000;
        for (Ticket t : tickets) {
            number += 1 + rnd.nextInt(2);
            LocalDateTime resolved = t.opened().plusMinutes(15 + rnd.nextInt(300));
            csv.row("CT" + number, t.opened().toString(), resolved.isBefore(EXPORTED.atTime(9, 0)) ? resolved.toString() : null,
                    t.category(), t.channel(), t.migration() ? "yes" : "no", t.caller());
        }
        return csv.toString();
    }

    private String appointmentsCsv() {
        Csv csv = new Csv("staff_id", "site", "phase", "appointment_date", "outcome");
        people.stream().flatMap(p -> p.appointments.stream())
                .sorted(Comparator.comparing((String[] a) -> a[3]).thenComparing(a -> a[0]))
                .forEach(a -> csv.row((Object[]) a));
        return csv.toString();
    }
}
