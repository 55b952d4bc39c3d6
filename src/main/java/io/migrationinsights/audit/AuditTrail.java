package io.migrationinsights.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the audit trail, newest first, filtered and paged in SQL. */
@ApplicationScoped
class AuditTrail {

    private final DataSource dataSource;

    AuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One line as the API shows it; {@code at} is UTC. */
    record Entry(long id, OffsetDateTime at, String user, String action, String organisation, String parameters,
                 String outcome) {
    }

    /** A page of lines and the number of lines matching the filter. */
    record Page(int page, int size, long total, List<Entry> items) {
    }

    /** The filter; every field may be null (no restriction). {@code to} is exclusive. */
    record Filter(Instant from, Instant to, String user, String action, String organisation) {
    }

    Page page(Filter f, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (f.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        if (f.user() != null) {
            where.append(" and username = ?");
            args.add(f.user());
        }
        if (f.action() != null) {
            where.append(" and action = ?");
            args.add(f.action());
        }
        if (f.organisation() != null) {
            where.append(" and ods_code = ?");
            args.add(f.organisation());
        }
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from audit_event" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Entry> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, occurred_at, username, action, ods_code, "
                    + "parameters, outcome from audit_event" + where
                    + " order by occurred_at desc, id desc offset ? rows fetch next ? rows only")) {
                bind(ps, args);
                ps.setLong(args.size() + 1, (long) page * size);
                ps.setInt(args.size() + 2, size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Entry(rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return new Page(page, size, total, items);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
