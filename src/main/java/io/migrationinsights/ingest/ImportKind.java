package io.migrationinsights.ingest;

import static io.migrationinsights.ingest.FieldType.BOOLEAN;
import static io.migrationinsights.ingest.FieldType.DATE;
import static io.migrationinsights.ingest.FieldType.DECIMAL;
import static io.migrationinsights.ingest.FieldType.LOWER_TEXT;
import static io.migrationinsights.ingest.FieldType.TIMESTAMP;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The eight upload kinds of CONTRACT section 2: their columns, the table each
 * fills, whether a file replaces the dataset (snapshot) or upserts by key
 * (event), and the rules a row must follow. Declared in dependency order: a
 * demo or bulk load imports them in this order (measurements name benefits).
 * The words a column accepts are written once, in its field; the sets of kinds
 * other packages need are named below.
 */
public enum ImportKind {

    STAFF("staff", "staff", Mode.SNAPSHOT,
            List.of("staff_id"),
            List.of(Field.text("staff_id", true, 100), Field.text("first_name", false, 200), Field.text("last_name", false, 200),
                    Field.of("email", LOWER_TEXT, false).max(320), Field.text("business_unit", true, 200), Field.text("site", true, 200),
                    Field.oneOf("user_type", true, "standard", "executive", "executive_pa", "community", "home_based"),
                    Field.oneOf("employment_status", true, "active", "leaver"),
                    Field.of("leave_date", DATE, false)),
            List.of(), List.of(), null),

    LEGACY_ACCOUNTS("legacy-accounts", "legacy_account", Mode.SNAPSHOT,
            List.of("account"),
            List.of(Field.of("account", LOWER_TEXT, true).max(320), Field.text("staff_id", false, 100),
                    Field.oneOf("mailbox_type", true, "user", "shared", "resource"),
                    Field.oneOf("status", true, "active", "inactive", "disabled", "suspended"),
                    Field.of("mailbox_size_mb", DECIMAL, false), Field.of("last_logon", TIMESTAMP, false),
                    Field.text("owner_staff_id", false, 100)),
            List.of(ImportKind::sizeNotNegative), List.of(), null),

    NHSMAIL_ACCOUNTS("nhsmail-accounts", "nhsmail_account", Mode.SNAPSHOT,
            List.of("email"),
            List.of(Field.of("email", LOWER_TEXT, true).max(320), Field.text("staff_id", false, 100).alias("external_sync_id"),
                    Field.of("created_date", DATE, true), Field.of("registered_date", DATE, false),
                    Field.oneOf("status", true, "active", "inactive", "active_leaver", "locked", "pending",
                            "migration_pending", "disabled", "deleted")),
            List.of(ImportKind::nhsNetAddress, ImportKind::registeredAfterCreated), List.of(), null),

    APPOINTMENTS("appointments", "appointment", Mode.SNAPSHOT,
            List.of("staff_id", "appointment_date"),
            List.of(Field.text("staff_id", true, 100), Field.text("site", true, 200),
                    Field.oneOf("phase", true, "pilot", "vip", "rollout", "washup"),
                    Field.of("appointment_date", DATE, true),
                    Field.oneOf("outcome", true, "scheduled", "migrated", "unavailable", "failed")),
            List.of(), List.of(), null),

    TICKETS("tickets", "ticket", Mode.EVENT,
            List.of("ticket_id"),
            List.of(Field.text("ticket_id", true, 100), Field.of("opened_at", TIMESTAMP, true),
                    Field.of("resolved_at", TIMESTAMP, false),
                    Field.oneOf("category", true, "password_reset", "account_activation", "delegation_access",
                            "mobile_device", "calendar", "contacts", "missing_mail", "personal_folders",
                            "shared_mailbox", "send_limits", "other"),
                    Field.oneOf("channel", true, "phone", "email", "self_service", "floorwalker"),
                    Field.of("migration_related", BOOLEAN, true), Field.text("staff_id", false, 100)),
            List.of(ImportKind::resolvedAfterOpened),
            List.of(new Derived("opened_on", Types.DATE, r -> Values.ukDate((OffsetDateTime) r.get("opened_at"))),
                    new Derived("resolve_seconds", Types.BIGINT, ImportKind::resolveSeconds)),
            null),

