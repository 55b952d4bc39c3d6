package io.migrationinsights.metrics;

import io.migrationinsights.system.Page;
import io.migrationinsights.system.Paging;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The home of the decommissioning tracker: user mailboxes still active on the
 * legacy server, the decommissioning date, days left, and the mailboxes on
 * an approved exception (stored by this class in V3's tables).
 */
@ApplicationScoped
public class DecommissioningMetrics {

    /** The tracker's active user mailbox, one bound parameter (the organisation id); also the burn-down's count. */
    static final String ACTIVE_USER_MAILBOX = "l.organisation_id = ? and l.mailbox_type = 'user' and l.status = 'active'";
    private static final String HAS_EXCEPTION = "exists (select 1 from decommissioning_exception e "
            + "where e.organisation_id = l.organisation_id and e.account = l.account)";

    private final Jdbi jdbi;

    DecommissioningMetrics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The tracker as of {@code asOf}; mailbox and exception lists only when {@code withMembers}. */
    public Decommissioning tracker(long organisationId, LocalDate asOf, boolean withMembers) {
        return jdbi.withHandle(h -> {
            LocalDate override = h.createQuery("select decommission_on from decommissioning_setting "
                            + "where organisation_id = ?")
                    .bind(0, organisationId)
                    .map((rs, ctx) -> rs.getObject(1, LocalDate.class))
                    .findFirst().orElse(null);
            LocalDate fromFinance = h.createQuery("select max(end_date) from finance_line where organisation_id = ? "
                            + "and kind = 'legacy_running_cost'")
                    .bind(0, organisationId)
                    .map((rs, ctx) -> rs.getObject(1, LocalDate.class))
                    .one();
            LocalDate date = override != null ? override : fromFinance;
            String source = override != null ? "setting" : fromFinance != null ? "finance" : "none";
            long[] counts = h.createQuery("select count(*), sum(case when " + HAS_EXCEPTION + " then 1 else 0 end) "
                            + "from legacy_account l where " + ACTIVE_USER_MAILBOX)
                    .bind(0, organisationId)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .one();
            List<Decommissioning.Mailbox> mailboxes = null;
            List<Decommissioning.ApprovedException> exceptions = null;
            if (withMembers) {
                mailboxes = h.createQuery(mailboxSql(null) + " order by l.account")
                        .bind(0, organisationId)
                        .map((rs, ctx) -> mailbox(rs))
                        .list();
                exceptions = exceptions(h, organisationId);
            }
            return new Decommissioning(asOf, date, source, date == null ? null : ChronoUnit.DAYS.between(asOf, date),
                    counts[0], counts[1], counts[0] - counts[1], withMembers, mailboxes, exceptions);
        });
    }

    /** The approved exceptions by account, each saying whether its mailbox is still an active user mailbox. */
    public List<Decommissioning.ApprovedException> exceptions(long organisationId) {
        return jdbi.withHandle(h -> exceptions(h, organisationId));
    }

    private static List<Decommissioning.ApprovedException> exceptions(Handle h, long organisationId) {
        return h.createQuery("select e.account, e.reason, e.keep_until, e.approved_by, e.approved_at, "
                        + "case when exists (select 1 from legacy_account l where l.organisation_id = "
                        + "e.organisation_id and l.account = e.account and l.mailbox_type = 'user' "
                        + "and l.status = 'active') then 1 else 0 end "
                        + "from decommissioning_exception e where e.organisation_id = ? order by e.account")
                .bind(0, organisationId)
                .map((rs, ctx) -> new Decommissioning.ApprovedException(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6) == 1))
                .list();
    }

    /** Sets the organisation's decommissioning date, overriding the finance lines. */
    @Transactional
    public void setDate(long organisationId, LocalDate date, String by, Instant at) {
        jdbi.useHandle(h -> {
            h.createUpdate("delete from decommissioning_setting where organisation_id = ?")
                    .bind(0, organisationId).execute();
            h.createUpdate("insert into decommissioning_setting (organisation_id, decommission_on, updated_by, "
                            + "updated_at) values (?, ?, ?, ?)")
                    .bind(0, organisationId).bind(1, date).bind(2, by).bind(3, at.atOffset(ZoneOffset.UTC))
                    .execute();
        });
    }

    /** Removes the override; the date comes from the finance lines again. Returns whether there was one. */
    @Transactional
    public boolean clearDate(long organisationId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from decommissioning_setting where organisation_id = ?")
                .bind(0, organisationId).execute()) > 0;
    }

    /** Records (or replaces) an approved exception for one mailbox. Returns true when it is new. */
    @Transactional
    public boolean approveException(long organisationId, String account, String reason, LocalDate keepUntil,
                                    String by, Instant at) {
        // Legacy accounts are stored in lower case (CONTRACT section 2 imports them as LOWER_TEXT).
        String key = account.toLowerCase(Locale.ROOT);
        return jdbi.withHandle(h -> {
            boolean existed = h.createUpdate("delete from decommissioning_exception where organisation_id = ? "
                            + "and account = ?")
                    .bind(0, organisationId).bind(1, key).execute() > 0;
            h.createUpdate("insert into decommissioning_exception (organisation_id, account, reason, keep_until, "
                            + "approved_by, approved_at) values (?, ?, ?, cast(? as date), ?, ?)")
                    .bind(0, organisationId).bind(1, key).bind(2, reason)
                    .bindByType(3, keepUntil, LocalDate.class)
                    .bind(4, by).bind(5, at.atOffset(ZoneOffset.UTC))
                    .execute();
            return !existed;
        });
    }

    /** Withdraws an exception. Returns whether there was one. */
    @Transactional
    public boolean withdrawException(long organisationId, String account) {
        return jdbi.withHandle(h -> h.createUpdate("delete from decommissioning_exception where organisation_id = ? "
                        + "and account = ?")
                .bind(0, organisationId).bind(1, account.toLowerCase(Locale.ROOT))
                .execute()) > 0;
    }

    /**
     * One page of the active user mailboxes (as the tracker lists them, by account), counting only those
     * whose account or staff id contains {@code query} (ignoring case) when one is given.
     */
    public Page<Decommissioning.Mailbox> mailboxes(long organisationId, String query, Paging paging) {
        return jdbi.withHandle(h -> {
            long total = bindMailboxes(h.createQuery("select count(*) from (" + mailboxSql(query) + ") c"),
                    organisationId, query).mapTo(Long.class).one();
            List<Decommissioning.Mailbox> items = bindMailboxes(h.createQuery(mailboxSql(query)
                            + " order by l.account limit " + paging.size() + " offset " + paging.offset()),
                    organisationId, query)
                    .map((rs, ctx) -> mailbox(rs))
                    .list();
            return Page.of(paging, total, items);
        });
    }

    /**
     * Hands every active user mailbox matching {@code query} (as {@link #mailboxes}) to {@code each}, by
     * account, from a database cursor (in a transaction, so PostgreSQL fetches in batches).
     */
    @Transactional
    public void forEachMailbox(long organisationId, String query, Consumer<Decommissioning.Mailbox> each) {
        jdbi.useHandle(h -> bindMailboxes(h.createQuery(mailboxSql(query) + " order by l.account"),
                organisationId, query)
                .setFetchSize(500)
                .map((rs, ctx) -> mailbox(rs))
                .useStream(s -> s.forEach(each)));
    }

    private static String mailboxSql(String query) {
        return "select l.account, l.staff_id, case when " + HAS_EXCEPTION + " then 1 else 0 end "
                + "from legacy_account l where " + ACTIVE_USER_MAILBOX
                + (query == null ? "" : " and " + Search.matches("l.account", "l.staff_id"));
    }

    private static Query bindMailboxes(Query q, long organisationId, String query) {
        q.bind(0, organisationId);
        return query == null ? q : Search.bind(q, 1, query, 2);
    }

    private static Decommissioning.Mailbox mailbox(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Decommissioning.Mailbox(rs.getString(1), rs.getString(2), rs.getInt(3) == 1);
    }
}
