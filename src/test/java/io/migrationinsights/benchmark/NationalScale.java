package io.migrationinsights.benchmark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * The national-scale harness (issue #11) run by {@code benchmarks/run}: plain
 * {@code main} commands over the packaged jars, outside the test run. Each
 * command appends {@code key=value} lines to a results file that {@code report}
 * turns into reports/benchmarks.md.
 * <ul>
 * <li>{@code generate DIR}: a 1.5M-row nhsmail-accounts and a 2M-row tickets file, and the same organisation's
 * staff (one member of staff an account, and a few with none) and migration appointments (one each, a wash-up
 * for those unavailable on their day), for the figures the pages read;</li>
 * <li>{@code limits DIR PGURL RESULTS}: the same rows by raw COPY into bare PostgreSQL tables, and by bare batched
 * INSERT into a bare H2 file table (the limits the imports are compared with);</li>
 * <li>{@code app DB BASE ADMINPASSWORD DIR RESULTS}: against a started jar: both files over HTTP with its heap
 * sampled from /q/metrics, then wrk on the registrations endpoint and on /q/health/live;</li>
 * <li>{@code report RESULTS OUT}: the markdown.</li>
 * </ul>
 */
public final class NationalScale {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1_500_000);
    static final int TICKETS = Integer.getInteger("bench.tickets", 2_000_000);
    static final String ODS = "NAT01";
    /** The organisation of the first import in a fresh JVM (for information). */
    static final String COLD_ODS = "NAT00";
    /** How many times each measured import and limit runs; the median counts. */
    static final int RUNS = Integer.getInteger("bench.runs", 5);
    /** Imports of the accounts file on each fresh jar before the measured ones (the first of them reported alone). */
    static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    /** The pause before each upload over HTTP. */
    static final long QUIET_MS = Long.getLong("bench.quiet-ms", 5000);
    static final String REGISTRATIONS = "/api/organisations/" + ODS + "/metrics/registrations?from=2015-01&to=2022-12";
    static final String WRK = System.getProperty("bench.wrk", "-t2 -c8 -d20s");
    private static final String[] STATUS = {"active", "active", "active", "active", "inactive", "active_leaver",
        "locked", "pending", "migration_pending", "disabled", "deleted"};
    private static final String[] CATEGORIES = {"password_reset", "account_activation", "delegation_access",
        "mobile_device", "calendar", "contacts", "missing_mail", "personal_folders", "shared_mailbox", "send_limits",
        "other"};
    private static final String[] CHANNELS = {"phone", "email", "self_service", "floorwalker"};
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT);
    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm", Locale.ROOT);

    private NationalScale() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]));
            case "limits" -> limits(Path.of(args[1]), args[2], Path.of(args[3]));
            case "app" -> app(args[1], args[2], args[3], Path.of(args[4]), Path.of(args[5]));
            case "report" -> BenchmarkReport.write(Path.of(args[1]), Path.of(args[2]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static Path accountsFile(Path dir) {
        return dir.resolve("nhsmail-accounts-" + ACCOUNTS + ".csv");
    }

    /** The accounts file with its first account changed: the next export, which the service must import again. */
    static Path nextAccountsFile(Path dir) throws IOException {
        Path next = dir.resolve("nhsmail-accounts-" + ACCOUNTS + "-next.csv");
        if (!Files.exists(next)) {
            Path part = next.resolveSibling(next.getFileName() + ".part");
            try (BufferedReader in = Files.newBufferedReader(accountsFile(dir), StandardCharsets.UTF_8);
                 BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                out.write(in.readLine());
                out.write('\n');
                out.write(in.readLine().replace("user1@nhs.net,S1000001,", "user0@nhs.net,S1000000,"));
                out.write('\n');
                in.transferTo(out);
            }
            Files.move(part, next);
        }
        return next;
    }

    static Path ticketsFile(Path dir) {
        return dir.resolve("tickets-" + TICKETS + ".csv");
    }

    static Path staffFile(Path dir) {
        return dir.resolve("staff-" + ACCOUNTS + ".csv");
    }

    static Path appointmentsFile(Path dir) {
        return dir.resolve("appointments-" + ACCOUNTS + ".csv");
    }

    /** The appointments file's rows: one a member of staff, and a wash-up for each one unavailable on the day. */
    static int appointmentRows() {
        int washups = 0;
        for (int i = 1; i <= ACCOUNTS; i++) {
            washups += "unavailable".equals(outcome(i)) ? 1 : 0;
        }
        return ACCOUNTS + washups;
    }

    /** Staff member {@code i}'s id: the account's (S1000000 + i), except every 33rd, who has no account. */
    private static String staffId(int i) {
        return (i % 33 == 0 ? "S9" : "S") + (1_000_000 + i);
    }

    /** Staff member {@code i}'s appointment outcome on their day: most migrated, some unavailable, failed or still scheduled. */
    private static String outcome(int i) {
        return switch (i % 20) {
            case 16 -> "unavailable";
            case 17 -> "failed";
            case 18, 19 -> "scheduled";
            default -> "migrated";
        };
    }

    // --- generate ------------------------------------------------------------

    static void generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        write(accountsFile(dir), "email,external_sync_id,created_date,registered_date,status", ACCOUNTS, (i, out) -> {
            LocalDate created = LocalDate.of(2015, 1, 5).plusDays(i % 4000);
            out.write("user" + i + "@nhs.net,S" + (1_000_000 + i) + "," + UK_DATE.format(created) + ","
                    + (i % 7 == 0 ? "" : UK_DATE.format(created.plusDays(i % 11))) + "," + STATUS[i % STATUS.length]);
        });
        write(ticketsFile(dir), "ticket_id,opened_at,resolved_at,category,channel,migration_related,staff_id", TICKETS,
                (i, out) -> {
                    LocalDateTime opened = LocalDateTime.of(2018, 1, 1, 8, 0).plusMinutes(i * 2L);
                    out.write("T" + i + "," + UK_TIME.format(opened) + ","
                            + (i % 5 == 0 ? "" : UK_TIME.format(opened.plusHours(1 + i % 40))) + ","
                            + CATEGORIES[i % CATEGORIES.length] + "," + CHANNELS[i % CHANNELS.length] + ","
                            + (i % 3 == 0 ? "yes" : "no") + "," + (i % 4 == 0 ? "" : "S" + (1_000_000 + i % ACCOUNTS)));
                });
        generatePeople(dir);
    }

    /**
     * The organisation's staff (as many as accounts; every 20th a leaver) and its migration plan: each member of
     * staff has one appointment on a weekday of 2019-2021 (the first 1% as pilot, the next 1% as vip), and those
     * unavailable on their day a wash-up 14 days later, half of which migrated them.
     */
    static void generatePeople(Path dir) throws IOException {
        String[] userTypes = {"standard", "standard", "standard", "standard", "standard", "standard", "community",
            "home_based", "executive", "executive_pa"};
        write(staffFile(dir), "staff_id,first_name,last_name,email,business_unit,site,user_type,employment_status,"
                + "leave_date", ACCOUNTS, (i, out) -> {
                    boolean leaver = i % 20 == 0;
                    out.write(staffId(i) + ",First" + i + ",Last" + i + ",staff" + i + "@example.nhs.uk,Unit "
                            + (i % 300) + ",Site " + (i % 800) + "," + userTypes[i % userTypes.length] + ","
                            + (leaver ? "leaver," + UK_DATE.format(LocalDate.of(2021, 6, 30)) : "active,"));
                });
        write(appointmentsFile(dir), "staff_id,site,phase,appointment_date,outcome", ACCOUNTS, (i, out) -> {
            LocalDate day = LocalDate.of(2019, 1, 7).plusWeeks(i % 150).plusDays(i % 5); // Monday to Friday
            String phase = i <= ACCOUNTS / 100 ? "pilot" : i <= ACCOUNTS / 50 ? "vip" : "rollout";
            out.write(staffId(i) + ",Site " + (i % 800) + "," + phase + "," + UK_DATE.format(day) + "," + outcome(i));
            if ("unavailable".equals(outcome(i))) {
                out.write("\n" + staffId(i) + ",Site " + (i % 800) + ",washup," + UK_DATE.format(day.plusDays(14)) + ","
                        + (i % 40 == 16 ? "migrated" : "unavailable"));
            }
        });
    }

    private interface RowWriter {
        void write(int i, Writer out) throws IOException;
    }

    private static void write(Path file, String header, int rows, RowWriter row) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (int i = 1; i <= rows; i++) {
                row.write(i, out);
                out.write('\n');
            }
        }
        Files.move(part, file);
    }

    // --- limits --------------------------------------------------------------

    static void limits(Path dir, String pgUrl, Path results) throws Exception {
        ResultFile r = new ResultFile(results);
        try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set datestyle = 'ISO, DMY'");
                s.execute("set timezone = 'Europe/London'");
                s.execute("drop table if exists bare_nhsmail_account, bare_ticket");
                s.execute("create table bare_nhsmail_account (email varchar(320), staff_id varchar(100), "
                        + "created_date date, registered_date date, status varchar(20))");
                s.execute("create table bare_ticket (ticket_id varchar(100), opened_at timestamp with time zone, "
                        + "resolved_at timestamp with time zone, category varchar(30), channel varchar(20), "
                        + "migration_related boolean, staff_id varchar(100))");
            }
            c.commit();
            r.median("pg.copy.accounts", ACCOUNTS, () -> truncate(c, "bare_nhsmail_account"),
                    () -> copy(c, "bare_nhsmail_account", accountsFile(dir)));
            r.median("pg.copy.tickets", TICKETS, () -> truncate(c, "bare_ticket"),
                    () -> copy(c, "bare_ticket", ticketsFile(dir)));
            try (Statement s = c.createStatement()) {
                s.execute("drop table bare_nhsmail_account, bare_ticket");
            }
            c.commit();
        }
        bareH2(r, dir, "h2.insert.accounts", null, Integer.MAX_VALUE);
        // The same with the one index the figures need on the accounts (staff to account, V1): the most an import
        // could take in one transaction with it (for information; the target compares with the bare table).
        String index = "create index bare_nhsmail_account_staff on bare_nhsmail_account (staff_id)";
        bareH2(r, dir, "h2.insert_indexed.accounts", index, Integer.MAX_VALUE);
        // The same committed every 20,000 rows: whether smaller transactions would lift the indexed limit (they
        // would need the rows made visible by an update of the current import, as the notes say).
        bareH2(r, dir, "h2.insert_indexed_small_tx.accounts", index, SMALL_TRANSACTION);
    }

    /** Rows a transaction in the limit written in small transactions. */
    private static final int SMALL_TRANSACTION = 20_000;

    /**
     * A bare batched INSERT of the accounts into a new H2 file, {@link #RUNS} times; {@code index} may be null;
     * a commit every {@code commitEvery} rows and at the end.
     */
    private static void bareH2(ResultFile r, Path dir, String key, String index, int commitEvery) throws Exception {
        Path h2 = dir.resolve("h2-bare");
        Connection[] bare = new Connection[1];
        r.median(key, ACCOUNTS, () -> {
            if (bare[0] != null) {
                bare[0].close();
            }
            deleteTree(h2);
            // the application's own H2 settings (application.properties)
            bare[0] = DriverManager.getConnection("jdbc:h2:file:./" + h2.resolve("bare")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "");
            try (Statement s = bare[0].createStatement()) {
                s.execute("create table bare_nhsmail_account (email varchar(320), staff_id varchar(100), "
                        + "created_date date, registered_date date, status varchar(20))");
                if (index != null) {
                    s.execute(index);
                }
            }
            bare[0].setAutoCommit(false);
        }, () -> insertAccounts(bare[0], accountsFile(dir), commitEvery));
        bare[0].close();
        deleteTree(h2);
    }

    private static void truncate(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("truncate " + table);
        }
        c.commit();
    }

    /** Raw COPY of the file, in one transaction: the most PostgreSQL takes in. */
    private static void copy(Connection c, String table, Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin (format csv, header true)", in);
        }
        c.commit();
    }

    /** Bare batched INSERT (1000 rows a batch, as the import's default) parsed with FastCSV. */
    private static void insertAccounts(Connection c, Path file, int commitEvery) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("insert into bare_nhsmail_account values (?, ?, ?, ?, ?)");
             CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(file)) {
            int pending = 0;
            int uncommitted = 0;
            boolean header = true;
            for (CsvRecord rec : csv) {
                if (header) {
                    header = false;
                    continue;
                }
                ps.setString(1, rec.getField(0));
                ps.setString(2, rec.getField(1));
                ps.setObject(3, LocalDate.parse(rec.getField(2), UK_DATE));
                ps.setObject(4, rec.getField(3).isEmpty() ? null : LocalDate.parse(rec.getField(3), UK_DATE));
                ps.setString(5, rec.getField(4));
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
                if (++uncommitted == commitEvery) {
                    ps.executeBatch();
                    pending = 0;
                    c.commit();
                    uncommitted = 0;
                }
            }
            ps.executeBatch();
        }
        c.commit();
    }

    // --- app -----------------------------------------------------------------

    static void app(String db, String base, String adminPassword, Path dir, Path results) throws Exception {
        ResultFile r = new ResultFile(results);
        Http admin = new Http(base, "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)));
        admin.send("PUT", "/api/organisations/" + ODS, "{\"name\":\"National scale\"}", 200, 201);
        Http token = token(base, admin, "admin");
        Http viewer = token(base, admin, "viewer");
        // The first imports in a fresh JVM run while its code is being compiled (the JIT's compilations die down
        // over about five imports of this file): the first, then WARMUP - 1 more, each into an organisation of its
        // own, recorded for information. The target is then measured as the issue's reference figures are, the
        // median of RUNS imports on the running service, each an organisation's first import of the file.
        admin.send("PUT", "/api/organisations/" + COLD_ODS, "{\"name\":\"National scale, first import\"}", 200, 201);
        Timed cold = upload(token, COLD_ODS, "nhsmail-accounts", accountsFile(dir), ACCOUNTS);
        record(r, token, db + ".import.accounts_cold", ACCOUNTS, List.of(cold));
        List<Timed> warmup = new ArrayList<>();
        for (int i = 1; i < WARMUP; i++) {
            String ods = String.format(Locale.ROOT, "NAW%02d", i);
            admin.send("PUT", "/api/organisations/" + ods, "{\"name\":\"National scale, warm-up " + i + "\"}", 200, 201);
            warmup.add(upload(token, ods, "nhsmail-accounts", accountsFile(dir), ACCOUNTS));
        }
        if (!warmup.isEmpty()) {
            record(r, token, db + ".import.accounts_warmup", ACCOUNTS, warmup);
        }
        List<Timed> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String ods = i == 0 ? ODS : String.format(Locale.ROOT, "NAT%02d", i + 1);
            admin.send("PUT", "/api/organisations/" + ods, "{\"name\":\"National scale " + (i + 1) + "\"}", 200, 201);
            runs.add(upload(token, ods, "nhsmail-accounts", accountsFile(dir), ACCOUNTS));
        }
        record(r, token, db + ".import.accounts", ACCOUNTS, runs);
        // the same organisation's export again, as a month later, on the service now running (its code compiled)
        record(r, token, db + ".import.accounts_next", ACCOUNTS,
                List.of(upload(token, ODS, "nhsmail-accounts", nextAccountsFile(dir), ACCOUNTS)));
        record(r, token, db + ".import.tickets", TICKETS, List.of(upload(token, ODS, "tickets", ticketsFile(dir), TICKETS)));
        // the organisation's people, so that the figures join staff, accounts and appointments at this size
        record(r, token, db + ".import.staff", ACCOUNTS, List.of(upload(token, ODS, "staff", staffFile(dir), ACCOUNTS)));
        record(r, token, db + ".import.appointments", appointmentRows(),
                List.of(upload(token, ODS, "appointments", appointmentsFile(dir), appointmentRows())));
        reconciliation(r, token, db + ".reconciliation");
        // figures a page reads, once each on the running jar at this size: the median of RUNS answers
        figure(r, viewer, db + ".figure.reconciliation_counts", "/api/organisations/" + ODS + "/reconciliation");
        figure(r, viewer, db + ".figure.service_desk", "/api/organisations/" + ODS + "/metrics/service-desk"
                + "?baselineFrom=2018-01&baselineTo=2018-12&comparisonFrom=2019-01&comparisonTo=2019-12");
        figure(r, viewer, db + ".figure.migration", "/api/organisations/" + ODS + "/metrics/migration");
        figure(r, viewer, db + ".figure.return", "/api/organisations/" + ODS + "/returns/2020-06");
        figure(r, viewer, db + ".figure.overview_page", "/organisations/" + ODS);
        String body = token.send("GET", REGISTRATIONS, null, 200);
        r.put(db + ".registrations.months", Long.toString(body.split("\"month\"").length - 1));
        // the same load on a signed-in endpoint that computes no figure: what any API call costs here
        for (String[] target : List.of(new String[] {"health", "/q/health/live"},
                new String[] {"organisation", "/api/organisations/" + ODS}, new String[] {"registrations", REGISTRATIONS})) {
            wrk(r, db + ".wrk." + target[0], base + target[1], token.authorization);
        }
        afterAFurtherImport(r, token, viewer, db, dir);
    }

    /**
     * The figures read above, after one more import of the organisation (the first accounts file again, after the
     * next export): the service computes again in the background those it had been serving, once the import
     * commits (metrics.ImportedFigures). The jar's log says when they are ready and how long that took; then
     * the overview page and the reconciliation counts are read, as a user opening them would.
     */
    private static void afterAFurtherImport(ResultFile r, Http token, Http viewer, String db, Path dir) throws Exception {
        Path log = dir.resolve(db + "-jar.log");
        long before = Files.readAllLines(log, StandardCharsets.ISO_8859_1).size();
        record(r, token, db + ".import.accounts_again", ACCOUNTS,
                List.of(upload(token, ODS, "nhsmail-accounts", accountsFile(dir), ACCOUNTS)));
        Pattern again = Pattern.compile("(\\d+) figures of organisation \\d+ computed again after its import in (\\d+) ms");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        Matcher ready = null;
        while (ready == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the figures were not computed again within 10 minutes");
            }
            Thread.sleep(200);
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (String line : lines.subList((int) Math.min(before, lines.size()), lines.size())) {
                Matcher m = again.matcher(line);
                if (m.find()) {
                    ready = m;
                }
            }
        }
        r.put(db + ".again.figures", ready.group(1));
        r.put(db + ".again.seconds", String.format(Locale.ROOT, "%.3f", Long.parseLong(ready.group(2)) / 1000.0));
        for (String[] f : new String[][] {{"overview_page", "/organisations/" + ODS},
            {"reconciliation_counts", "/api/organisations/" + ODS + "/reconciliation"}}) {
            long started = System.nanoTime();
            viewer.send("GET", f[1], null, 200);
            r.put(db + ".again." + f[0] + ".seconds", String.format(Locale.ROOT, "%.3f",
                    (System.nanoTime() - started) / 1e9));
        }
    }

    /** A client signed in with a new API token of {@code role}. */
    private static Http token(String base, Http admin, String role) throws Exception {
        String created = admin.send("POST", "/api/tokens", "{\"name\":\"bench-" + role + "-" + System.currentTimeMillis()
                + "\",\"role\":\"" + role + "\",\"expiresAt\":\"" + LocalDate.now().plusDays(2)
                + "\",\"organisations\":[\"*\"]}", 201);
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("no token in " + created);
        }
        return new Http(base, "Bearer " + m.group(1));
    }

    /**
     * A figure's GET: the first answer after the imports (computed from the rows), then the median of
     * {@link #RUNS} more (the figures computed from imported rows are kept until the next import).
     */
    private static void figure(ResultFile r, Http http, String key, String path) throws Exception {
        long first = System.nanoTime();
        http.send("GET", path, null, 200);
        r.put(key + ".first_seconds", String.format(Locale.ROOT, "%.3f", (System.nanoTime() - first) / 1e9));
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            http.send("GET", path, null, 200);
            seconds[i] = (System.nanoTime() - started) / 1e9;
        }
        r.put(key + ".seconds", String.format(Locale.ROOT, "%.3f", ResultFile.median(seconds)));
        r.put(key + ".runs", ResultFile.times(seconds));
    }

    /** A step's time and the highest heap sampled while it ran. */
    record Timed(double seconds, long peakHeap) {
    }

    private static Timed upload(Http http, String ods, String kind, Path file, int rows) throws Exception {
        // Each upload starts on a quiet service: the previous import's table statistics are gathered in the
        // background after its commit (PartitionStatistics, about a second of the database's time here).
        Thread.sleep(QUIET_MS);
        String[] answer = new String[1];
        Timed u = sampled(http, () -> answer[0] = http.upload("/api/organisations/" + ods + "/imports/" + kind, file));
        if (!answer[0].contains("\"rows\":" + rows) || !answer[0].contains("\"duplicate\":false")) {
            throw new IllegalStateException(kind + " import did not take " + rows + " rows: " + answer[0]);
        }
        System.out.printf(Locale.ROOT, "%s into %s: %.2f s%n", kind, ods, u.seconds());
        return u;
    }

    /** Runs {@code step}, timed, with the jar's heap sampled every 100 ms from /q/metrics. */
    private static Timed sampled(Http http, ResultFile.Step step) throws Exception {
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(http.heapUsed(), Math::max);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a scrape that fails under load is skipped
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        try {
            step.run();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        return new Timed((System.nanoTime() - started) / 1e9, peak.get());
    }

    /**
     * The whole reconciliation with its members (signed in as admin), at 1.5M accounts and as many staff: every
     * member of staff and account is in a class. Its time, size and the jar's peak heap.
     */
    private static void reconciliation(ResultFile r, Http http, String key) throws Exception {
        Thread.sleep(QUIET_MS);
        long[] bytes = new long[1];
        Timed u = sampled(http, () -> bytes[0] = http.download("/api/organisations/" + ODS + "/reconciliation"));
        r.put(key + ".seconds", String.format(Locale.ROOT, "%.2f", u.seconds()));
        r.put(key + ".bytes", Long.toString(bytes[0]));
        r.put(key + ".peak_heap_mb", String.format(Locale.ROOT, "%.0f", u.peakHeap() / 1048576.0));
    }

    /** The median time of the uploads (of one when there is one), every time, and the highest heap of any. */
    private static void record(ResultFile r, Http http, String key, int rows, List<Timed> uploads) throws Exception {
        double median = ResultFile.median(uploads.stream().mapToDouble(Timed::seconds).toArray());
        r.put(key + ".seconds", String.format(Locale.ROOT, "%.2f", median));
        r.put(key + ".rows_per_s", String.format(Locale.ROOT, "%.0f", rows / median));
        r.put(key + ".runs", ResultFile.times(uploads.stream().mapToDouble(Timed::seconds).toArray()));
        r.put(key + ".peak_heap_mb", String.format(Locale.ROOT, "%.0f",
                uploads.stream().mapToLong(Timed::peakHeap).max().orElse(0) / 1048576.0));
        r.put(key + ".heap_max_mb", String.format(Locale.ROOT, "%.0f", http.heapMax() / 1048576.0));
    }

    private static void wrk(ResultFile r, String key, String url, String authorization) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wrk"));
        cmd.addAll(List.of(WRK.split(" ")));
        cmd.addAll(List.of("--latency", "-H", "Authorization: " + authorization, url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = String.join("\n", in.lines().toList());
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        System.out.println(out);
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw error answers from " + url + ":\n" + out);
        }
        r.put(key + ".p50_ms", latency(out, "50%"));
        r.put(key + ".p99_ms", latency(out, "99%"));
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        r.put(key + ".rps", rps.find() ? rps.group(1) : "?");
        r.put(key + ".command", "wrk " + WRK + " --latency");
    }

    private static String latency(String wrk, String percentile) {
        Matcher m = Pattern.compile(" " + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(wrk);
        if (!m.find()) {
            return "?";
        }
        double v = Double.parseDouble(m.group(1));
        double ms = switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    /** A signed-in client of the started jar. */
    static final class Http {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String base;
        final String authorization;

        Http(String base, String authorization) {
            this.base = base;
            this.authorization = authorization;
        }

        String send(String method, String path, String json, int... ok) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                    .header("Authorization", authorization)
                    .header("Accept", path.startsWith("/q/metrics") ? "text/plain"
                            : path.startsWith("/organisations") ? "text/html" : "application/json");
            b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                    : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> res = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (int code : ok) {
                if (res.statusCode() == code) {
                    return res.body();
                }
            }
            throw new IllegalStateException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
        }

        /**
         * Sends the file as the body of a POST with curl, as a user would: a client that costs the two cores
         * little (the JDK's HttpClient, tried first, spent about 0.5 s more on the 87 MB file than curl).
         */
        String upload(String path, Path file) throws Exception {
            Process p = new ProcessBuilder("curl", "-sS", "--fail-with-body", "-H", "Authorization: " + authorization,
                    "-H", "Content-Type: text/csv", "--data-binary", "@" + file, base + path)
                    .redirectErrorStream(true).start();
            String body;
            try (java.io.InputStream in = p.getInputStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException(path + " failed: " + body);
            }
            return body;
        }

        /** GETs {@code path} with curl into nothing; the bytes received (an answer other than 200 fails). */
        long download(String path) throws Exception {
            Process p = new ProcessBuilder("curl", "-sS", "--fail-with-body", "-o", "/dev/null", "-w", "%{size_download}",
                    "-H", "Authorization: " + authorization, base + path).redirectErrorStream(true).start();
            String out;
            try (java.io.InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("GET " + path + " failed: " + out);
            }
            return Long.parseLong(out);
        }

        long heapUsed() throws Exception {
            return heap("jvm_memory_used_bytes");
        }

        long heapMax() throws Exception {
            return heap("jvm_memory_max_bytes");
        }

        /** The sum over the heap pools of one Micrometer gauge, as /q/metrics shows it. */
        private long heap(String gauge) throws Exception {
            String text = send("GET", "/q/metrics", null, 200);
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith(gauge + "{") && line.contains("area=\"heap\"")) {
                    double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (v > 0) {
                        sum += v;
                    }
                }
            }
            return (long) sum;
        }
    }

    // --- results -------------------------------------------------------------

    /** The results file: key=value lines, the latest value of a key wins. */
    static final class ResultFile {
        private final Path file;

        ResultFile(Path file) {
            this.file = file;
        }

        interface Step {
            void run() throws Exception;
        }

        /** Runs {@code setup} (untimed) and {@code step} (timed) {@link #RUNS} times and records the median. */
        void median(String key, int rows, Step setup, Step step) throws Exception {
            double[] seconds = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                setup.run();
                long started = System.nanoTime();
                step.run();
                seconds[i] = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "%s run %d: %.2f s%n", key, i + 1, seconds[i]);
            }
            double median = median(seconds);
            put(key + ".seconds", String.format(Locale.ROOT, "%.2f", median));
            put(key + ".rows_per_s", String.format(Locale.ROOT, "%.0f", rows / median));
            put(key + ".runs", times(seconds));
        }

        static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        /** The times of every run, in order, as the report shows them. */
        static String times(double[] seconds) {
            return java.util.Arrays.stream(seconds).mapToObj(t -> String.format(Locale.ROOT, "%.2f", t))
                    .collect(java.util.stream.Collectors.joining(" / "));
        }

        void put(String key, String value) throws IOException {
            System.out.println("BENCHMARK " + key + "=" + value);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key + "=" + value + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }

        static Properties load(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return p;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
