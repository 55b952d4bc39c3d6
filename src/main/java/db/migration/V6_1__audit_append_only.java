package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The audit trail is append-only in the database too, not only in the code:
 * a trigger refuses UPDATE and DELETE on {@code audit_event} (and TRUNCATE on
 * PostgreSQL). Trigger syntax differs between PostgreSQL (PL/pgSQL) and H2
 * (a Java class), so this one migration is Java and asks which database it runs on.
 */
public class V6_1__audit_append_only extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        try (Statement s = c.createStatement()) {
            if (product.contains("postgres")) {
                s.execute("create function audit_event_append_only() returns trigger language plpgsql as $$ "
                        + "begin raise exception 'audit_event is append-only: % is not allowed', tg_op; end $$");
                s.execute("create trigger audit_event_no_change before update or delete on audit_event "
                        + "for each row execute function audit_event_append_only()");
                s.execute("create trigger audit_event_no_truncate before truncate on audit_event "
                        + "for each statement execute function audit_event_append_only()");
            } else if (product.contains("h2")) {
                s.execute("create trigger audit_event_no_change before update, delete on audit_event for each row "
                        + "call 'io.migrationinsights.audit.AppendOnlyTrigger'");
            }
        }
    }
}
