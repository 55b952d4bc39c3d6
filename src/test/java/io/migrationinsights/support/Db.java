package io.migrationinsights.support;

import org.eclipse.microprofile.config.ConfigProvider;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the service's database from a test, so a test can prove what an
 * import stored (values, case, row counts) rather than trust the response.
 * Queries are scoped to one organisation by its ODS code.
 */
public final class Db {

    private Db() {
    }

    /** Whether the tests run on PostgreSQL (-Ppostgres) rather than the embedded H2. */
    public static boolean postgres() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class)
                .startsWith("jdbc:postgresql:");
    }

    /** Rows of a query as column-name maps (lower-case names), in order. */
    public static List<Map<String, Object>> rows(String sql, Object... args) {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The rows of one table belonging to an organisation, ordered by {@code orderBy}. */
    public static List<Map<String, Object>> table(String table, String ods, String orderBy) {
        return rows("select t.* from " + table + " t join organisation o on o.id = t.organisation_id"
                + " where o.ods_code = ? order by " + orderBy, ods);
    }

    /** How many rows of a table belong to an organisation. */
    public static long count(String table, String ods) {
        return ((Number) rows("select count(*) as n from " + table + " t join organisation o on o.id = t.organisation_id"
                + " where o.ods_code = ?", ods).get(0).get("n")).longValue();
    }

    /** One column of query rows. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> column(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> (T) r.get(name)).toList();
    }

    /** One column as text ({@code String.valueOf}: dates read as YYYY-MM-DD, null as "null"). */
    public static List<String> texts(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> String.valueOf(r.get(name))).toList();
    }

    /** One numeric column as longs (null stays null). */
    public static List<Long> longs(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> r.get(name) == null ? null : ((Number) r.get(name)).longValue()).toList();
    }
}
