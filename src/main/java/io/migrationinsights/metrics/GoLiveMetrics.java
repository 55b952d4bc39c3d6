package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The home of the go-live figures (CONTRACT section 3): a site goes live on
 * the earliest migrated appointment of its in-scope staff (by the staff
 * record's site); a ticket belongs to the site of its caller's staff record
 * (any employment status), and a ticket without a known caller to no site.
 */
@ApplicationScoped
public class GoLiveMetrics {

    /** Default windows, in days (CONTRACT section 4). */
    public static final int DEFAULT_BEFORE = 28;
    public static final int DEFAULT_AFTER = 14;
    /** Longest window served, in days. */
    public static final int MAX_WINDOW = 366;

    /** Each site with a go-live date and its in-scope staff; :org. */
    private static final String SITES = "select s.site, min(case when a.outcome = 'migrated' then a.appointment_date end), "
            + "count(distinct s.staff_id) from staff s join appointment a on a.organisation_id = s.organisation_id "
            + "and a.staff_id = s.staff_id where s.organisation_id = :org and s.employment_status = 'active' "
            + "group by s.site";

    /** Tickets of one site's callers in the two windows; :org, :site, :b0..:b1 before, :a0..:a1 after. */
    private static final String TICKETS = "select "
            + "coalesce(sum(case when t.opened_on between :b0 and :b1 then 1 else 0 end), 0), "
            + "coalesce(sum(case when t.opened_on between :a0 and :a1 then 1 else 0 end), 0), "
            + "coalesce(sum(case when t.opened_on between :a0 and :a1 and t.migration_related then 1 else 0 end), 0) "
            + "from ticket t where t.organisation_id = :org and t.opened_on between :b0 and :a1 "
            + "and exists (select 1 from staff s where s.organisation_id = t.organisation_id "
            + "and s.staff_id = t.staff_id and s.site = :site)";

    private final Jdbi jdbi;

    GoLiveMetrics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Site(String name, LocalDate goLive, long inScope) {
    }

    /**
     * Every site with a go-live date, by go-live date then site; {@code before}
     * and {@code after} are the window lengths in days (1..{@link #MAX_WINDOW}).
     */
    public List<GoLive> goLive(long organisationId, int before, int after) {
        if (before < 1 || before > MAX_WINDOW || after < 1 || after > MAX_WINDOW) {
            throw new IllegalArgumentException("windows must be 1.." + MAX_WINDOW + " days: " + before + ", " + after);
        }
        return jdbi.withHandle(h -> {
            List<Site> sites = h.createQuery(SITES).bind("org", organisationId)
                    .map((rs, ctx) -> new Site(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
                    .list();
            List<GoLive> out = new ArrayList<>();
            for (Site site : sites) {
                if (site.goLive() == null) {
                    continue;
                }
                LocalDate day = site.goLive();
                long[] n = h.createQuery(TICKETS).bind("org", organisationId).bind("site", site.name())
                        .bind("b0", day.minusDays(before)).bind("b1", day.minusDays(1))
                        .bind("a0", day).bind("a1", day.plusDays(after - 1L))
                        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                        .one();
                out.add(new GoLive(site.name(), day, site.inScope(), n[0], n[1], perDay(n[0], before),
                        perDay(n[1], after), changePercent(n[0], before, n[1], after), n[2]));
            }
            out.sort((x, y) -> x.goLive().equals(y.goLive()) ? x.site().compareTo(y.site())
                    : x.goLive().compareTo(y.goLive()));
            return out;
        });
    }

    private static BigDecimal perDay(long tickets, int days) {
        return BigDecimal.valueOf(tickets).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }

    /**
     * (a/ad - b/bd) / (b/bd) x 100 = (a.bd - b.ad) x 100 / (b.ad): exact
     * integers, rounded once, half-up (away from zero) to 1 decimal; null when
     * nothing was opened before.
     */
    static BigDecimal changePercent(long before, int beforeDays, long after, int afterDays) {
        if (before == 0) {
            return null;
        }
        BigDecimal numerator = BigDecimal.valueOf(after * beforeDays - before * afterDays).multiply(BigDecimal.valueOf(100));
        return numerator.divide(BigDecimal.valueOf(before * afterDays), 1, RoundingMode.HALF_UP);
    }
}
