package io.migrationinsights.ingest;

import static io.migrationinsights.support.Api.as;
import static io.migrationinsights.support.Uploads.csv;
import static io.migrationinsights.support.Uploads.fixture;
import static io.migrationinsights.support.Uploads.path;
import static io.migrationinsights.support.Uploads.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What an import does to the data already there: idempotent re-upload,
 * snapshot replace, event upsert by key, the empty-export guard and
 * all-or-nothing on a large file.
 */
@QuarkusTest
class ImportLifecycleTest {

    static final String STAFF = ImportValidationTest.STAFF;
    static final String TICKETS = ImportValidationTest.TICKETS;

    /** Three staff (S1-S3); the next snapshot, B, keeps S2 (changed) and adds S4. */
    static final byte[] STAFF_A = fixture("staff/snapshot-a.csv");
    static final byte[] STAFF_B = fixture("staff/snapshot-b.csv");
    static final byte[] ONE_TICKET = fixture("tickets/one-ticket.csv");

    static JsonPath created(String ods, String kind, String body) {
        return created(ods, kind, body.getBytes(StandardCharsets.UTF_8));
    }

    static JsonPath created(String ods, String kind, byte[] body) {
        return upload("pm", ods, kind, body).then().log().ifValidationFails().statusCode(201)
                .body("duplicate", equalTo(false)).extract().jsonPath();
    }

    /** A staff export of {@code n} active members of staff, N1 to Nn, over 40 units and 7 sites. */
    static StringBuilder activeStaff(int n) {
        StringBuilder csv = new StringBuilder(STAFF).append('\n');
        for (int i = 1; i <= n; i++) {
            csv.append("N").append(i).append(",Unit ").append(i % 40).append(",Site ").append(i % 7)
                    .append(",standard,active,\n");
        }
        return csv;
    }

    /** The staff dataset of an organisation as comparable text: one line per row with the import that wrote it. */
    static List<String> staffSnapshot(String ods) {
        return Db.table("staff", ods, "staff_id").stream()
                .map(r -> r.get("staff_id") + "|" + r.get("business_unit") + "|" + r.get("site") + "|"
                        + r.get("user_type") + "|" + r.get("employment_status") + "|" + r.get("leave_date") + "|"
                        + r.get("import_id") + "|" + r.get("source_row"))
                .toList();
    }

    // --- idempotence --------------------------------------------------------

    @Test
    void answersSameBytesAgainWithTheEarlierImportAndChangesNothing() {
        String ods = Api.newOrganisation();
        JsonPath first = created(ods, "staff", STAFF_A);
        List<String> before = staffSnapshot(ods);

        upload("pm", ods, "staff", STAFF_A).then().log().ifValidationFails().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("importId", equalTo(first.getInt("importId")))
                .body("rows", equalTo(3))
                .body("sha256", equalTo(first.getString("sha256")))
                .body("kind", equalTo("staff"));

        assertThat(staffSnapshot(ods), equalTo(before));
        assertThat(Db.count("import_batch", ods), equalTo(1L));
    }

    @Test
    void answersSameTicketExportAgainAsDuplicate() {
        String ods = Api.newOrganisation();
        JsonPath first = created(ods, "tickets", ONE_TICKET);
        upload("pm", ods, "tickets", ONE_TICKET).then().statusCode(200).body("duplicate", equalTo(true))
                .body("importId", equalTo(first.getInt("importId")));
        assertThat(Db.count("ticket", ods), equalTo(1L));
        assertThat(Db.count("import_batch", ods), equalTo(1L));
    }

    @Test
    void treatsReuploadOfAnOlderSnapshotAsARealChangeThatRestoresIt() {
        String ods = Api.newOrganisation();
        JsonPath a = created(ods, "staff", STAFF_A);
        created(ods, "staff", STAFF_B);
        assertThat(Db.column(Db.table("staff", ods, "staff_id"), "staff_id"), contains("S2", "S4"));

        JsonPath again = created(ods, "staff", STAFF_A);
        assertThat(again.getLong("importId"), not(equalTo(a.getLong("importId"))));
        assertThat(again.getString("sha256"), equalTo(a.getString("sha256")));
        List<Map<String, Object>> staff = Db.table("staff", ods, "staff_id");
        assertThat(Db.column(staff, "staff_id"), contains("S1", "S2", "S3"));
        assertThat(Db.column(staff, "business_unit"), contains("HR", "HR", "IT"));
        assertThat(Db.count("import_batch", ods), equalTo(3L));
    }