    FINANCE("finance", "finance_line", Mode.EVENT,
            List.of("line_id"),
            List.of(Field.text("line_id", true, 100),
                    Field.oneOf("kind", true, "project_cost", "cost_avoided", "legacy_running_cost", "new_running_cost"),
                    Field.text("description", true, 1000), Field.of("amount_gbp", DECIMAL, true),
                    Field.oneOf("frequency", true, "one_off", "monthly", "annual"),
                    Field.of("start_date", DATE, true), Field.of("end_date", DATE, false),
                    Field.of("cashable", BOOLEAN, true)),
            List.of(ImportKind::amountInPounds), List.of(), null),

    BENEFITS("benefits", "benefit", Mode.SNAPSHOT,
            List.of("benefit_id"),
            List.of(Field.text("benefit_id", true, 100), Field.text("title", true, 500), Field.text("owner", true, 200).column("owner_name"),
                    Field.text("measure", true, 500), Field.text("unit", true, 50),
                    Field.of("baseline_value", DECIMAL, true), Field.of("baseline_date", DATE, true),
                    Field.of("target_value", DECIMAL, true), Field.of("target_date", DATE, true),
                    Field.oneOf("direction", true, "increase", "decrease"),
                    Field.of("cashable", BOOLEAN, true), Field.of("dis_benefit", BOOLEAN, true)),
            List.of(), List.of(), null),

    BENEFIT_MEASUREMENTS("benefit-measurements", "benefit_measurement",
            Mode.EVENT, List.of("benefit_id", "measured_on"),
            List.of(Field.text("benefit_id", true, 100), Field.of("measured_on", DATE, true),
                    Field.of("value", DECIMAL, true).column("measured_value"), Field.text("note", false, 2000)),
            List.of(), List.of(),
            new Reference("benefit_id", "benefit", "no benefit with this benefit_id: import it in the benefits register first"));

    /** Every kind, in dependency order (the order of declaration). */
    public static final List<ImportKind> ALL = List.of(values());

    /**
     * The kinds the monthly return's figures read (CONTRACT section 5): the
     * return warns when one was never imported, and its data is as at their
     * latest import.
     */
    public static final Set<ImportKind> RETURN_KINDS =
            Collections.unmodifiableSet(EnumSet.of(STAFF, NHSMAIL_ACCOUNTS, APPOINTMENTS));

    /** The kinds the finance role may import (CONTRACT section 7); admin and pm import every kind. */
    public static final Set<ImportKind> FINANCE_ROLE_KINDS =
            Collections.unmodifiableSet(EnumSet.of(FINANCE, BENEFITS, BENEFIT_MEASUREMENTS));

    /** The ticket categories in the contract's order: the words the tickets' category column accepts. */
    public static final List<String> TICKET_CATEGORIES = TICKETS.field("category").allowed();

    private static final Map<String, ImportKind> BY_URL_NAME = new LinkedHashMap<>();

    static {
        ALL.forEach(k -> BY_URL_NAME.put(k.urlName, k));
    }

    /** Snapshot kinds replace the organisation's rows; event kinds upsert by key. */
    public enum Mode { SNAPSHOT, EVENT }

    /** A rule over one parsed row; reports through the sink. */
    interface RowRule {
        void check(Row row, Row.Errors errors);
    }

    /** A table column computed from the parsed row. */
    record Derived(String dbColumn, int sqlType, Function<Row, Object> value) {
    }

    /** A rule that needs other tables: rows of this import whose value must exist elsewhere. */
    record Reference(String column, String table, String message) {
    }

