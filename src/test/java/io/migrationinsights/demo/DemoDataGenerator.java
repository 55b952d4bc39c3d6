package io.migrationinsights.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes the synthetic demo dataset of {@code src/main/resources/demo}: one CSV
 * per import kind, shaped like the SCW CSU case study (1,200 staff, half already
 * on NHSmail, 600 migrated by a pilot, an executive/PA cohort and a site-by-site
 * rollout of about 50 a day, a wash-up two weeks later). Everything comes from
 * one seeded {@link Random} and a fixed calendar, so the output is the same
 * bytes on every machine; {@code DemoDataGeneratorTest} keeps the committed
 * files equal to it.
 *
 * <p>Run {@code main} (or the test with {@code -Ddemo.regenerate=true}) to
 * rewrite the files after changing this class.
 */
public final class DemoDataGenerator {

    static final long SEED = 20_260_302L;
    static final ZoneId UK = ZoneId.of("Europe/London");
    static final String LEGACY_DOMAIN = "democsu.nhs.uk";

    // The calendar of the synthetic project.
    static final LocalDate PILOT_CREATED = LocalDate.of(2026, 1, 20);
    static final List<LocalDate> PILOT_DAYS = List.of(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 4));
    static final LocalDate VIP_CREATED = LocalDate.of(2026, 2, 3);
    static final List<LocalDate> VIP_DAYS = List.of(LocalDate.of(2026, 2, 17), LocalDate.of(2026, 2, 18),
            LocalDate.of(2026, 2, 19), LocalDate.of(2026, 2, 24));
    static final LocalDate ROLLOUT_START = LocalDate.of(2026, 3, 2);
    static final List<LocalDate> WASHUP_DAYS = List.of(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 4, 15));
    static final LocalDate DECOMMISSIONED = LocalDate.of(2026, 6, 30);
    /**
     * The Exchange exports taken before the last one, each a Monday-morning (or first of the month) snapshot:
     * before the pilot, after it, before the rollout, mid-rollout, after it, after the wash-up and the leavers'
     * housekeeping, after the unowned accounts' housekeeping. The last export ({@link #LAST_LEGACY_EXPORT},
     * {@code legacy-accounts.csv}) is taken the day after the server was switched off.
     */
    static final List<LocalDate> LEGACY_EXPORTS = List.of(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 2, 9),
            LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 6, 1));
    static final LocalDate LAST_LEGACY_EXPORT = DECOMMISSIONED.plusDays(1);
    /** Leavers' legacy mailboxes are disabled after the wash-up; unowned and former users' a month later. */
    static final LocalDate LEAVERS_DISABLED = LocalDate.of(2026, 4, 20);
    static final LocalDate UNOWNED_DISABLED = LocalDate.of(2026, 5, 20);
    static final LocalDate TICKETS_FROM = LocalDate.of(2025, 9, 1);
    static final LocalDate TICKETS_TO = LocalDate.of(2026, 8, 31);
    /** When the service-desk export was taken: later resolutions are not in it yet. */
    static final LocalDateTime EXPORTED_AT = LocalDateTime.of(2026, 9, 1, 9, 0);

    static final int PER_DAY = 50;

    static final String HOME = "Home and community";
    static final String HQ = "Omega House, Eastleigh";
    static final List<String> SITES = List.of(HQ, "Oxford", "Bristol", "Swindon", "Reading", "Southampton",
            "Portsmouth", "Newbury", "Bournemouth", "Salisbury", "Chippenham", HOME);
    /**
     * Staff still on Exchange, by site, in rollout order: headquarters first,
     * remote staff last. The other sites came from organisations already on NHSmail.
     */
    static final Map<String, Integer> ROLLOUT = rollout();
    /** Where everyone else works: the sites that joined from NHSmail organisations are mostly here. */
    static final int[] SITE_WEIGHTS = {8, 6, 6, 4, 4, 4, 6, 8, 12, 8, 8, 6};
    static final List<String> UNITS = List.of("HR", "Finance", "Procurement", "Marketing", "Communications",
            "Registration Authority", "Business Intelligence", "IT Services", "Digital Transformation");
    static final int[] UNIT_WEIGHTS = {8, 12, 6, 4, 5, 5, 22, 18, 10};

    private static Map<String, Integer> rollout() {
        Map<String, Integer> sites = new LinkedHashMap<>();
        sites.put(HQ, 100);
        sites.put("Oxford", 100);
        sites.put("Bristol", 98);
        sites.put("Swindon", 50);
        sites.put("Reading", 50);
        sites.put("Southampton", 50);
        sites.put("Portsmouth", 48);
        sites.put(HOME, 56);
        return sites;
    }

    static final String[] FIRST = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Sophia", "Grace", "Lily",
        "Freya", "Emily", "Ella", "Evie", "Poppy", "Chloe", "Jessica", "Sarah", "Rachel", "Helen", "Claire", "Emma",
        "Zoë", "Siân", "Niamh", "Aoife", "Priya", "Aisha", "Fatima", "Mei", "Agnieszka", "Joanna", "Oliver", "George",
        "Harry", "Jack", "Jacob", "Noah", "Charlie", "Thomas", "Oscar", "William", "James", "Daniel", "David", "Mark",
        "Paul", "Richard", "Stephen", "Andrew", "Peter", "Michael", "Rhys", "Dafydd", "Seán", "Rohan", "Arjun",
        "Mohammed", "Yusuf", "Tomasz", "Kwame", "Chidi"};
    static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
        "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
        "Jackson", "Clarke", "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis",
        "Rodriguez", "Cox", "Alexander", "Morgan", "Hughes", "Edwards", "Hill", "Moore", "Clark", "Harrison",
        "Scott", "Young", "Morris", "Ward", "Turner", "Carter", "Cooper", "Bailey", "Parker", "Bell", "Price",
        "Collins", "Murphy", "Kelly", "O'Neill", "O'Brien", "Begum", "Ahmed", "Singh", "Shah", "Nowak", "Kowalski",
        "Okafor", "Mensah", "Chen", "Wong", "Lloyd", "Powell", "Rees", "Pugh", "Fraser", "Macdonald", "Stewart",
        "Ashworth", "Fenwick", "Whitlock", "Pemberton", "Hargreaves", "Featherstone", "Blackwood", "Ellery"};

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
    private static final DateTimeFormatter UK_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);

    enum Group { PILOT, VIP, ROLLOUT, ON_NHSMAIL, NEW_STARTER, LEAVER }

    /** One member of staff and everything the generator decides about them. */
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
        final List<Appointment> appointments = new ArrayList<>();
        LocalDate created;
        LocalDate registered;

        Person(Group group) {
            this.group = group;
        }

        boolean leaver() {
            return group == Group.LEAVER;
        }

        boolean migrating() {
            return group == Group.PILOT || group == Group.VIP || group == Group.ROLLOUT;
        }

        LocalDate migratedOn() {
            return appointments.stream().filter(a -> a.outcome.equals("migrated")).map(a -> a.date)
                    .findFirst().orElse(null);
        }
    }

    record Appointment(Person person, String phase, LocalDate date, String outcome) {
    }

    record Ticket(LocalDateTime opened, LocalDateTime resolved, String category, String channel,
                  boolean migrationRelated, String staffId) {
    }

    private final Random rnd = new Random(SEED);
    private final List<Person> people = new ArrayList<>();
    private final List<Appointment> appointments = new ArrayList<>();
    private final List<Ticket> tickets = new ArrayList<>();
    private final Map<String, LocalDate> siteStart = new LinkedHashMap<>();
    /** The legacy mailbox inventory (an export's rows before dating) and the person behind each user mailbox. */
    private final List<String[]> legacyRows = new ArrayList<>();
    private final Map<String, Person> legacyHolder = new LinkedHashMap<>();

    private DemoDataGenerator() {
    }

    /**
     * The demo files by path under {@code demo/}: first the eight of X26, one per kind in import order (the
     * legacy file is its last export), then X26's earlier legacy exports, then the second organisation's
     * ({@link DemoSecondOrganisation}).
     */
    public static Map<String, String> generate() {
        Map<String, String> files = new DemoDataGenerator().build();
        files.putAll(DemoSecondOrganisation.generate());
        return files;
    }

    /** Rewrites the demo files into the given folder (default: src/main/resources/demo). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/main/resources/demo");
        write(dir);
    }

    static void write(Path dir) throws IOException {
        for (Map.Entry<String, String> file : generate().entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    private Map<String, String> build() {
        createPeople();
        scheduleAppointments();
        createNhsmailAccounts();
        createTickets();
        Map<String, String> files = new LinkedHashMap<>();
        files.put("staff.csv", staffCsv());
        legacyInventory();
        files.put("legacy-accounts.csv", legacyExport(LAST_LEGACY_EXPORT));
        files.put("nhsmail-accounts.csv", nhsmailCsv());
        files.put("appointments.csv", appointmentsCsv());
        files.put("tickets.csv", ticketsCsv());
        files.put("finance.csv", financeCsv());
        files.put("benefits.csv", benefitsCsv());
        files.put("benefit-measurements.csv", measurementsCsv());
        for (LocalDate exported : LEGACY_EXPORTS) {
            files.put(legacyExportFile(exported), legacyExport(exported));
        }
        return files;
    }

    // --- people ------------------------------------------------------------

    private void createPeople() {
        for (int i = 0; i < 20; i++) {
            Person p = person(Group.PILOT, i % 3 == 2 ? "Digital Transformation" : "IT Services", HQ, "standard");
            people.add(p);
        }
        for (int i = 0; i < 28; i++) {
            String site = i % 4 == 3 ? "Oxford" : i % 7 == 5 ? "Bristol" : HQ;
            people.add(person(Group.VIP, pick(UNITS, UNIT_WEIGHTS), site, i < 13 ? "executive" : "executive_pa"));
        }
        ROLLOUT.forEach((site, count) -> {
            for (int i = 0; i < count; i++) {
                people.add(person(Group.ROLLOUT, pick(UNITS, UNIT_WEIGHTS), site, typeAt(site)));
            }
        });
        for (int i = 0; i < 594; i++) {
            Person p = ordinary(Group.ON_NHSMAIL);
            if (i < 3) {
                p.type = i < 2 ? "executive" : "executive_pa";
                p.site = HQ;
            }
            people.add(p);
        }
        for (int i = 0; i < 6; i++) {
            people.add(person(Group.NEW_STARTER, pick(UNITS, UNIT_WEIGHTS), SITES.get(rnd.nextInt(SITES.size() - 1)),
                    "standard"));
        }
        for (int i = 0; i < 36; i++) {
            Person p = ordinary(Group.LEAVER);
            p.leaveDate = LocalDate.of(2025, 4, 1).plusDays(rnd.nextInt(365));
            people.add(p);
        }
        // Staff numbers are handed out in no particular order, with gaps.
        Collections.shuffle(people, rnd);
        int number = 10_000;
        Set<String> handles = new HashSet<>();
        for (Person p : people) {
            number += 1 + rnd.nextInt(4);
            p.id = "S" + number;
            String base = ascii(p.first) + "." + ascii(p.last);
            String handle = base;
            for (int n = 2; !handles.add(handle); n++) {
                handle = base + n;
            }
            p.handle = handle;
        }
    }

    private Person ordinary(Group group) {
        String site = pick(SITES, SITE_WEIGHTS);
        return person(group, pick(UNITS, UNIT_WEIGHTS), site, typeAt(site));
    }

    private String typeAt(String site) {
        if (site.equals(HOME)) {
            return rnd.nextInt(10) < 4 ? "community" : "home_based";
        }
        return rnd.nextInt(100) < 3 ? "community" : "standard";
    }

    private Person person(Group group, String unit, String site, String type) {
        Person p = new Person(group);
        p.first = FIRST[rnd.nextInt(FIRST.length)];
        p.last = LAST[rnd.nextInt(LAST.length)];
        p.unit = unit;
        p.site = site;
        p.type = type;
        return p;
    }

    // --- appointments --------------------------------------------------------

    private void scheduleAppointments() {
        List<Person> pilot = byId(Group.PILOT);
        for (int i = 0; i < pilot.size(); i++) {
            book(pilot.get(i), "pilot", PILOT_DAYS.get(i * PILOT_DAYS.size() / pilot.size()), i == 13 ? "unavailable" : "migrated");
        }
        List<Person> vip = byId(Group.VIP);
        for (int i = 0; i < vip.size(); i++) {
            book(vip.get(i), "vip", VIP_DAYS.get(i * VIP_DAYS.size() / vip.size()),
                    i == 4 || i == 22 ? "unavailable" : "migrated");
        }
        LocalDate day = ROLLOUT_START;
        for (String site : ROLLOUT.keySet()) {
            List<Person> cohort = byId(Group.ROLLOUT).stream().filter(p -> p.site.equals(site)).toList();
            int days = (cohort.size() + PER_DAY - 1) / PER_DAY;
            siteStart.put(site, day);
            for (int d = 0; d < days; d++) {
                for (Person p : cohort.subList(d * cohort.size() / days, (d + 1) * cohort.size() / days)) {
                    int r = rnd.nextInt(1000);
                    book(p, "rollout", day, r < 75 ? "unavailable" : r < 85 ? "failed" : "migrated");
                }
                day = nextWorkingDay(day);
            }
            // The day after a site is the floorwalkers' follow-up day there: nobody new is migrated.
            day = nextWorkingDay(day);
        }
        // Three people left during the rollout: booked, never seen, now leavers.
        List<Person> leavers = byId(Group.LEAVER);
        for (int i = 0; i < 3; i++) {
            Person p = leavers.get(i * 7);
            p.site = List.copyOf(ROLLOUT.keySet()).get(3 + i);
            LocalDate slot = siteStart.get(p.site);
            p.leaveDate = slot.plusDays(9 + i * 3);
            book(p, "rollout", slot, "unavailable");
        }
        List<Person> missed = new ArrayList<>();
        for (Person p : people) {
            if (p.migrating() && p.migratedOn() == null) {
                missed.add(p);
            }
        }
        missed.sort(Comparator.comparing(p -> p.id));
        for (int i = 0; i < missed.size(); i++) {
            Person p = missed.get(i);
            boolean failedBefore = p.appointments.get(0).outcome.equals("failed");
            String outcome = failedBefore || rnd.nextInt(100) < 92 ? "migrated" : "unavailable";
            book(p, "washup", WASHUP_DAYS.get(i * WASHUP_DAYS.size() / missed.size()), outcome);
        }
        appointments.sort(Comparator.comparing((Appointment a) -> a.date).thenComparing(a -> a.person.id));
    }

    private void book(Person p, String phase, LocalDate date, String outcome) {
        Appointment a = new Appointment(p, phase, date, outcome);
        p.appointments.add(a);
        appointments.add(a);
    }

    // --- NHSmail ---------------------------------------------------------

    private void createNhsmailAccounts() {
        for (Person p : people) {
            switch (p.group) {
                case PILOT -> p.created = PILOT_CREATED;
                case VIP -> p.created = VIP_CREATED;
                case ROLLOUT -> p.created = previousWorkingDay(siteStart.get(p.site).minusDays(14));
                case ON_NHSMAIL -> {
                    p.created = LocalDate.of(2014, 4, 1).plusDays(rnd.nextInt(3900));
                    p.registered = p.created.plusDays(rnd.nextInt(15));
                }
                case LEAVER -> {
                    if (!p.appointments.isEmpty()) {
                        p.created = previousWorkingDay(siteStart.get(p.site).minusDays(14));
                    } else if (rnd.nextInt(100) < 40) {
                        p.created = LocalDate.of(2016, 1, 4).plusDays(rnd.nextInt(2900));
                        p.registered = p.created.plusDays(rnd.nextInt(10));
                    }
                }
                default -> {
                    // new starters have no account yet: the reconciliation's needs_account
                }
            }
            LocalDate migrated = p.migrating() ? p.migratedOn() : null;
            if (migrated != null) {
                // Most register in the days before their slot, about a third on the day itself.
                int early = rnd.nextInt(100) < 35 ? 0 : 1 + rnd.nextInt(6);
                LocalDate registered = migrated.minusDays(early);
                p.registered = registered.isBefore(p.created) ? p.created : registered;
            }
        }
    }

    // --- service desk ------------------------------------------------------

    private void createTickets() {
        List<Person> callers = people.stream().filter(p -> !p.leaver()).sorted(Comparator.comparing(p -> p.id)).toList();
        String[] baseCategories = {"password_reset", "calendar", "contacts", "missing_mail", "send_limits",
            "shared_mailbox", "mobile_device", "delegation_access", "personal_folders", "account_activation", "other"};
        int[] baseWeights = {30, 10, 5, 10, 5, 10, 10, 5, 5, 3, 7};
        for (LocalDate d = TICKETS_FROM; !d.isAfter(TICKETS_TO); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            double monthly = d.isBefore(LocalDate.of(2026, 2, 1)) ? 118 : d.isBefore(LocalDate.of(2026, 5, 1)) ? 110 : 80;
            double mean = weekend ? 0.3 : monthly / 22.0;
            int count = poisson(mean);
            for (int i = 0; i < count; i++) {
                LocalDateTime opened = weekend
                        ? d.atTime(9, 0).plusMinutes(rnd.nextInt(9 * 60))
                        : d.atTime(8, 0).plusMinutes(rnd.nextInt(9 * 60 + 30));
                String channel = weekend ? "self_service" : pick(List.of("phone", "email", "self_service"), new int[] {50, 30, 20});
                String category = baseCategories[index(baseWeights)];
                String caller = rnd.nextInt(100) < 70 ? callers.get(rnd.nextInt(callers.size())).id : null;
                addTicket(opened, category, channel, false, caller);
            }
        }
        String[] migrationCategories = {"password_reset", "account_activation", "mobile_device", "delegation_access",
            "personal_folders", "shared_mailbox", "calendar", "contacts"};
        int[] migrationWeights = {30, 15, 20, 12, 8, 6, 6, 3};
        for (Appointment a : appointments) {
            if (!a.person.migrating() || a.outcome.equals("unavailable")) {
                continue;
            }
            int calls = (rnd.nextInt(100) < 55 ? 1 : 0) + (rnd.nextInt(100) < 12 ? 1 : 0);
            for (int i = 0; i < calls; i++) {
                boolean onTheDay = rnd.nextInt(100) < 60;
                LocalDate day = a.date;
                for (int k = onTheDay ? 0 : 1 + rnd.nextInt(3); k > 0; k--) {
                    day = nextWorkingDay(day);
                }
                String channel = onTheDay
                        ? pick(List.of("floorwalker", "phone", "email", "self_service"), new int[] {55, 30, 10, 5})
                        : pick(List.of("phone", "email", "self_service"), new int[] {55, 30, 15});
                LocalDateTime opened = day.atTime(8, 30).plusMinutes(rnd.nextInt(8 * 60));
                addTicket(opened, migrationCategories[index(migrationWeights)], channel, true, a.person.id);
            }
        }
        // Two that run across a clock change, so that elapsed time differs from wall-clock time.
        tickets.add(new Ticket(LocalDateTime.of(2025, 10, 24, 17, 5), LocalDateTime.of(2025, 10, 27, 8, 50),
                "missing_mail", "email", false, callers.get(17).id));
        tickets.add(new Ticket(LocalDateTime.of(2026, 3, 27, 16, 40), LocalDateTime.of(2026, 3, 30, 9, 10),
                "mobile_device", "phone", true, callers.get(42).id));
        tickets.sort(Comparator.comparing(Ticket::opened).thenComparing(Ticket::category));
    }

    private void addTicket(LocalDateTime opened, String category, String channel, boolean migration, String caller) {
        long minutes;
        if (channel.equals("floorwalker")) {
            minutes = 5 + rnd.nextInt(40);
        } else if (category.equals("password_reset") || channel.equals("self_service")) {
            minutes = 10 + rnd.nextInt(230);
        } else {
            // 30 minutes to three days, most of them short
            minutes = Math.round(30 * Math.pow(144, rnd.nextDouble()));
        }
        // Elapsed time is real time: add it to the instant, then read the UK wall clock again.
        LocalDateTime resolved = opened.atZone(UK).plusMinutes(minutes).withZoneSameInstant(UK).toLocalDateTime();
        if (resolved.isAfter(EXPORTED_AT) || rnd.nextInt(1000) < 12) {
            resolved = null;
        }
        tickets.add(new Ticket(opened, resolved, category, channel, migration, caller));
    }

    // --- files -------------------------------------------------------------

    private String staffCsv() {
        // An HR spreadsheet saved as "CSV UTF-8": a byte-order mark and spreadsheet-style headers.
        Csv csv = new Csv("\uFEFFStaff ID", "First Name", "Last Name", "Email", "Business Unit", "Site", "User Type",
                "Employment Status", "Leave Date");
        for (Person p : sortedById()) {
            String email = p.group == Group.ON_NHSMAIL ? p.handle + "@nhs.net"
                    : p.group == Group.NEW_STARTER ? null : p.handle + "@" + LEGACY_DOMAIN;
            csv.row(p.id, p.first, p.last, email, p.unit, p.site, p.type, p.leaver() ? "Leaver" : "Active",
                    p.leaveDate == null ? null : UK_DATE.format(p.leaveDate));
        }
        return csv.toString();
    }

    /** The file name of an earlier legacy export. */
    static String legacyExportFile(LocalDate exported) {
        return "legacy-accounts-" + exported + ".csv";
    }

    /**
     * The legacy export taken on the morning of {@code exported}: a migrated person's mailbox is disabled
     * once they have moved, leavers' after {@link #LEAVERS_DISABLED}, unowned and former users' after
     * {@link #UNOWNED_DISABLED}; after the decommissioning date every mailbox is disabled (the server is off,
     * so the burn-down reaches 0). No sign-in is later than the export.
     */
    private String legacyExport(LocalDate exported) {
        boolean serverOff = exported.isAfter(DECOMMISSIONED);
        Csv csv = new Csv("account", "display_name", "staff_id", "mailbox_type", "status", "mailbox_size_mb",
                "last_logon", "owner_staff_id");
        for (String[] base : legacyRows) {
            String[] r = base.clone();
            Person p = legacyHolder.get(r[0]);
            if (serverOff) {
                r[4] = "Disabled";
            } else if ("Active".equals(r[4]) && "User".equals(r[3])) {
                boolean disabled;
                if (p != null && p.migrating()) {
                    disabled = p.migratedOn() != null && p.migratedOn().isBefore(exported);
                } else if (p != null && p.leaver()) {
                    disabled = !exported.isBefore(LEAVERS_DISABLED);
                } else {
                    disabled = p == null && !exported.isBefore(UNOWNED_DISABLED);
                }
                r[4] = disabled ? "Disabled" : "Active";
            }
            if (r[6] != null) {
                LocalDateTime logon = LocalDateTime.parse(r[6], UK_DATE_TIME);
                if (!logon.isBefore(exported.atStartOfDay())) {
                    r[6] = UK_DATE_TIME.format(previousWorkingDay(exported.minusDays(1)).atTime(logon.toLocalTime()));
                }
            }
            csv.row((Object[]) r);
        }
        return csv.toString();
    }

    /** Every mailbox the legacy server ever held (draws from the seeded random exactly once). */
    private void legacyInventory() {
        List<String[]> rows = legacyRows;
        List<Person> active = sortedById().stream().filter(p -> !p.leaver()).toList();
        for (Person p : sortedById()) {
            String status = null;
            LocalDateTime logon = null;
            if (p.migrating()) {
                status = "Active";
                LocalDate last = p.migratedOn() != null ? p.migratedOn() : LocalDate.of(2026, 8, 24).plusDays(rnd.nextInt(7));
                logon = last.atTime(7, 30).plusMinutes(rnd.nextInt(120));
            } else if (p.leaver()) {
                int r = rnd.nextInt(36);
                if (!p.appointments.isEmpty() || r < 6) {
                    status = "Active";
                } else if (r < 18) {
                    status = "Disabled";
                } else if (r < 22) {
                    status = "Suspended";
                }
                logon = p.leaveDate.minusDays(rnd.nextInt(5)).atTime(9, 0).plusMinutes(rnd.nextInt(480));
            } else if (p.group == Group.ON_NHSMAIL && rnd.nextInt(594) < 30) {
                status = rnd.nextInt(5) < 3 ? "Inactive" : "Disabled";
                logon = LocalDate.of(2019, 1, 7).plusDays(rnd.nextInt(1500)).atTime(8, 0).plusMinutes(rnd.nextInt(600));
            }
            if (status != null) {
                rows.add(new String[] {p.handle + "@" + LEGACY_DOMAIN, p.first + " " + p.last, p.id, "User", status,
                    size(50, 9000), UK_DATE_TIME.format(logon), null});
                legacyHolder.put(p.handle + "@" + LEGACY_DOMAIN, p);
            }
        }
        String[] unowned = {"training01", "training02", "scan.eastleigh", "test.migration", "ra.kiosk"};
        for (String name : unowned) {
            rows.add(new String[] {name + "@" + LEGACY_DOMAIN, name, null, "User", "Active", size(1, 400),
                UK_DATE_TIME.format(LocalDateTime.of(2026, 5, 1, 8, 0).plusMinutes(rnd.nextInt(100_000))), null});
        }
        for (int i = 0; i < 10; i++) {
            String id = "S0" + (9100 + i * 37);
            rows.add(new String[] {"former.user" + (i + 1) + "@" + LEGACY_DOMAIN, "Former user " + (i + 1), id, "User",
                i < 4 ? "Active" : "Inactive", size(20, 3000),
                UK_DATE_TIME.format(LocalDateTime.of(2022, 3, 1, 9, 0).plusMinutes(rnd.nextInt(900_000))), null});
        }
        for (int i = 0; i < 3; i++) {
            rows.add(new String[] {"old.account" + (i + 1) + "@" + LEGACY_DOMAIN, "Old account " + (i + 1), null, "User",
                "Disabled", size(0, 200), null, null});
        }
        List<Person> leavers = byId(Group.LEAVER);
        String[][] shared = {
            {"hr.enquiries", "HR Enquiries, South"}, {"hr.recruitment", "HR Recruitment"},
            {"finance.invoices", "Finance Invoices"}, {"finance.payroll", "Payroll Queries"},
            {"procurement.team", "Procurement Team"}, {"procurement.tenders", "Tenders, Contracts and Frameworks"},
            {"marketing.campaigns", "Marketing Campaigns"}, {"comms.press", "Press Office"},
            {"comms.intranet", "Intranet Editors"}, {"ra.smartcards", "Registration Authority Smartcards"},
            {"ra.sponsors", "RA Sponsors"}, {"bi.requests", "BI Data Requests"}, {"bi.dashboards", "BI Dashboards"},
            {"bi.dsa", "Data Sharing Agreements"}, {"it.servicedesk", "IT Service Desk"}, {"it.changes", "IT Change Board"},
            {"it.security", "Cyber Security"}, {"dt.programme", "Digital Transformation Programme"},
            {"dt.nhsmail-project", "NHSmail Migration Project"}, {"exec.office", "Executive Office"},
            {"exec.board-papers", "Board Papers"}, {"governance", "Information Governance"},
            {"complaints", "Complaints and PALS"}, {"foi", "Freedom of Information"},
            {"estates", "Estates and Facilities"}, {"learning", "Learning and Development"},
            {"oxford.reception", "Reception, Oxford"}, {"bristol.reception", "Reception, Bristol"},
            {"eastleigh.reception", "Reception, Omega House"}, {"swindon.reception", "Reception, Swindon"},
            {"reading.office", "Reading Office"}, {"southampton.office", "Southampton Office"},
            {"ccg.liaison", "CCG Liaison"}, {"gp.support", "GP IT Support"}, {"sustainability", "Green Team"},
            {"events", "Events Bookings"}};
        for (int i = 0; i < shared.length; i++) {
            String owner;
            if (i % 12 == 7) {
                owner = leavers.get(3 + i % 20).id;
            } else if (i % 9 == 4) {
                owner = null;
            } else if (i == 33) {
                owner = "S09871";
            } else {
                owner = active.get(rnd.nextInt(active.size())).id;
            }
            rows.add(new String[] {shared[i][0] + "@" + LEGACY_DOMAIN, shared[i][1], null, "Shared",
                i == 34 || i == 35 ? "Inactive" : "Active", size(100, 25_000), null, owner});
        }
        for (int i = 0; i < 16; i++) {
            String site = SITES.get(i % (SITES.size() - 1));
            String town = site.equals(HQ) ? "eastleigh" : site.toLowerCase(Locale.ROOT);
            String name = "room." + town + "." + (i / 11 + 1);
            rows.add(new String[] {name + "@" + LEGACY_DOMAIN, "Meeting room " + (i / 11 + 1) + ", " + site, null,
                "Resource", "Active", size(1, 300), null, i % 6 == 5 ? null : active.get(rnd.nextInt(active.size())).id});
        }
        // An Exchange export: extra columns (display name) are ignored on import, enumerations in its own case.
        rows.sort(Comparator.comparing(r -> r[0]));
    }

    private String nhsmailCsv() {
        List<String[]> rows = new ArrayList<>();
        int inactive = 0;
        int locked = 0;
        int deleted = 0;
        for (Person p : sortedById()) {
            if (p.created == null) {
                continue;
            }
            String status;
            if (p.leaver()) {
                status = p.registered != null && deleted++ < 4 ? "deleted" : "active_leaver";
            } else if (p.registered == null) {
                status = "migration_pending";
            } else if (p.group == Group.ON_NHSMAIL && p.id.endsWith("7") && locked < 3) {
                status = "locked";
                locked++;
            } else if (p.group == Group.ON_NHSMAIL && p.id.endsWith("3") && inactive < 4) {
                status = "inactive";
                inactive++;
            } else {
                status = "active";
            }
            rows.add(new String[] {p.handle + "@nhs.net", p.id, UK_DATE.format(p.created),
                p.registered == null ? null : UK_DATE.format(p.registered), status});
        }
        rows.add(new String[] {"servicedesk.democsu@nhs.net", null, "13/05/2019", "13/05/2019", "active"});
        rows.add(new String[] {"scanner.democsu@nhs.net", null, "02/11/2021", null, "pending"});
        rows.add(new String[] {"agency.contractor1@nhs.net", "S09990", "06/01/2026", "07/01/2026", "active"});
        rows.sort(Comparator.comparing(r -> r[0]));
        // The Portal's export calls the local staff id the external sync id.
        Csv csv = new Csv("email", "external_sync_id", "created_date", "registered_date", "status");
        rows.forEach(csv::row);
        return csv.toString();
    }

    private String appointmentsCsv() {
        Csv csv = new Csv("staff_id", "site", "phase", "appointment_date", "outcome");
        for (Appointment a : appointments) {
            csv.row(a.person.id, a.person.site, a.phase.equals("vip") ? "VIP" : a.phase, a.date.toString(), a.outcome);
        }
        return csv.toString();
    }

    private String ticketsCsv() {
        Csv csv = new Csv("ticket_id", "opened_at", "resolved_at", "category", "channel", "migration_related", "staff_id");
        int number = 41_000;
        for (Ticket t : tickets) {
            number += 1 + rnd.nextInt(3);
            csv.row(String.format(Locale.ROOT, "INC%07d", number), UK_DATE_TIME.format(t.opened),
                    t.resolved == null ? null : UK_DATE_TIME.format(t.resolved), t.category, t.channel,
                    t.migrationRelated ? "Yes" : "No", t.staffId);
        }
        return csv.toString();
    }

    private static String financeCsv() {
        Csv csv = new Csv("line_id", "kind", "description", "amount_gbp", "frequency", "start_date", "end_date", "cashable");
        csv.row("P01", "project_cost", "Project manager (internal staff time)", "4250.00", "monthly", "01/11/2025", "30/04/2026", "No");
        csv.row("P02", "project_cost", "Two project co-ordinators (internal staff time)", "5800.00", "monthly", "01/12/2025", "30/04/2026", "No");
        csv.row("P03", "project_cost", "Technical lead: Active Directory script, auto-forward, calendar import", "2100.00", "monthly", "05/01/2026", "31/03/2026", "No");
        csv.row("P04", "project_cost", "Floorwalker overtime during rollout", "3450.00", "one_off", "31/03/2026", null, "Yes");
        csv.row("P05", "project_cost", "Posters, quick guides and printed materials", "480.00", "one_off", "15/01/2026", null, "Yes");
        csv.row("P06", "project_cost", "Travel between sites, rollout and wash-up", "1236.40", "one_off", "15/04/2026", null, "Yes");
        csv.row("A01", "cost_avoided", "Managed migration quote avoided (600 mailboxes)", "48000.00", "one_off", "31/03/2026", null, "Yes");
        csv.row("L01", "legacy_running_cost", "Exchange server hosting and support contract", "3950.00", "monthly", "01/04/2019", "30/06/2026", "Yes");
        csv.row("L02", "legacy_running_cost", "Exchange licences, per mailbox (annual)", "21600.00", "annual", "01/07/2018", "30/06/2026", "Yes");
        csv.row("L03", "legacy_running_cost", "Backup and anti-spam for local email", "640.00", "monthly", "01/04/2019", "30/06/2026", "Yes");
        csv.row("L04", "legacy_running_cost", "Exchange server administration (internal staff time)", "1800.00", "monthly", "01/04/2019", "30/06/2026", "No");
        csv.row("N01", "new_running_cost", "NHSmail additional mailbox storage top-up", "2400.00", "annual", "01/04/2026", null, "Yes");
        csv.row("N02", "new_running_cost", "Mobile device management licences for NHSmail", "310.00", "monthly", "01/03/2026", null, "Yes");
        csv.row("N03", "new_running_cost", "Shared mailbox and Portal administration (internal staff time)", "450.00", "monthly", "01/04/2026", null, "No");
        return csv.toString();
    }

    /** Monthly legacy running cost of the finance lines: 3950 + 21600 / 12 + 640 + 1800. */
    static final String LEGACY_MONTHLY = "8190.00";

    private String benefitsCsv() {
        // The baseline is what the desk saw before the project: September to December 2025.
        long before = tickets.stream().filter(t -> t.opened.isBefore(LocalDate.of(2026, 1, 1).atStartOfDay())).count();
        String baseline = String.format(Locale.ROOT, "%.1f", before / 4.0);
        Csv csv = new Csv("benefit_id", "title", "owner", "measure", "unit", "baseline_value", "baseline_date",
                "target_value", "target_date", "direction", "cashable", "dis_benefit");
        csv.row("B01", "Fewer service desk calls about email", "Head of IT Services",
                "Email tickets opened per month", "tickets", baseline, "2025-12-31", "85", "2026-09-30", "decrease", "FALSE", "FALSE");
        csv.row("B02", "Legacy Exchange running costs removed", "Head of Finance",
                "Monthly legacy email running cost", "GBP per month", LEGACY_MONTHLY, "2026-01-31", "0", "2026-07-31", "decrease", "TRUE", "FALSE");
        csv.row("B03", "Staff using NHSmail", "NHSmail project manager",
                "Active staff with a registered NHSmail account", "%", "49.5", "2025-12-31", "100", "2026-04-30", "increase", "FALSE", "FALSE");
        csv.row("B04", "Secure email standard (DCB1596) met", "Information Governance lead",
                "Staff email sent through an accredited service", "%", "50", "2025-12-31", "100", "2026-06-30", "increase", "FALSE", "FALSE");
        csv.row("B05", "Temporary productivity loss at switch-over", "Programme manager",
                "Staff hours lost to the email switch-over", "hours per month", "450", "2026-01-31", "0", "2026-06-30", "decrease", "FALSE", "TRUE");
        csv.row("B06", "Quicker collaboration with NHSmail partners", "Head of Business Intelligence",
                "Working days to give a partner organisation calendar access", "days", "5", "2025-12-31", "1", "2026-09-30", "decrease", "FALSE", "FALSE");
        return csv.toString();
    }

    private String measurementsCsv() {
        Csv csv = new Csv("benefit_id", "measured_on", "value", "note");
        for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2026, 8)); m = m.plusMonths(1)) {
            YearMonth month = m;
            long opened = tickets.stream().filter(t -> YearMonth.from(t.opened).equals(month)).count();
            String note = month.equals(YearMonth.of(2026, 3)) ? "Rollout month, floorwalkers on site" : null;
            csv.row("B01", UK_DATE.format(m.atEndOfMonth()), Long.toString(opened), note);
        }
        csv.row("B02", "31/03/2026", LEGACY_MONTHLY, "Servers kept three months for access to old mail");
        csv.row("B02", "30/06/2026", LEGACY_MONTHLY, "Decommissioned on 30 June 2026");
        csv.row("B02", "31/07/2026", "0", null);
        for (YearMonth m : List.of(YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 6))) {
            LocalDate end = m.atEndOfMonth();
            long active = people.stream().filter(p -> !p.leaver()).count();
            long registered = people.stream().filter(p -> !p.leaver() && p.registered != null && !p.registered.isAfter(end)).count();
            csv.row("B03", UK_DATE.format(end), String.format(Locale.ROOT, "%.1f", 100.0 * registered / active), null);
        }
        csv.row("B04", "28/02/2026", "54", null);
        csv.row("B04", "31/03/2026", "93.5", "Auto-forward from old addresses counts as not yet compliant");
        csv.row("B04", "30/04/2026", "98.8", null);
        csv.row("B04", "30/06/2026", "99.6", "Remaining: staff on long-term leave");
        csv.row("B05", "28/02/2026", "85", "Pilot and VIP cohorts, 48 staff");
        csv.row("B05", "31/03/2026", "420", "Rollout, about 50 staff a day");
        csv.row("B05", "30/04/2026", "60", null);
        csv.row("B05", "31/05/2026", "12", null);
        csv.row("B05", "30/06/2026", "0", null);
        csv.row("B06", "30/04/2026", "3.5", null);
        csv.row("B06", "30/06/2026", "2", "Shared calendars set up through the \"NHSmail Portal\"");
        csv.row("B06", "31/08/2026", "1.5", null);
        return csv.toString();
    }

    // --- helpers -------------------------------------------------------------

    private List<Person> sortedById() {
        return people.stream().sorted(Comparator.comparing(p -> p.id)).toList();
    }

    private List<Person> byId(Group group) {
        return sortedById().stream().filter(p -> p.group == group).toList();
    }

    private String size(int min, int max) {
        return String.format(Locale.ROOT, "%.1f", min + rnd.nextDouble() * (max - min));
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = rnd.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            n++;
        }
        return n;
    }

    private <T> T pick(List<T> items, int[] weights) {
        return items.get(index(weights));
    }

    private int index(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
            next = next.plusDays(1);
        }
        return next;
    }

    static LocalDate previousWorkingDay(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** A name as it appears in an address: no accents, apostrophes or spaces. */
    static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z-]", "");
    }

    /** A CSV file: RFC 4180 quoting where a value needs it, LF line ends, an empty cell for no value. */
    static final class Csv {
        private final StringBuilder out = new StringBuilder();

        Csv(String... header) {
            row((Object[]) header);
        }

        void row(Object... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                String v = cells[i] == null ? "" : cells[i].toString();
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                    v = '"' + v.replace("\"", "\"\"") + '"';
                }
                out.append(v);
            }
            out.append('\n');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
