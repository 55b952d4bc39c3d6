package io.migrationinsights.returns;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What the return needs to know about its sources besides the figures (which
 * come from the metrics package only): when the datasets it reads were last
 * imported, and which months the migration has appointments in.
 */
@ApplicationScoped
class ReturnSources {

    /** The import kinds the figures read. */
    static final List<String> KINDS = List.of("staff", "nhsmail-accounts", "appointments");

    private final DataSource dataSource;

    ReturnSources(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Latest import time per kind the return reads; kinds never imported are absent. */
    Map<String, Instant> lastImports(long organisationId) {
        Map<String, Instant> out = new TreeMap<>();
        query("select kind, max(imported_at) from import_batch where organisation_id = ? "
                + "and kind in ('staff', 'nhsmail-accounts', 'appointments') group by kind", organisationId, rs -> {
                    OffsetDateTime t = rs.getObject(2, OffsetDateTime.class);
                    out.put(rs.getString(1), t.toInstant());
                });
        return out;
    }

    /** Months with at least one appointment, in order. */
    List<YearMonth> appointmentMonths(long organisationId) {
        List<YearMonth> out = new ArrayList<>();
        query("select extract(year from appointment_date), extract(month from appointment_date) from appointment "
                + "where organisation_id = ? group by extract(year from appointment_date), "
                + "extract(month from appointment_date)", organisationId,
                rs -> out.add(YearMonth.of(rs.getInt(1), rs.getInt(2))));
        out.sort(null);
        return out;
    }

    private interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, long organisationId, RowConsumer consumer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Return source query failed: " + e.getMessage(), e);
        }
    }
}
