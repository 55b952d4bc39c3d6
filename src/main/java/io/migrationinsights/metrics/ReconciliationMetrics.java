package io.migrationinsights.metrics;

import io.migrationinsights.system.Page;
import io.migrationinsights.system.Paging;
import io.migrationinsights.system.ReadAhead;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The home of the reconciliation classes (CONTRACT section 3). Accounts with
 * status deleted count nowhere. Classes may overlap (an inactive mailbox with
 * no staff id is both housekeeping and an orphan); each lists one member per
 * staff member (staff classes) or per account (account classes).
 */
@ApplicationScoped
public class ReconciliationMetrics {

    /**
     * Each class as a query of its members (staff_id, name, account, status),
     * parameter: the organisation id. Counting wraps the same query, so a count
     * can never disagree with its list.
     */
    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        // Active staff with a registered (non-deleted) NHSmail account. Grouped by the staff key, (organisation,
        // staff id), which staff's index is ordered by, so H2 groups as it reads instead of holding every member
        // of staff in memory (1.2M at national size ran a 256 MB heap out, and H2 then closes the database); a
        // staff id is one person, so min(name) is their name.
        CLASSES.put("on_nhsmail", "select s.staff_id, min(" + PersonName.SQL + ") as name, min(n.email) as account, min(n.status) as status from staff s "
                + "join nhsmail_account n on n.organisation_id = s.organisation_id and n.staff_id = s.staff_id "
                + "where s.organisation_id = ? and s.employment_status = 'active' and n.status <> 'deleted' "
                + "and n.registered_date is not null group by s.organisation_id, s.staff_id");
        // Active staff whose (non-deleted) accounts are all unregistered (grouped as on_nhsmail).
        CLASSES.put("awaiting_registration", "select s.staff_id, min(" + PersonName.SQL + ") as name, min(n.email) as account, min(n.status) as status from staff s "
                + "join nhsmail_account n on n.organisation_id = s.organisation_id and n.staff_id = s.staff_id "
                + "where s.organisation_id = ? and s.employment_status = 'active' and n.status <> 'deleted' "
                + "and not exists (select 1 from nhsmail_account r where r.organisation_id = s.organisation_id "
                + "  and r.staff_id = s.staff_id and r.status <> 'deleted' and r.registered_date is not null) "
                + "group by s.organisation_id, s.staff_id");
        // Active staff with no (non-deleted) NHSmail account; account = the staff record's email.
        CLASSES.put("needs_account", "select s.staff_id, " + PersonName.SQL + " as name, s.email as account, cast(null as varchar(20)) as status from staff s "
                + "where s.organisation_id = ? and s.employment_status = 'active' "
                + "and not exists (select 1 from nhsmail_account n where n.organisation_id = s.organisation_id "
                + "  and n.staff_id = s.staff_id and n.status <> 'deleted')");
        // Leavers still holding an active legacy mailbox (any mailbox type linked by staff_id); one row per mailbox.
        CLASSES.put("leaver_with_active_legacy_account", "select s.staff_id, " + PersonName.SQL + " as name, l.account, l.status "
                + "from staff s join legacy_account l on l.organisation_id = s.organisation_id and l.staff_id = s.staff_id "
                + "where s.organisation_id = ? and s.employment_status = 'leaver' and l.status = 'active'");
        // User mailboxes that are inactive, disabled or suspended.
        CLASSES.put("legacy_housekeeping", "select l.staff_id, " + PersonName.SQL + " as name, l.account, l.status from legacy_account l "
                + "left join staff s on s.organisation_id = l.organisation_id and s.staff_id = l.staff_id "
                + "where l.organisation_id = ? and l.mailbox_type = 'user' "
                + "and l.status in ('inactive', 'disabled', 'suspended')");
        // User mailboxes whose staff_id is empty or matches no staff record.
        CLASSES.put("orphan_legacy_account", "select l.staff_id, cast(null as varchar(200)) as name, l.account, l.status "
                + "from legacy_account l where l.organisation_id = ? and l.mailbox_type = 'user' "
                + "and not exists (select 1 from staff s where s.organisation_id = l.organisation_id "
                + "  and s.staff_id = l.staff_id)");
        // NHSmail accounts (not deleted) whose staff_id is empty, unknown or a leaver's.
        CLASSES.put("orphan_nhsmail_account", "select n.staff_id, " + PersonName.SQL + " as name, n.email as account, n.status from nhsmail_account n "
                + "left join staff s on s.organisation_id = n.organisation_id and s.staff_id = n.staff_id "
                + "where n.organisation_id = ? and n.status <> 'deleted' "
                + "and (s.staff_id is null or s.employment_status = 'leaver')");
        // Shared mailboxes whose owner_staff_id is empty, unknown or a leaver's; staffId = the owner.
        CLASSES.put("shared_mailbox_without_valid_owner", "select l.owner_staff_id as staff_id, " + PersonName.SQL + " as name, l.account, l.status "
                + "from legacy_account l left join staff s on s.organisation_id = l.organisation_id "
                + "and s.staff_id = l.owner_staff_id where l.organisation_id = ? and l.mailbox_type = 'shared' "
                + "and (s.staff_id is null or s.employment_status = 'leaver')");
    }

    private final Jdbi jdbi;

    private final ImportedFigures figures;

    ReconciliationMetrics(Jdbi jdbi, ImportedFigures figures) {
        this.jdbi = jdbi;
        this.figures = figures;
    }

    /**
     * Every class with its count, without members (what viewers and finance see, the page and the benefits
     * report). The members are streamed one class at a time by {@link #forEachMember}, never held in memory:
     * a national organisation's classes hold millions.
     */
    public Reconciliation counts(long organisationId) {
        return figures.get(organisationId, "reconciliation", List.of(), () -> computeCounts(organisationId));
    }

    private Reconciliation computeCounts(long organisationId) {
        List<Reconciliation.ReconciliationClass> classes = new ArrayList<>();
        jdbi.useHandle(h -> CLASSES.forEach((name, sql) -> classes.add(new Reconciliation.ReconciliationClass(name,
                h.createQuery("select count(*) from (" + sql + ") c").bind(0, organisationId).mapTo(Long.class).one(),
                null))));
        return new Reconciliation(false, List.copyOf(classes));
    }

    /** The class names, in the contract's order. */
    public static List<String> classNames() {
        return List.copyOf(CLASSES.keySet());
    }

    /** Whether {@code name} is one of the classes. */
    public static boolean isClass(String name) {
        return name != null && CLASSES.containsKey(name);
    }

    /**
     * One page of a class's members, ordered like the full list (staff id, then account), counting only
     * those matching {@code query} when one is given: a case-insensitive part of the staff id, name or account.
     */
    public Page<Reconciliation.Member> members(long organisationId, String className, String query, Paging paging) {
        String sql = filtered(className, query);
        return jdbi.withHandle(h -> {
            long total = bind(h.createQuery("select count(*) from (" + sql + ") c"), organisationId, query)
                    .mapTo(Long.class).one();
            List<Reconciliation.Member> items = bind(h.createQuery(sql + " order by 1, 3 limit "
                            + paging.size() + " offset " + paging.offset()), organisationId, query)
                    .map((rs, ctx) -> member(rs))
                    .list();
            return Page.of(paging, total, items);
        });
    }

    /**
     * Hands every member of a class matching {@code query} (as {@link #members}) to {@code each}, in order,
     * from a database cursor: the list is never held in memory. The cursor is read ahead on a thread of its
     * own ({@link ReadAhead}) while {@code each} runs here, in a transaction of its own there, so PostgreSQL
     * can fetch the rows in batches.
     */
    public void forEachMember(long organisationId, String className, String query,
                              Consumer<Reconciliation.Member> each) {
        String sql = filtered(className, query);
        ReadAhead.<Reconciliation.Member>forEach("members-read-ahead", sink -> QuarkusTransaction.requiringNew().run(
                () -> jdbi.useHandle(h -> bind(h.createQuery(sql + " order by 1, 3"), organisationId, query)
                        .setFetchSize(FETCH_SIZE)
                        .map((rs, ctx) -> member(rs))
                        .useStream(s -> s.forEach(sink)))), each);
    }

    /** Rows fetched at a time when members are streamed. */
    private static final int FETCH_SIZE = 500;

    private static Reconciliation.Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reconciliation.Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    /** The class's member query, limited to members matching the search text when one is given. */
    private static String filtered(String className, String query) {
        String sql = CLASSES.get(className);
        if (sql == null) {
            throw new IllegalArgumentException("Unknown reconciliation class " + className);
        }
        if (query == null) {
            return "select * from (" + sql + ") m";
        }
        return "select * from (" + sql + ") m where " + Search.matches("m.staff_id", "m.name", "m.account");
    }

    private static Query bind(Query q, long organisationId, String query) {
        q.bind(0, organisationId);
        return query == null ? q : Search.bind(q, 1, query, 3);
    }
}
