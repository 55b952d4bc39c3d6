package io.migrationinsights.ingest;

import static io.migrationinsights.support.Uploads.csv;
import static io.migrationinsights.support.Uploads.fixture;
import static io.migrationinsights.support.Uploads.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row and header rule of CONTRACT section 2: a rejected file answers 422
 * problem+json naming the row (header = row 1), the column, the value and the
 * reason, and stores nothing.
 */
@QuarkusTest
class ImportValidationTest {

    static final String STAFF = "staff_id,business_unit,site,user_type,employment_status,leave_date";
    static final String LEGACY = "account,staff_id,mailbox_type,status,mailbox_size_mb,last_logon,owner_staff_id";
    static final String NHSMAIL = "email,staff_id,created_date,registered_date,status";
    static final String APPOINTMENTS = "staff_id,site,phase,appointment_date,outcome";
    static final String TICKETS = "ticket_id,opened_at,resolved_at,category,channel,migration_related,staff_id";
    static final String FINANCE = "line_id,kind,description,amount_gbp,frequency,start_date,end_date,cashable";
    static final String BENEFITS = "benefit_id,title,owner,measure,unit,baseline_value,baseline_date,target_value,"
            + "target_date,direction,cashable,dis_benefit";
    static final String MEASUREMENTS = "benefit_id,measured_on,value,note";
    /** The register with one benefit, B1, that measurements refer to. */
    static final String ONE_BENEFIT = "benefits/one-benefit.csv";

    /** Uploads a file that must be refused, and checks that nothing of it was stored. */
    static ValidatableResponse rejected(String ods, String kind, String table, String body) {
        long ledger = Db.count("import_batch", ods);
        ValidatableResponse response = upload(ods, kind, body).then().log().ifValidationFails()
                .statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("detail", containsString("nothing was imported"));
        assertThat(Db.count(table, ods), equalTo(0L));
        assertThat(Db.count("import_batch", ods), equalTo(ledger));
        return response;
    }

    /** The one finding on (row, column): its message contains {@code message}. */
    static void finding(ValidatableResponse response, int row, String column, String value, String message) {
        String at = "errors.find { it.row == " + row + " && it.column " + (column == null ? "== null" : "== '" + column + "'")
                + " }";
        response.body(at, not(nullValue()))
                .body(at + ".message", containsString(message))
                .body(at + ".value", equalTo((Object) value));
    }

    static long epoch(String ukLocal) {
        return LocalDateTime.parse(ukLocal).atZone(ZoneId.of("Europe/London")).toEpochSecond();
    }

    // --- required values -------------------------------------------------

    @Test
    void rejectsRowWithMissingRequiredCell() {
        String ods = Api.newOrganisation();
        var r = rejected(ods, "staff", "staff", csv(STAFF,
                "S1,HR,Oxford,standard,active,",
                "S2,HR,,standard,active,"));
        r.body("errors", hasSize(1));
        finding(r, 3, "site", "", "is required");
    }

    @Test
    void rejectsHeaderWithoutRequiredColumn() {
        String ods = Api.newOrganisation();
        var r = rejected(ods, "staff", "staff", csv("staff_id,business_unit,user_type,employment_status",
                "S1,HR,standard,active"));
        finding(r, 1, "site", null, "required column site is missing");
    }

    @Test
    void rejectsDuplicateHeaderColumn() {
        String ods = Api.newOrganisation();
        var r = rejected(ods, "staff", "staff", csv("staff_id,business_unit,site,user_type,employment_status,Staff ID",
                "S1,HR,Oxford,standard,active,S1"));
        finding(r, 1, "Staff ID", "Staff ID", "appears more than once");
    }

    // --- values ----------------------------------------------------------

