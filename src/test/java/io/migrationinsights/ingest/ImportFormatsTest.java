package io.migrationinsights.ingest;

import static io.migrationinsights.support.Uploads.fixture;
import static io.migrationinsights.support.Uploads.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.endsWith;
import static io.migrationinsights.support.Db.column;
import static io.migrationinsights.support.Db.longs;
import static io.migrationinsights.support.Db.texts;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.Db;
import io.migrationinsights.support.Uploads;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every accepted file format of CONTRACT section 2, one named fixture per kind
 * (src/test/resources/csv/&lt;kind&gt;/valid-all-formats.csv), proven by reading
 * back what was stored.
 */
@QuarkusTest
class ImportFormatsTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    static long epoch(String ukLocal) {
        return LocalDateTime.parse(ukLocal).atZone(UK).toEpochSecond();
    }

    static List<Map<String, Object>> epochs(String table, String column, String key, String ods) {
        return Db.rows("select t." + key + " as k, extract(epoch from t." + column + ") as e from " + table
                + " t join organisation o on o.id = t.organisation_id where o.ods_code = ? order by t." + key, ods);
    }

    @Test
    void importsStaffWithBomCrlfQuotingHeaderVariantsAndAnyCaseEnums() {
        String ods = Api.newOrganisation();
        upload("pm", ods, "staff", fixture("staff/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201)
                .body("kind", equalTo("staff"))
                .body("rows", equalTo(5))
                .body("duplicate", equalTo(false))
                .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("ignoredColumns", contains("Cost Centre", "notes"));

        List<Map<String, Object>> staff = Db.table("staff", ods, "staff_id");
        assertThat(column(staff, "staff_id"), contains("S001", "S002", "S003", "S004", "S005"));
        assertThat(column(staff, "user_type"), contains("standard", "executive", "executive_pa", "community", "home_based"));
        assertThat(column(staff, "employment_status"), contains("active", "active", "leaver", "leaver", "active"));
        assertThat(staff.get(0).get("site"), equalTo("Oxford, John Radcliffe"));
        assertThat(staff.get(0).get("email"), equalTo("ann.lee@example.nhs.uk"));
        assertThat(staff.get(1).get("last_name"), equalTo("O'Neil, Jr"));
        assertThat((String) staff.get(1).get("business_unit"), startsWith("Estates"));
        assertThat((String) staff.get(1).get("business_unit"), endsWith("\nand Facilities"));
        assertThat(String.valueOf(staff.get(2).get("leave_date")), equalTo("2026-01-31"));
        assertThat(String.valueOf(staff.get(3).get("leave_date")), equalTo("2026-02-28"));
        assertThat(staff.get(0).get("leave_date"), nullValue());
        // Row numbers count a multi-line record once, as a spreadsheet does: S003 is on row 4.
        assertThat(longs(staff, "source_row"), contains(2L, 3L, 4L, 5L, 6L));
    }

    @Test
    void acceptsBomBeforeQuotedHeader() {
        String ods = Api.newOrganisation();
        upload("pm", ods, "staff", fixture("staff/bom-quoted-header.csv"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(1))
                .body("ignoredColumns", empty());
        assertThat(column(Db.table("staff", ods, "staff_id"), "staff_id"), contains("S1"));
    }

    @Test
    void importsLegacyAccountsWithEveryTimestampForm() {
        String ods = Api.newOrganisation();
        upload("pm", ods, "legacy-accounts", fixture("legacy-accounts/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201)
                .body("rows", equalTo(7)).body("ignoredColumns", contains("Database"));

        List<Map<String, Object>> accounts = Db.table("legacy_account", ods, "source_row");
        assertThat(column(accounts, "account"), contains("ann.lee@trust.local",
                "bob@trust.local", "estates, shared@trust.local", "room1@trust.local", "cat@trust.local",
                "dan@trust.local", "eve@trust.local"));
        assertThat(column(accounts, "mailbox_type"), contains("user", "user", "shared", "resource", "user", "user", "user"));
        assertThat(column(accounts, "status"), contains("active", "inactive", "disabled", "suspended", "active", "active", "active"));
        assertThat((BigDecimal) accounts.get(0).get("mailbox_size_mb"), comparesEqualTo(new BigDecimal("1024.5")));
        assertThat(accounts.get(3).get("mailbox_size_mb"), nullValue());
        assertThat(accounts.get(2).get("owner_staff_id"), equalTo("S001"));

        List<Map<String, Object>> logons = epochs("legacy_account", "last_logon", "source_row", ods);
        long nine15 = epoch("2026-03-01T09:15:00");
        assertThat(longs(logons, "e"), contains(nine15, nine15 + 30, nine15, nine15 + 30, nine15, nine15 + 30, null));
    }

    @Test
    void importsNhsmailAccountsWithExternalSyncIdAlias() {
        String ods = Api.newOrganisation();
        upload("pm", ods, "nhsmail-accounts", fixture("nhsmail-accounts/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201)
                .body("rows", equalTo(5)).body("ignoredColumns", contains("Portal Org"));

        List<Map<String, Object>> accounts = Db.table("nhsmail_account", ods, "source_row");
        assertThat(column(accounts, "email"), contains("ann.lee@nhs.net", "bob.x@nhs.net", "cat@nhs.net", "dan@nhs.net", "eve@nhs.net"));
        assertThat(column(accounts, "staff_id"), contains("S001", "S002", null, "S004", "S005"));
        assertThat(column(accounts, "status"), contains("active", "active_leaver", "migration_pending", "deleted", "locked"));
        assertThat(texts(accounts, "created_date"), contains("2026-01-05", "2026-01-05", "2026-01-06", "2026-01-06", "2026-01-06"));
        assertThat(texts(accounts, "registered_date"), contains("2026-01-07", "2026-01-05", "null", "null", "null"));
    }

    @Test
    void importsAppointmentsWithIsoAndUkDates() {
        String ods = Api.newOrganisation();
        upload("pm", ods, "appointments", fixture("appointments/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(4))
                .body("ignoredColumns", empty());

        List<Map<String, Object>> rows = Db.table("appointment", ods, "source_row");
        assertThat(column(rows, "phase"), contains("pilot", "vip", "rollout", "washup"));
        assertThat(column(rows, "outcome"), contains("migrated", "scheduled", "unavailable", "failed"));
        assertThat(texts(rows, "appointment_date"), contains("2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04"));
        assertThat(rows.get(1).get("site"), equalTo("Oxford, JR"));
    }

    @Test
    void importsTicketsWithEveryTimestampAndBooleanForm() {
        String ods = Api.newOrganisation();
        upload("pm", ods, "tickets", fixture("tickets/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(8))
                .body("ignoredColumns", contains("Summary"));

        List<Map<String, Object>> tickets = Db.table("ticket", ods, "ticket_id");
        assertThat(column(tickets, "migration_related"), contains(true, false, true, false, true, false, true, false));
        assertThat(column(tickets, "category"), contains("password_reset",
                "account_activation", "calendar", "contacts", "mobile_device", "other", "shared_mailbox", "send_limits"));
        assertThat(column(tickets, "channel"), contains("phone", "email", "self_service",
                "floorwalker", "phone", "phone", "phone", "phone"));
        assertThat(texts(tickets, "opened_on"), everyItem(equalTo("2026-03-02")));
        assertThat(longs(tickets, "resolve_seconds"), contains(5400L, 30L, 86400L, null, 7200L, null, null, null));
        assertThat(tickets.get(0).get("staff_id"), equalTo("S001"));
        assertThat(tickets.get(1).get("staff_id"), nullValue());

        long nine = epoch("2026-03-02T09:00:00");
        assertThat(longs(epochs("ticket", "opened_at", "ticket_id", ods), "e"), contains(nine, nine + 15, nine, nine + 30, nine, nine + 59, nine, nine));
    }

    @Test
    void importsFinanceWithQuotedMultiLineDescription() {
        String ods = Api.newOrganisation();
        upload("pm", ods, "finance", fixture("finance/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(4))
                .body("ignoredColumns", contains("Approved By"));

        List<Map<String, Object>> lines = Db.table("finance_line", ods, "line_id");
        assertThat(column(lines, "kind"), contains("project_cost", "cost_avoided", "legacy_running_cost", "new_running_cost"));
        assertThat(column(lines, "frequency"), contains("one_off", "annual", "monthly", "monthly"));
        assertThat(column(lines, "cashable"), contains(true, false, true, false));
        assertThat(lines.stream().map(r -> ((BigDecimal) r.get("amount_gbp")).toPlainString()).toList(), contains("1234.50", "99.99", "0.00", "120.00"));
        assertThat(lines.get(0).get("description"), equalTo("Licences, year one"));
        assertThat(lines.get(1).get("description"), equalTo("Server\nrefresh avoided"));
        assertThat(String.valueOf(lines.get(1).get("start_date")), equalTo("2026-02-01"));
        assertThat(String.valueOf(lines.get(1).get("end_date")), equalTo("2027-01-31"));
        // F3 is on row 4: the two-line description of F2 is one row
        assertThat(((Number) lines.get(2).get("source_row")).intValue(), equalTo(4));
    }

    @Test
    void importsBenefitsAndTheirMeasurements() {
        String ods = Api.newOrganisation();
        upload("finance", ods, "benefits", fixture("benefits/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(2));
        upload("finance", ods, "benefit-measurements", fixture("benefit-measurements/valid-all-formats.csv"))
                .then().log().ifValidationFails().statusCode(201).body("rows", equalTo(3))
                .body("ignoredColumns", empty());

        List<Map<String, Object>> benefits = Db.table("benefit", ods, "benefit_id");
        assertThat(column(benefits, "direction"), contains("decrease", "increase"));
        assertThat(column(benefits, "cashable"), contains(false, true));
        assertThat(column(benefits, "dis_benefit"), contains(false, false));
        assertThat(benefits.get(0).get("owner_name"), equalTo("Jo Bloggs"));
        assertThat(benefits.get(0).get("title"), equalTo("Fewer desk calls, per month"));
        assertThat((BigDecimal) benefits.get(0).get("target_value"), comparesEqualTo(new BigDecimal("60.5")));
        assertThat(String.valueOf(benefits.get(0).get("target_date")), equalTo("2026-12-31"));

        List<Map<String, Object>> measurements = Db.table("benefit_measurement", ods, "source_row");
        assertThat(column(measurements, "benefit_id"), contains("B1", "B1", "B2"));
        assertThat(texts(measurements, "measured_on"), contains("2026-03-31", "2026-06-30", "2026-06-30"));
        assertThat((BigDecimal) measurements.get(1).get("measured_value"), comparesEqualTo(new BigDecimal("95.25")));
        assertThat(measurements.get(0).get("note"), equalTo("Q1, first count"));
        assertThat(measurements.get(1).get("note"), equalTo("two\nlines"));
        assertThat(longs(measurements, "source_row"), contains(2L, 3L, 4L));
    }

    @Test
    void acceptsUkDatesAndTimesWithoutLeadingZerosAsSpreadsheetsWriteThem() {
        String ods = Api.newOrganisation();
        upload(ods, "tickets", Uploads.csv("ticket_id,opened_at,resolved_at,category,channel,migration_related",
                "T1,1/3/2026 9:05,2/3/2026 10:30:15,other,phone,no"))
                .then().log().ifValidationFails().statusCode(201);
        upload(ods, "staff", Uploads.csv("staff_id,business_unit,site,user_type,employment_status,leave_date",
                "S1,HR,Oxford,standard,leaver,1/3/2026"))
                .then().log().ifValidationFails().statusCode(201);

        assertThat(Db.rows("select cast(s.leave_date as varchar) as d from staff s join organisation o "
                + "on o.id = s.organisation_id where o.ods_code = ?", ods).get(0).get("d"), equalTo("2026-03-01"));
        List<Map<String, Object>> opened = epochs("ticket", "opened_at", "ticket_id", ods);
        assertThat(((Number) opened.get(0).get("e")).longValue(), equalTo(epoch("2026-03-01T09:05")));
        List<Map<String, Object>> resolved = epochs("ticket", "resolved_at", "ticket_id", ods);
        assertThat(((Number) resolved.get(0).get("e")).longValue(), equalTo(epoch("2026-03-02T10:30:15")));
    }

    @Test
    void readsADateAloneInATimestampColumnAsMidnightUkTime() {
        String ods = Api.newOrganisation();
        // winter (UTC+0) and summer (UTC+1) dates, ISO and UK forms, beside a full timestamp
        upload(ods, "tickets", Uploads.csv("ticket_id,opened_at,resolved_at,category,channel,migration_related",
                "T1,2026-03-01,2026-03-01 09:00,other,phone,no",
                "T2,1/7/2026,02/07/2026,other,phone,no"))
                .then().log().ifValidationFails().statusCode(201);
        upload(ods, "legacy-accounts", Uploads.csv("account,mailbox_type,status,last_logon",
                "a@trust.local,user,active,2026-06-30"))
                .then().log().ifValidationFails().statusCode(201);

        List<Map<String, Object>> opened = epochs("ticket", "opened_at", "ticket_id", ods);
        assertThat(longs(opened, "e"), contains(epoch("2026-03-01T00:00"), epoch("2026-07-01T00:00")));
        assertThat(epoch("2026-07-01T00:00"), equalTo(Instant.parse("2026-06-30T23:00:00Z").getEpochSecond()));
        List<Map<String, Object>> resolved = epochs("ticket", "resolved_at", "ticket_id", ods);
        assertThat(longs(resolved, "e"), contains(epoch("2026-03-01T09:00"), epoch("2026-07-02T00:00")));
        // the ticket's UK date is the date given, even in summer time
        assertThat(Db.rows("select cast(t.opened_on as varchar) as d from ticket t join organisation o "
                + "on o.id = t.organisation_id where o.ods_code = ? order by t.ticket_id", ods).get(1).get("d"),
                equalTo("2026-07-01"));
        assertThat(longs(epochs("legacy_account", "last_logon", "source_row", ods), "e"),
                contains(epoch("2026-06-30T00:00")));
    }

    /**
     * Decimals reach the table with their value, whatever the writer (COPY in binary form on PostgreSQL, whose
     * numeric is base-10000 digits with a weight and a scale; JDBC on H2): zeros, a fraction smaller than one
     * base-10000 digit, digits on both sides of the point, an exponent, and a negative value.
     */
    @Test
    void storesDecimalsWithTheirValue() {
        String ods = Api.newOrganisation();
        upload(ods, "legacy-accounts", "account,mailbox_type,status,mailbox_size_mb\n"
                + "a1@t.nhs.uk,user,active,0\n"
                + "a2@t.nhs.uk,user,active,0.001\n"
                + "a3@t.nhs.uk,user,active,10000\n"
                + "a4@t.nhs.uk,user,active,12345678.125\n"
                + "a5@t.nhs.uk,user,active,1E+3\n"
                + "a6@t.nhs.uk,user,active,90000.5\n").then().statusCode(201);
        List<Object> sizes = column(Db.table("legacy_account", ods, "source_row"), "mailbox_size_mb");
        assertThat(sizes.stream().map(v -> new BigDecimal(v.toString())).toList(), contains(
                comparesEqualTo(new BigDecimal("0")), comparesEqualTo(new BigDecimal("0.001")),
                comparesEqualTo(new BigDecimal("10000")), comparesEqualTo(new BigDecimal("12345678.125")),
                comparesEqualTo(new BigDecimal("1000")), comparesEqualTo(new BigDecimal("90000.5"))));
        upload(ods, "benefits", "benefit_id,title,owner,measure,unit,baseline_value,baseline_date,target_value,"
                + "target_date,direction,cashable,dis_benefit\n"
                + "B1,Fewer servers,CIO,Servers,count,-1.25,2026-01-01,0.0001,2026-12-31,increase,false,false\n")
                .then().statusCode(201);
        Map<String, Object> benefit = Db.table("benefit", ods, "source_row").get(0);
        assertThat(new BigDecimal(benefit.get("baseline_value").toString()), comparesEqualTo(new BigDecimal("-1.25")));
        assertThat(new BigDecimal(benefit.get("target_value").toString()), comparesEqualTo(new BigDecimal("0.0001")));
    }

    /**
     * Text reaches the table exactly as sent, whatever the writer (COPY in binary form on PostgreSQL, JDBC on H2):
     * quotes, commas, line breaks, a leading # and a lone backslash-dot (the end-of-data marker of COPY in text form) are data;
     * an empty cell stays no value.
     */
    @Test
    void storesTextExactlyAsSentIncludingCopyMarkers() {
        String ods = Api.newOrganisation();
        upload(ods, "staff", "staff_id,first_name,last_name,business_unit,site,user_type,employment_status\n"
                + "S1,\"Zoë \"\"Z\"\", Jr\",\"line one\nline two\",#HR,\\.,standard,active\n"
                + "S2,,\\N,IT,Site,standard,active\n").then().statusCode(201);
        List<Map<String, Object>> staff = Db.table("staff", ods, "staff_id");
        assertThat(column(staff, "first_name"), contains("Zoë \"Z\", Jr", null));
        assertThat(column(staff, "last_name"), contains("line one\nline two", "\\N"));
        assertThat(column(staff, "business_unit"), contains("#HR", "IT"));
        assertThat(column(staff, "site"), contains("\\.", "Site"));
    }
}