    private final String urlName;
    private final String table;
    private final Mode mode;
    private final List<Field> fields;
    private final List<String> key;
    private final List<RowRule> rules;
    private final List<Derived> derived;
    private final Reference reference;

    ImportKind(String urlName, String table, Mode mode, List<String> key, List<Field> fields,
               List<RowRule> rules, List<Derived> derived, Reference reference) {
        this.urlName = urlName;
        this.table = table;
        this.mode = mode;
        this.key = key;
        this.fields = fields;
        this.rules = rules;
        this.derived = derived;
        this.reference = reference;
    }

    /** The kind named {@code urlName} (staff, legacy-accounts, ...), if there is one. */
    public static Optional<ImportKind> byUrlName(String urlName) {
        return Optional.ofNullable(BY_URL_NAME.get(urlName));
    }

    /** The kind's name in URLs, in JSON and in the import ledger: staff, legacy-accounts, ... */
    public String urlName() {
        return urlName;
    }

    public String table() {
        return table;
    }

    public Mode mode() {
        return mode;
    }

    List<Field> fields() {
        return fields;
    }

    List<String> key() {
        return key;
    }

    List<RowRule> rules() {
        return rules;
    }

    List<Derived> derived() {
        return derived;
    }

    Reference reference() {
        return reference;
    }

    Field field(String csvName) {
        return fields.stream().filter(f -> f.name().equals(csvName)).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return urlName;
    }

    // --- row rules ---------------------------------------------------------

    private static void sizeNotNegative(Row row, Row.Errors errors) {
        BigDecimal size = (BigDecimal) row.get("mailbox_size_mb");
        if (size != null && size.signum() < 0) {
            errors.add("mailbox_size_mb", "must not be negative");
        }
    }

    private static void nhsNetAddress(Row row, Row.Errors errors) {
        String email = (String) row.get("email");
        if (email != null && !(email.endsWith("@nhs.net") && email.length() > "@nhs.net".length())) {
            errors.add("email", "must be an NHSmail address ending in @nhs.net");
        }
    }

    private static void registeredAfterCreated(Row row, Row.Errors errors) {
        LocalDate created = (LocalDate) row.get("created_date");
        LocalDate registered = (LocalDate) row.get("registered_date");
        if (created != null && registered != null && registered.isBefore(created)) {
            errors.add("registered_date", "must not be before created_date (" + created + ")");
        }
    }

    private static void resolvedAfterOpened(Row row, Row.Errors errors) {
        OffsetDateTime opened = (OffsetDateTime) row.get("opened_at");
        OffsetDateTime resolved = (OffsetDateTime) row.get("resolved_at");
        if (opened != null && resolved != null && resolved.isBefore(opened)) {
            errors.add("resolved_at", "must not be before opened_at");
        }
    }

    private static Object resolveSeconds(Row row) {
        OffsetDateTime opened = (OffsetDateTime) row.get("opened_at");
        OffsetDateTime resolved = (OffsetDateTime) row.get("resolved_at");
        return opened == null || resolved == null ? null : Duration.between(opened, resolved).getSeconds();
    }

    private static void amountInPounds(Row row, Row.Errors errors) {
        BigDecimal amount = (BigDecimal) row.get("amount_gbp");
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            errors.add("amount_gbp", "must not be negative");
        } else if (amount.precision() - amount.scale() > 12) {
            // amount_gbp is numeric(14, 2): twelve digits of pounds
            errors.add("amount_gbp", "is too large: at most 999,999,999,999.99");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.add("amount_gbp", "must have at most 2 decimal places (pounds and pence)");
        }
    }

    /** Every kind's name, comma-separated, for a message that lists them. */
    static String names() {
        return String.join(", ", BY_URL_NAME.keySet());
    }

    /** The names of {@code kinds} in order as prose: "finance, benefits and benefit-measurements". */
    static String inProse(Collection<ImportKind> kinds) {
        List<String> names = kinds.stream().map(ImportKind::urlName).toList();
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