    /**
     * A row with one value its column cannot hold: the finding names the row, the
     * column, the value and the rule. {@code rows} go under the kind's header.
     */
    record BadValue(String rule, String kind, String table, String header, List<String> rows,
                    int row, String column, String value, String message) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<BadValue> badValues() {
        return Stream.of(
                new BadValue("unknown enum value", "staff", "staff", STAFF, List.of("S1,HR,Oxford,manager,active,"),
                        2, "user_type", "manager", "must be one of standard, executive, executive_pa, community, home_based"),
                new BadValue("bad boolean", "tickets", "ticket", TICKETS, List.of("T1,2026-03-02 09:00,,other,phone,maybe,"),
                        2, "migration_related", "maybe", "must be true/false, yes/no, y/n or 1/0"),
                new BadValue("non-numeric size", "legacy-accounts", "legacy_account", LEGACY,
                        List.of("a@trust.local,S1,user,active,12MB,,"), 2, "mailbox_size_mb", "12MB", "is not a number"),
                new BadValue("negative mailbox size", "legacy-accounts", "legacy_account", LEGACY,
                        List.of("a@trust.local,S1,user,active,10,,", "b@trust.local,S2,user,active,-1,,"),
                        3, "mailbox_size_mb", "-1", "must not be negative"),
                new BadValue("amount with three decimals", "finance", "finance_line", FINANCE,
                        List.of("F1,project_cost,Licences,10.50,one_off,2026-01-01,,yes",
                                "F2,project_cost,Licences,10.505,one_off,2026-01-01,,yes"),
                        3, "amount_gbp", "10.505", "at most 2 decimal places"),
                new BadValue("negative amount", "finance", "finance_line", FINANCE,
                        List.of("F1,project_cost,Licences,-5,one_off,2026-01-01,,yes"), 2, "amount_gbp", "-5",
                        "must not be negative"),
                new BadValue("amount too large for pounds", "finance", "finance_line", FINANCE,
                        List.of("F1,project_cost,Licences,12345678901234,one_off,2026-01-01,,yes"),
                        2, "amount_gbp", "12345678901234", "is too large"),
                new BadValue("registered before created", "nhsmail-accounts", "nhsmail_account", NHSMAIL,
                        List.of("a@nhs.net,S1,2026-01-05,04/01/2026,active"),
                        2, "registered_date", "04/01/2026", "must not be before created_date"),
                new BadValue("resolved before opened", "tickets", "ticket", TICKETS,
                        List.of("T1,2026-03-02 09:00,2026-03-02 08:59,other,phone,no,"),
                        2, "resolved_at", "2026-03-02 08:59", "must not be before opened_at"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void rejectsRowWithOneBadValue(BadValue bad) {
        String ods = Api.newOrganisation();
        List<String> lines = new ArrayList<>(List.of(bad.header()));
        lines.addAll(bad.rows());
        var r = rejected(ods, bad.kind(), bad.table(), csv(lines.toArray(String[]::new)));
        r.body("errors", hasSize(1));
        finding(r, bad.row(), bad.column(), bad.value(), bad.message());
    }

    @Test
    void rejectsRowWithImpossibleDate() {
        String ods = Api.newOrganisation();
        var r = rejected(ods, "staff", "staff", csv(STAFF,
                "S1,HR,Oxford,standard,leaver,31/02/2026",
                "S2,HR,Oxford,standard,leaver,2026-02-30",
                "S3,HR,Oxford,standard,leaver,next week"));
        finding(r, 2, "leave_date", "31/02/2026", "is not a real calendar date");
        finding(r, 3, "leave_date", "2026-02-30", "is not a real calendar date");
        finding(r, 4, "leave_date", "next week", "use YYYY-MM-DD or DD/MM/YYYY");
    }

    @Test
    void rejectsRowWithBadTimestamp() {
        String ods = Api.newOrganisation();
        var r = rejected(ods, "tickets", "ticket", csv(TICKETS,
                "T1,2026-03-02 25:00,,other,phone,no,",
                "T2,yesterday,,other,phone,no,",
                "T3,2026-03-02 9am,,other,phone,no,",
                "T4,2026-03-02 09:00,31/02/2026 10:00,other,phone,no,",
                "T5,2026-02-30,,other,phone,no,",
                "T6,2026-03-02 09:00,,other,phone,no,",
                "T7,2/3/26,,other,phone,no,"));
        finding(r, 2, "opened_at", "2026-03-02 25:00", "is not a real date and time");
        finding(r, 3, "opened_at", "yesterday", "is not a date and time: use YYYY-MM-DD HH:MM[:SS], "
                + "YYYY-MM-DDTHH:MM[:SS] or DD/MM/YYYY HH:MM[:SS], or a date alone (YYYY-MM-DD or DD/MM/YYYY, "
                + "meaning 00:00 UK time)");
        finding(r, 4, "opened_at", "2026-03-02 9am", "is not a real date and time");
        finding(r, 5, "resolved_at", "31/02/2026 10:00", "is not a real date and time");
        finding(r, 6, "opened_at", "2026-02-30", "is not a real date and time");
        finding(r, 8, "opened_at", "2/3/26", "or a date alone (YYYY-MM-DD or DD/MM/YYYY");
        r.body("errors", hasSize(6));
    }

    @Test
    void rejectsTextLongerThanItsColumn() {
        String ods = Api.newOrganisation();
        String longId = "S".repeat(101);
        var r = rejected(ods, "staff", "staff", csv(STAFF, "S1,HR,Oxford,standard,active,", longId + ",HR,Oxford,standard,active,"));
        r.body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("staff_id"))
                .body("errors[0].message", containsString("longer than the limit of 100 characters"));
    }

    @Test
    void rejectsEmailOutsideNhsNet() {
        String ods = Api.newOrganisation();
        var r = rejected(ods, "nhsmail-accounts", "nhsmail_account", csv(NHSMAIL,
                "a@nhs.net,S1,2026-01-01,,active",
                "b@nhs.uk,S2,2026-01-01,,active",
                "@nhs.net,S3,2026-01-01,,active"));
        finding(r, 3, "email", "b@nhs.uk", "must be an NHSmail address ending in @nhs.net");
        finding(r, 4, "email", "@nhs.net", "ending in @nhs.net");
    }

    @Test
    void countsMultiLineRecordAsOneRowInFindings() {
        String ods = Api.newOrganisation();
        var r = rejected(ods, "staff", "staff", csv("staff_id,business_unit,site,user_type,employment_status,notes",
                "S1,\"Estates",
                "and",
                "Facilities\",Oxford,standard,active,x",
                "S2,HR,Oxford,standard,retired,y"));
        r.body("errors", hasSize(1));
        finding(r, 3, "employment_status", "retired", "must be one of active, leaver");
    }

    @Test
    void listsOnlyTheFirstThousandFindings() {
        String ods = Api.newOrganisation();
        StringBuilder body = new StringBuilder(STAFF).append('\n');
        for (int i = 1; i <= 1500; i++) {
            body.append("S").append(i).append(",HR,Oxford,boss,active,\n");
        }
        var r = rejected(ods, "staff", "staff", body.toString());
        r.body("errors", hasSize(1000))
                .body("errors[0].row", equalTo(2))
                .body("errors[999].row", equalTo(1001))
                .body("detail", containsString("1500 problems"))
                .body("detail", containsString("first 1000"));
    }

    // --- keys and references ------------------------------------------------

    /**
     * A key that appears twice in one file: the second row is refused, naming the
     * first; keys compare without case where the contract says so, and dates
     * whatever their form. {@code before} is a fixture {@code <kind>/<name>.csv}
     * imported first (the register a measurement refers to), or null.
     */
    record DuplicateKey(String kind, String table, String header, List<String> rows,
                        int row, String column, String value, String message, String before) {
        @Override
        public String toString() {
            return kind + " " + column + " " + value;
        }
    }

    static Stream<DuplicateKey> duplicateKeys() {
        return Stream.of(
                new DuplicateKey("staff", "staff", STAFF, List.of("S1,HR,Oxford,standard,active,",
                        "S2,HR,Oxford,standard,active,", "S1,IT,Oxford,standard,active,"),
                        4, "staff_id", "S1", "already on row 2", null),
                new DuplicateKey("legacy-accounts", "legacy_account", LEGACY,
                        List.of("Ann@Trust.local,S1,user,active,,,", "ann@trust.LOCAL,S1,user,active,,,"),
                        3, "account", "ann@trust.local", "already on row 2", null),
                new DuplicateKey("nhsmail-accounts", "nhsmail_account", NHSMAIL,
                        List.of("Ann.Lee@nhs.net,S1,2026-01-01,,active", "ann.lee@NHS.net,S2,2026-01-01,,active"),
                        3, "email", "ann.lee@nhs.net", "already on row 2", null),
                new DuplicateKey("appointments", "appointment", APPOINTMENTS, List.of("S1,Oxford,pilot,2026-04-01,migrated",
                        "S1,Oxford,pilot,2026-04-02,migrated", "S1,Oxford,washup,01/04/2026,migrated"),
                        4, "staff_id", "S1 + 2026-04-01", "duplicate staff_id + appointment_date: already on row 2", null),
                new DuplicateKey("tickets", "ticket", TICKETS,
                        List.of("T1,2026-03-02 09:00,,other,phone,no,", "T1,2026-03-03 09:00,,other,phone,no,"),
                        3, "ticket_id", "T1", "already on row 2", null),
                new DuplicateKey("finance", "finance_line", FINANCE, List.of("F1,project_cost,A,1,one_off,2026-01-01,,yes",
                        "F1,project_cost,B,2,one_off,2026-01-01,,yes"), 3, "line_id", "F1", "already on row 2", null),
                new DuplicateKey("benefits", "benefit", BENEFITS, List.of("B1,T,O,M,u,1,2026-01-01,2,2026-12-31,increase,no,no",
                        "B1,T,O,M,u,1,2026-01-01,2,2026-12-31,increase,no,no"),
                        3, "benefit_id", "B1", "already on row 2", null),
                new DuplicateKey("benefit-measurements", "benefit_measurement", MEASUREMENTS,
                        List.of("B1,2026-03-31,1,", "B1,2026-04-30,1,", "B1,31/03/2026,2,"),
                        4, "benefit_id", "B1 + 2026-03-31", "duplicate benefit_id + measured_on: already on row 2",
                        ONE_BENEFIT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duplicateKeys")
    void rejectsDuplicateKey(DuplicateKey dup) {
        String ods = Api.newOrganisation();
        if (dup.before() != null) {
            Uploads.imported(ods, dup.before().substring(0, dup.before().indexOf('/')), fixture(dup.before()));
        }
        List<String> lines = new ArrayList<>(List.of(dup.header()));
        lines.addAll(dup.rows());
        var r = rejected(ods, dup.kind(), dup.table(), csv(lines.toArray(String[]::new)));
        r.body("errors", hasSize(1));
        finding(r, dup.row(), dup.column(), dup.value(), dup.message());
    }

    /**
     * More keys standing twice than the duplicate filter keeps as candidates
     * (KeyCandidates.MAX_CANDIDATES): every row is checked in SQL, and the first
     * 1,000 findings come in row order, each naming the key's first row.
     */
    @Test
    void namesTheFirstThousandDuplicatesInRowOrderWhenManyKeysStandTwice() {
        String ods = Api.newOrganisation();
        int distinct = KeyCandidates.MAX_CANDIDATES + 500;
        List<String> lines = new ArrayList<>(List.of(NHSMAIL));
        for (int i = 0; i < distinct; i++) {
            lines.add("u" + i + "@nhs.net,,2026-01-01,,active");
        }
        for (int i = 0; i < distinct; i++) {
            lines.add("U" + i + "@NHS.net,,2026-01-01,,active");
        }
        var r = rejected(ods, "nhsmail-accounts", "nhsmail_account", csv(lines.toArray(String[]::new)));
        r.body("errors", hasSize(CsvRows.MAX_ERRORS))
                .body("errors[0].row", equalTo(distinct + 2))
                .body("errors[999].row", equalTo(distinct + 1001));
        finding(r, distinct + 2, "email", "u0@nhs.net", "duplicate email: already on row 2");
        finding(r, distinct + 1001, "email", "u999@nhs.net", "already on row 1001");
    }

    @Test
    void rejectsMeasurementOfUnknownBenefit() {
        String ods = Api.newOrganisation();
        Uploads.imported(ods, "benefits", fixture(ONE_BENEFIT));
        var r = rejected(ods, "benefit-measurements", "benefit_measurement", csv(MEASUREMENTS,
                "B1,2026-03-31,1,", "B9,2026-03-31,1,"));
        r.body("errors", hasSize(1));
        finding(r, 3, "benefit_id", "B9", "no benefit with this benefit_id");
    }

    @Test
    void doesNotMatchBenefitsOfAnotherOrganisation() {
        String other = Api.newOrganisation();
        Uploads.imported(other, "benefits", fixture(ONE_BENEFIT));
        String ods = Api.newOrganisation();
        var r = rejected(ods, "benefit-measurements", "benefit_measurement", csv(MEASUREMENTS, "B1,2026-03-31,1,"));
        finding(r, 2, "benefit_id", "B1", "no benefit with this benefit_id");
    }

    // --- UK time -------------------------------------------------------------

    @Test
    void readsTimestampsAsUkLocalTimeAcrossClockChanges() {
        String ods = Api.newOrganisation();
        upload(ods, "tickets", csv(TICKETS,
                // spring gap: 01:30 on 29 March 2026 does not exist in the UK; it moves forward to 02:30 BST
                "GAP,2026-03-29 01:30,,other,phone,no,",
                // autumn overlap: 01:30 on 25 October 2026 happens twice; the earlier (BST) one is meant
                "OVERLAP,25/10/2026 01:30,,other,phone,no,",
                // spans the October change: 24 hours on the wall clock, 25 hours elapsed
                "AUTUMN,2026-10-24T12:00,2026-10-25T12:00,other,phone,no,",
                // spans the March change: 24 hours on the wall clock, 23 hours elapsed
                "SPRING,2026-03-28 12:00:00,2026-03-29 12:00:00,other,phone,no,",
                // from before the overlap to the ambiguous time: one hour
                "INTO_OVERLAP,2026-10-25 00:30,2026-10-25 01:30,other,phone,no,",
                // just after midnight BST is still the previous day in UTC; the UK date counts
                "MIDNIGHT,2026-07-01 00:30,,other,phone,no,"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(6));

        List<Map<String, Object>> tickets = Db.rows("select t.ticket_id, extract(epoch from t.opened_at) as opened,"
                + " t.resolve_seconds, t.opened_on from ticket t join organisation o on o.id = t.organisation_id"
                + " where o.ods_code = ? order by t.source_row", ods);
        assertThat(Db.longs(tickets, "opened"), contains(
                Instant.parse("2026-03-29T01:30:00Z").getEpochSecond(),
                Instant.parse("2026-10-25T00:30:00Z").getEpochSecond(),
                Instant.parse("2026-10-24T11:00:00Z").getEpochSecond(),
                Instant.parse("2026-03-28T12:00:00Z").getEpochSecond(),
                Instant.parse("2026-10-24T23:30:00Z").getEpochSecond(),
                Instant.parse("2026-06-30T23:30:00Z").getEpochSecond()));
        assertThat(Db.longs(tickets, "resolve_seconds"), contains(null, null, 25 * 3600L, 23 * 3600L, 3600L, null));
        assertThat(Db.texts(tickets, "opened_on"), contains("2026-03-29", "2026-10-25", "2026-10-24", "2026-03-28",
                "2026-10-25", "2026-07-01"));
        assertThat(epoch("2026-03-29T02:30:00"), equalTo(Instant.parse("2026-03-29T01:30:00Z").getEpochSecond()));
    }
}