    @Test
    void doesNotTreatTheSameBytesOfAnotherOrganisationOrKindAsDuplicate() {
        String one = Api.newOrganisation();
        String two = Api.newOrganisation();
        created(one, "staff", STAFF_A);
        created(two, "staff", STAFF_A);
        assertThat(Db.count("staff", two), equalTo(3L));
    }

    // --- snapshot and event ---------------------------------------------------

    @Test
    void replacesTheSnapshotWithTheNewFile() {
        String ods = Api.newOrganisation();
        created(ods, "staff", STAFF_A);
        JsonPath b = created(ods, "staff", STAFF_B);

        List<Map<String, Object>> staff = Db.table("staff", ods, "staff_id");
        assertThat(Db.column(staff, "staff_id"), contains("S2", "S4"));
        assertThat(Db.column(staff, "business_unit"), contains("Estates", "IT"));
        assertThat(Db.column(staff, "user_type"), contains("executive_pa", "home_based"));
        assertThat(Db.longs(staff, "import_id"), contains(b.getLong("importId"), b.getLong("importId")));
    }

    @Test
    void leavesOtherOrganisationsAloneOnSnapshotReplace() {
        String one = Api.newOrganisation();
        String two = Api.newOrganisation();
        created(one, "staff", STAFF_A);
        created(two, "staff", STAFF_B);
        assertThat(Db.column(Db.table("staff", one, "staff_id"), "staff_id"), contains("S1", "S2", "S3"));
    }

