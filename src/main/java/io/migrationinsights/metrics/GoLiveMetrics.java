package io.migrationinsights.metrics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The tickets of callers with a staff record opened from :from to :to, each with the caller's site; :org.
     * One read for every site: asking site by site took longer than two minutes on PostgreSQL at national size
     * (760 sites, each a pass over 1.5M staff and 2M tickets). The rows are counted into each site's windows as
     * they stream, in memory of one entry a site; grouping them in SQL by site and day would make H2 hold every
     * group in memory (760 sites by about 1,000 days at national size), which is what closed its database in
     * the reconciliation (reports/benchmarks-notes.md).
     */
    private static final String CALLERS_TICKETS = "select s.site, t.opened_on, t.migration_related from ticket t "
            + "join staff s on s.organisation_id = t.organisation_id and s.staff_id = t.staff_id "
            + "where t.organisation_id = :org and t.opened_on between :from and :to";
    /** Rows fetched at a time: a national organisation's callers' tickets are millions. */
    private static final int FETCH_SIZE = 1_000;

    private final Jdbi jdbi;
    private final ImportedFigures figures;

    GoLiveMetrics(Jdbi jdbi, ImportedFigures figures) {
        this.jdbi = jdbi;
        this.figures = figures;
    }

    private record Site(String name, LocalDate goLive, long inScope) {
    }

    /**
     * Every site with a go-live date, by go-live date then site; {@code before}
     * and {@code after} are the window lengths in days (1..{@link #MAX_WINDOW}). Kept until the next import.
     */
    public List<GoLive> goLive(long organisationId, int before, int after) {
        if (before < 1 || before > MAX_WINDOW || after < 1 || after > MAX_WINDOW) {
            throw new IllegalArgumentException("windows must be 1.." + MAX_WINDOW + " days: " + before + ", " + after);
        }
        return figures.get(organisationId, "go-live", List.of(before, after),
                () -> compute(organisationId, before, after));
    }

    private List<GoLive> compute(long organisationId, int before, int after) {
        List<Site> sites = jdbi.withHandle(h -> h.createQuery(SITES).bind("org", organisationId)
                .map((rs, ctx) -> new Site(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
                .list()).stream().filter(site -> site.goLive() != null).toList();
        if (sites.isEmpty()) {
            return List.of();
        }
        Map<String, Windows> bySite = new HashMap<>();
        sites.forEach(site -> bySite.put(site.name(), new Windows(site.goLive(), before, after)));
        LocalDate from = sites.stream().map(Site::goLive).min(Comparator.naturalOrder()).orElseThrow().minusDays(before);
        LocalDate to = sites.stream().map(Site::goLive).max(Comparator.naturalOrder()).orElseThrow()
                .plusDays(after - 1L);
        // In a transaction of its own, so that PostgreSQL hands the rows over a batch at a time (a cursor).
        QuarkusTransaction.requiringNew().run(() -> jdbi.withHandle(h -> h.createQuery(CALLERS_TICKETS)
                .bind("org", organisationId).bind("from", from).bind("to", to)
                .setFetchSize(FETCH_SIZE)
                .reduceResultSet(bySite, (windows, rs, ctx) -> {
                    Windows w = windows.get(rs.getString(1));
                    if (w != null) {
                        w.count(rs.getObject(2, LocalDate.class), rs.getBoolean(3));
                    }
                    return windows;
                })));
        List<GoLive> out = new ArrayList<>();
        for (Site site : sites) {
            Windows w = bySite.get(site.name());
            out.add(new GoLive(site.name(), site.goLive(), site.inScope(), w.before, w.after, perDay(w.before, before),
                    perDay(w.after, after), changePercent(w.before, before, w.after, after), w.afterMigrationRelated));
        }
        out.sort((x, y) -> x.goLive().equals(y.goLive()) ? x.site().compareTo(y.site())
                : x.goLive().compareTo(y.goLive()));
        return List.copyOf(out);
    }

    /**
     * A site's two windows and the tickets counted in them: {@code before} days ending the day before go-live,
     * and {@code after} days from go-live (with those that are migration related).
     */
    private static final class Windows {
        private final LocalDate beforeFrom;
        private final LocalDate goLive;
        private final LocalDate afterTo;
        long before;
        long after;
        long afterMigrationRelated;

        Windows(LocalDate goLive, int beforeDays, int afterDays) {
            this.goLive = goLive;
            this.beforeFrom = goLive.minusDays(beforeDays);
            this.afterTo = goLive.plusDays(afterDays - 1L);
        }

        void count(LocalDate opened, boolean migrationRelated) {
            if (!opened.isBefore(beforeFrom) && opened.isBefore(goLive)) {
                before++;
            } else if (!opened.isBefore(goLive) && !opened.isAfter(afterTo)) {
                after++;
                if (migrationRelated) {
                    afterMigrationRelated++;
                }
            }
        }
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
