package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue #11, H2: the imported rows keep no foreign key to {@code organisation}.
 * H2 backs each such key with an index of its own, on {@code organisation_id}
 * alone, which every one of these tables already leads its key index with: a
 * second index written on every inserted row, and kept in the undo log until
 * the commit. Measured with 1.5 million accounts in one transaction on an H2
 * file: 11.4 s with the key, 9.3 s without it (6.0 s with neither it nor the
 * staff index). An import writes only the id of the organisation whose row it
 * holds locked, and organisations are never deleted, so the key found nothing.
 * PostgreSQL has had none on these tables since V12 and V14.1: there this finds
 * nothing to drop. The constraints' names are H2's own (CONSTRAINT_39E, ...), so
 * they are looked up, which is why this migration is Java.
 */
public class V15__row_tables_without_organisation_key extends BaseJavaMigration {

    private static final List<String> TABLES = List.of("staff", "legacy_account", "nhsmail_account", "appointment",
            "benefit", "ticket", "finance_line", "benefit_measurement");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select tc.table_name, tc.constraint_name "
                + "from information_schema.table_constraints tc join information_schema.key_column_usage k "
                + "on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name "
                + "and k.table_name = tc.table_name where tc.constraint_type = 'FOREIGN KEY' "
                + "and tc.table_schema = current_schema and k.column_name = 'organisation_id' "
                + "and tc.table_name = ?")) {
            for (String table : TABLES) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] key : keys) {
                s.execute("alter table " + key[0] + " drop constraint \"" + key[1] + "\"");
            }
        }
    }
}
