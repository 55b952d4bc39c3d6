package io.migrationinsights.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks of the stored state from outside the service, with plain JDBC on its database: the import ledger
 * against the dataset tables (every import complete or absent, nothing half-written) and the finalised
 * returns. Each method answers the problems it found, none meaning consistent.
 */
final class Ledger {

    /** Dataset tables by import kind; snapshot kinds hold exactly the latest import's rows. */
    static final Map<String, String> SNAPSHOT_TABLES = new LinkedHashMap<>();
    static final Map<String, String> EVENT_TABLES = new LinkedHashMap<>();

    static {
        SNAPSHOT_TABLES.put("staff", "staff");
        SNAPSHOT_TABLES.put("legacy-accounts", "legacy_account");
        SNAPSHOT_TABLES.put("nhsmail-accounts", "nhsmail_account");
        SNAPSHOT_TABLES.put("appointments", "appointment");
        EVENT_TABLES.put("tickets", "ticket");
        EVENT_TABLES.put("finance", "finance_line");
    }

    private Ledger() {
    }

    /**
     * Every dataset row belongs to an import of its own kind and organisation in the ledger; for a snapshot
     * kind the organisation's rows are exactly its latest import's, as many as the ledger says.
     */
    static List<String> problems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> kind : SNAPSHOT_TABLES.entrySet()) {
            String table = kind.getValue();
            query(c, "select o.ods_code, b.id, b.row_count, (select count(*) from " + table + " t where "
                    + "t.organisation_id = b.organisation_id and t.import_id = b.id) from import_batch b "
                    + "join organisation o on o.id = b.organisation_id where b.kind = ? and b.id = (select max(b2.id) "
                    + "from import_batch b2 where b2.organisation_id = b.organisation_id and b2.kind = b.kind)",
                    kind.getKey(), rs -> {
                        if (rs.getLong(3) != rs.getLong(4)) {
                            problems.add(kind.getKey() + " import " + rs.getLong(2) + " of " + rs.getString(1)
                                    + ": the ledger says " + rs.getLong(3) + " rows, " + table + " holds " + rs.getLong(4));
                        }
                    });
            query(c, "select t.organisation_id, t.import_id, count(*) from " + table + " t where not exists (select 1 "
                    + "from import_batch b where b.id = t.import_id and b.organisation_id = t.organisation_id and b.kind = ? "
                    + "and b.id = (select max(b2.id) from import_batch b2 where b2.organisation_id = t.organisation_id "
                    + "and b2.kind = ?)) group by t.organisation_id, t.import_id", kind.getKey(), rs ->
                    problems.add(rs.getLong(3) + " " + table + " rows of organisation " + rs.getLong(1) + " carry import "
                            + rs.getLong(2) + ", which is not the latest " + kind.getKey() + " import in the ledger"));
        }
        for (Map.Entry<String, String> kind : EVENT_TABLES.entrySet()) {
            String table = kind.getValue();
            query(c, "select t.import_id, count(*) from " + table + " t where not exists (select 1 from import_batch b "
                    + "where b.id = t.import_id and b.organisation_id = t.organisation_id and b.kind = ?) "
                    + "group by t.import_id", kind.getKey(), rs ->
                    problems.add(rs.getLong(2) + " " + table + " rows carry import " + rs.getLong(1)
                            + ", which is not a " + kind.getKey() + " import of their organisation"));
        }
        query(c, "select h.import_id from decommissioning_history h where not exists (select 1 from import_batch b "
                + "where b.id = h.import_id and b.kind = 'legacy-accounts')", null, rs ->
                problems.add("decommissioning history point " + rs.getLong(1) + " has no legacy-accounts import"));
        return problems;
    }

    /** The sha256 of an import in the ledger, or null when it is not there. */
    static String importSha(Connection c, long importId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select sha256 from import_batch where id = ?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The sha256 of the latest import of a kind for an organisation, or null. */
    static String latestSha(Connection c, String ods, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select b.sha256 from import_batch b join organisation o "
                + "on o.id = b.organisation_id where o.ods_code = ? and b.kind = ? order by b.id desc")) {
            ps.setString(1, ods);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Finalised return versions of an organisation: period/version to the workbook's sha256. */
    static Map<String, String> returnVersions(Connection c, String ods) throws SQLException {
        Map<String, String> versions = new LinkedHashMap<>();
        query(c, "select v.period, v.version, v.workbook_sha256 from return_version v join organisation o "
                + "on o.id = v.organisation_id where o.ods_code = ? order by v.period, v.version", ods, rs ->
                versions.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3)));
        return versions;
    }

    static long count(Connection c, String sql, String parameter) throws SQLException {
        long[] n = new long[1];
        query(c, sql, parameter, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    interface RowCheck {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String parameter, RowCheck check) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = (int) sql.chars().filter(ch -> ch == '?').count();
            for (int i = 1; i <= n; i++) {
                ps.setString(i, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    check.accept(rs);
                }
            }
        }
    }
}
