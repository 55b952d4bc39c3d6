package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs the metric queries. Aggregation happens in the database (GROUP BY);
 * only aggregated rows come back. Every query here runs on H2 (PostgreSQL
 * mode) and PostgreSQL alike.
 */
@ApplicationScoped
class MetricsDb {

    /** Maps one result row. */
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;

    MetricsDb(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Metric query failed: " + e.getMessage(), e);
        }
    }

    <T> T one(String sql, RowMapper<T> mapper, Object... params) {
        return list(sql, mapper, params).get(0);
    }

    long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params);
    }

    /** Runs an insert, update or delete; joins the caller's transaction when there is one. */
    int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Metric update failed: " + e.getMessage(), e);
        }
    }
}
