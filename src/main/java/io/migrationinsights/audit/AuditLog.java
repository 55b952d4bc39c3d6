package io.migrationinsights.audit;

import io.migrationinsights.users.Roles;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * The one writer of the audit trail (table {@code audit_event}). It only
 * inserts: nothing in the service updates or deletes a line.
 *
 * <p>{@link #record} joins the caller's transaction, so a line claiming an
 * action commits or rolls back with the action itself. {@link #recordAlone}
 * writes in a transaction of its own: for what must be kept although the
 * action's transaction rolled back (a refused import, a failed sign-in).
 *
 * <p>Lines carry user names, actions, ODS codes and parameters such as kinds,
 * periods and versions: never values from uploaded data.
 */
@ApplicationScoped
public class AuditLog {

    private final DataSource dataSource;
    private final Clock clock;
    private final Instance<SecurityIdentity> identity;

    AuditLog(DataSource dataSource, Clock clock, Instance<SecurityIdentity> identity) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.identity = identity;
    }

    /** Records an action of the signed-in user in the current transaction (or its own when there is none). */
    @Transactional
    public void record(AuditAction action, String ods, String parameters, String outcome) {
        insert(currentUser(), action, ods, parameters, outcome);
    }

    /** Records an action of a named user in the current transaction (or its own when there is none). */
    @Transactional
    public void recordAs(String user, AuditAction action, String ods, String parameters, String outcome) {
        insert(user, action, ods, parameters, outcome);
    }

    /** Records in a transaction of its own, kept whatever happens to the caller's. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAlone(String user, AuditAction action, String ods, String parameters, String outcome) {
        insert(user, action, ods, parameters, outcome);
    }

    /**
     * Whether the signed-in user may see personal data ({@link Roles#mayReadPersonalData}); when it may,
     * the view is recorded, so every served list of names or addresses leaves one line.
     */
    @Transactional
    public boolean personalDataShown(String ods, String view) {
        boolean shown = Arc.container().requestContext().isActive() && Roles.mayReadPersonalData(identity.get());
        if (shown) {
            insert(currentUser(), AuditAction.PERSONAL_DATA_VIEW, ods, "view=" + view, "shown");
        }
        return shown;
    }

    /** The signed-in user's name, for callers that record alone. */
    public String currentUser() {
        if (!Arc.container().requestContext().isActive()) {
            return "system";
        }
        SecurityIdentity id = identity.get();
        return id == null || id.isAnonymous() ? "anonymous" : id.getPrincipal().getName();
    }

    private void insert(String user, AuditAction action, String ods, String parameters, String outcome) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into audit_event (occurred_at, username, action, ods_code, parameters, outcome)"
                        + " values (?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            ps.setString(2, cut(user == null ? "anonymous" : user, 100));
            ps.setString(3, action.code());
            ps.setString(4, ods != null && ods.matches("[A-Z0-9]{3,5}") ? ods : null);
            ps.setString(5, parameters == null ? null : cut(parameters, 1000));
            ps.setString(6, cut(outcome, 40));
            ps.executeUpdate();
        } catch (SQLException e) {
            // The action must not succeed without its audit line: fail it.
            throw new IllegalStateException("Could not write the audit trail", e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