    /**
     * Snapshot imports of one kind for several organisations at once: on PostgreSQL each
     * replaces its organisation's partition in turn (ingest.SnapshotPartitions), none waits
     * for ever or fails, and each organisation ends with its own rows only.
     */
    @Test
    void importsOneKindForSeveralOrganisationsAtOnce() throws Exception {
        List<String> codes = List.of(Api.newOrganisation(), Api.newOrganisation(), Api.newOrganisation(),
                Api.newOrganisation());
        codes.forEach(ods -> created(ods, "staff", STAFF_A));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(codes.size());
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String ods : codes) {
                answers.add(pool.submit(() -> upload("pm", ods, "staff", STAFF_B).statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get(), equalTo(201));
            }
        } finally {
            pool.shutdown();
        }
        for (String ods : codes) {
            assertThat(Db.column(Db.table("staff", ods, "staff_id"), "staff_id"), contains("S2", "S4"));
        }
    }

    @Test
    void upsertsOverlappingTicketExportsWithoutCountingTwice() {
        String ods = Api.newOrganisation();
        JsonPath first = created(ods, "tickets", csv(TICKETS,
                "T1,2026-03-02 09:00,,password_reset,phone,no,",
                "T2,2026-03-02 10:00,,calendar,phone,no,",
                "T3,2026-03-02 11:00,,contacts,email,yes,S9"));
        JsonPath second = created(ods, "tickets", csv(TICKETS,
                "T2,2026-03-02 10:00,2026-03-02 12:00,missing_mail,floorwalker,yes,S1",
                "T3,2026-03-02 11:00,,contacts,email,yes,S9",
                "T4,2026-03-03 09:00,,other,self_service,no,"));

        assertThat(Db.count("ticket", ods), equalTo(4L));
        List<Map<String, Object>> tickets = Db.table("ticket", ods, "ticket_id");
        assertThat(Db.column(tickets, "ticket_id"), contains("T1", "T2", "T3", "T4"));
        assertThat(Db.column(tickets, "category"), contains("password_reset", "missing_mail", "contacts", "other"));
        assertThat(Db.column(tickets, "channel"), contains("phone", "floorwalker", "email", "self_service"));
        assertThat(Db.column(tickets, "migration_related"), contains(false, true, true, false));
        assertThat(Db.longs(tickets, "resolve_seconds"), contains(null, 7200L, null, null));
        assertThat(Db.longs(tickets, "import_id"), contains(first.getLong("importId"), second.getLong("importId"),
                second.getLong("importId"), second.getLong("importId")));
    }

    @Test
    void upsertsFinanceLinesAndBenefitMeasurementsByKey() {
        String ods = Api.newOrganisation();
        String finance = ImportValidationTest.FINANCE;
        created(ods, "finance", csv(finance,
                "F1,project_cost,Licences,100,one_off,2026-01-01,,yes",
                "F2,cost_avoided,Servers,50,annual,2026-01-01,,no"));
        created(ods, "finance", csv(finance, "F1,project_cost,Licences,150.25,one_off,2026-01-01,,yes"));
        List<Map<String, Object>> lines = Db.table("finance_line", ods, "line_id");
        assertThat(Db.column(lines, "line_id"), contains("F1", "F2"));
        assertThat(lines.stream().map(r -> r.get("amount_gbp").toString()).toList(), contains("150.25", "50.00"));

        created(ods, "benefits", fixture(ImportValidationTest.ONE_BENEFIT));
        String measurements = ImportValidationTest.MEASUREMENTS;
        created(ods, "benefit-measurements", csv(measurements, "B1,2026-03-31,1,first", "B1,2026-04-30,2,"));
        created(ods, "benefit-measurements", csv(measurements, "B1,31/03/2026,1.5,corrected", "B1,2026-05-31,3,"));
        List<Map<String, Object>> rows = Db.table("benefit_measurement", ods, "measured_on");
        assertThat(Db.texts(rows, "measured_on"), contains("2026-03-31", "2026-04-30", "2026-05-31"));
        assertThat(Db.column(rows, "note"), contains("corrected", null, null));
    }

    // --- empty files ------------------------------------------------------------

    @Test
    void refusesEmptySnapshotUnlessAllowed() {
        String ods = Api.newOrganisation();
        created(ods, "staff", STAFF_A);
        List<String> before = staffSnapshot(ods);

        upload(ods, "staff", csv(STAFF)).then().log().ifValidationFails().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("allowEmpty=true"));
        assertThat(staffSnapshot(ods), equalTo(before));

        as("pm").contentType("text/csv").body(csv(STAFF).getBytes(StandardCharsets.UTF_8))
                .queryParam("allowEmpty", true).post(path(ods, "staff"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(0));
        assertThat(Db.count("staff", ods), equalTo(0L));
    }

    @Test
    void acceptsAnEmptyEventExportAndKeepsEarlierEvents() {
        String ods = Api.newOrganisation();
        created(ods, "tickets", ONE_TICKET);
        created(ods, "tickets", csv(TICKETS)).getInt("rows");
        assertThat(Db.count("ticket", ods), equalTo(1L));
    }

    // --- all or nothing ---------------------------------------------------------

    @Test
    void storesNothingFromALargeFileWhoseLastRowIsBad() {
        String ods = Api.newOrganisation();
        created(ods, "staff", STAFF_A);
        List<String> before = staffSnapshot(ods);

        StringBuilder big = activeStaff(19_999).append("N20000,Unit 1,Site 1,standard,retired,\n");

        upload(ods, "staff", big.toString()).then().log().ifValidationFails().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(20_001))
                .body("errors[0].column", equalTo("employment_status"));

        assertThat(staffSnapshot(ods), equalTo(before));
        assertThat(Db.count("import_batch", ods), equalTo(1L));
    }

    @Test
    void storesAllRowsOfALargeValidFile() {
        String ods = Api.newOrganisation();
        created(ods, "staff", activeStaff(20_000).toString());
        assertThat(Db.count("staff", ods), equalTo(20_000L));
    }

    /**
     * PostgreSQL: a snapshot import's own table is filled with COPY FREEZE, so every page is all-visible from the
     * start and no later read has to set hint bits on the rows (H2 has no such thing).
     */
    @Test
    void snapshotRowsAreWrittenFrozenOnPostgres() throws Exception {
        assumeTrue(Db.postgres(), "PostgreSQL only");
        String ods = Api.newOrganisation();
        created(ods, "staff", activeStaff(5_000).toString());
        String partition = (String) Db.rows("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " join organisation o on c.relname like 'staff\\_o' || o.id || '\\_%' where o.ods_code = ?"
                + " and i.inhparent = 'staff'::regclass", ods).get(0).get("relname");
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze " + partition); // brings relallvisible up to date from the visibility map
        }
        Map<String, Object> pages = Db.rows("select relpages, relallvisible from pg_class where relname = ?",
                partition).get(0);
        assertThat(((Number) pages.get("relpages")).intValue(), greaterThan(1));
        assertThat(pages.get("relallvisible"), equalTo(pages.get("relpages")));
    }
}
