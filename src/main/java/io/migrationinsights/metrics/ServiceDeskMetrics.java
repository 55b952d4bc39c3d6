package io.migrationinsights.metrics;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.system.Months;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/**
 * The home of the service desk figures (CONTRACT section 3). They are computed from the imported tickets alone,
 * so each window's figures are kept until the organisation's next import ({@link ImportedFigures}): 2 million
 * tickets take seconds to count on H2.
 */
@ApplicationScoped
public class ServiceDeskMetrics {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Jdbi jdbi;
    private final ImportedFigures figures;

    ServiceDeskMetrics(Jdbi jdbi, ImportedFigures figures) {
        this.jdbi = jdbi;
        this.figures = figures;
    }

    /** Counts of one window, by category. */
    private record Counts(Map<String, Long> byCategory, long tickets, long migrationRelated, long floorwalker) {
    }

    /** One category's row of a window. */
    private record CategoryCounts(String category, long tickets, long migrationRelated, long floorwalker) {
    }

    /**
     * Compares the baseline window with the comparison window; each is
     * {@code from..to} inclusive and {@code from} must not be after {@code to}.
     */
    public ServiceDeskComparison compare(long organisationId, YearMonth baselineFrom, YearMonth baselineTo,
                                         YearMonth comparisonFrom, YearMonth comparisonTo) {
        Months.requireOrdered("baselineFrom", baselineFrom, "baselineTo", baselineTo);
        Months.requireOrdered("comparisonFrom", comparisonFrom, "comparisonTo", comparisonTo);
        return figures.get(organisationId, "service-desk", List.of(baselineFrom, baselineTo, comparisonFrom,
                comparisonTo), () -> computeComparison(organisationId, baselineFrom, baselineTo, comparisonFrom,
                comparisonTo));
    }

    private ServiceDeskComparison computeComparison(long organisationId, YearMonth baselineFrom, YearMonth baselineTo,
                                                    YearMonth comparisonFrom, YearMonth comparisonTo) {
        long baseMonths = months(baselineFrom, baselineTo);
        long compMonths = months(comparisonFrom, comparisonTo);
        Counts base = counts(organisationId, baselineFrom, baselineTo);
        Counts comp = counts(organisationId, comparisonFrom, comparisonTo);

        // byCategory lists every contract category in its order, zero rows included
        Set<String> categories = new LinkedHashSet<>(ImportKind.TICKET_CATEGORIES);
        categories.addAll(base.byCategory().keySet());
        categories.addAll(comp.byCategory().keySet());
        List<ServiceDeskComparison.CategoryComparison> byCategory = new ArrayList<>();
        for (String category : categories) {
            long b = base.byCategory().getOrDefault(category, 0L);
            long c = comp.byCategory().getOrDefault(category, 0L);
            byCategory.add(new ServiceDeskComparison.CategoryComparison(category, perMonth(b, baseMonths),
                    perMonth(c, compMonths), reductionPercent(b, baseMonths, c, compMonths)));
        }
        return new ServiceDeskComparison(perMonth(base.tickets(), baseMonths), perMonth(comp.tickets(), compMonths),
                reductionPercent(base.tickets(), baseMonths, comp.tickets(), compMonths), List.copyOf(byCategory),
                new ServiceDeskComparison.Pair<>(base.migrationRelated(), comp.migrationRelated()),
                new ServiceDeskComparison.Pair<>(base.floorwalker(), comp.floorwalker()),
                new ServiceDeskComparison.Pair<>(medianHours(organisationId, baselineFrom, baselineTo),
                        medianHours(organisationId, comparisonFrom, comparisonTo)),
                new ServiceDeskComparison.Window(baselineFrom, baselineTo, baseMonths, base.tickets()),
                new ServiceDeskComparison.Window(comparisonFrom, comparisonTo, compMonths, comp.tickets()));
    }

    /**
     * Tickets opened per month from {@code from} to {@code to} inclusive (UK
     * opening date), months without tickets included, with the migration-related
     * ones among them.
     */
    public List<MonthTickets> perMonth(long organisationId, YearMonth from, YearMonth to) {
        Months.requireOrdered("from", from, "to", to);
        return figures.get(organisationId, "tickets-per-month", List.of(from, to),
                () -> computePerMonth(organisationId, from, to));
    }

    private List<MonthTickets> computePerMonth(long organisationId, YearMonth from, YearMonth to) {
        Map<YearMonth, long[]> counts = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("select extract(year from opened_on), extract(month from opened_on), "
                        + "count(*), sum(case when migration_related then 1 else 0 end) from ticket "
                        + "where organisation_id = ? and opened_on between ? and ? "
                        + "group by extract(year from opened_on), extract(month from opened_on)")
                .bind(0, organisationId).bind(1, from.atDay(1)).bind(2, to.atEndOfMonth())
                .map((rs, ctx) -> Map.entry(YearMonth.of(rs.getInt(1), rs.getInt(2)),
                        new long[] {rs.getLong(3), rs.getLong(4)}))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        List<MonthTickets> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long[] c = counts.getOrDefault(m, new long[2]);
            out.add(new MonthTickets(m, c[0], c[1]));
        }
        return List.copyOf(out);
    }

    private Counts counts(long organisationId, YearMonth from, YearMonth to) {
        List<CategoryCounts> rows = jdbi.withHandle(h -> h.createQuery("select category, count(*), "
                        + "sum(case when migration_related then 1 else 0 end), "
                        + "sum(case when channel = 'floorwalker' then 1 else 0 end) from ticket "
                        + "where organisation_id = ? and opened_on between ? and ? group by category")
                .bind(0, organisationId).bind(1, from.atDay(1)).bind(2, to.atEndOfMonth())
                .map((rs, ctx) -> new CategoryCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list());
        Map<String, Long> byCategory = new TreeMap<>();
        long tickets = 0;
        long migrationRelated = 0;
        long floorwalker = 0;
        for (CategoryCounts row : rows) {
            byCategory.put(row.category(), row.tickets());
            tickets += row.tickets();
            migrationRelated += row.migrationRelated();
            floorwalker += row.floorwalker();
        }
        return new Counts(byCategory, tickets, migrationRelated, floorwalker);
    }

    /**
     * Median elapsed hours from opened_at to resolved_at of the resolved
     * tickets opened in the window. PERCENTILE_CONT(0.5) is the mean of the
     * two middle values when their number is even, on H2 and PostgreSQL
     * alike; resolve_seconds is whole seconds, so the median is exact.
     */
    private BigDecimal medianHours(long organisationId, YearMonth from, YearMonth to) {
        BigDecimal seconds = jdbi.withHandle(h -> h.createQuery("select percentile_cont(0.5) within group "
                        + "(order by resolve_seconds) from ticket where organisation_id = ? and opened_on between ? and ? "
                        + "and resolve_seconds is not null")
                .bind(0, organisationId).bind(1, from.atDay(1)).bind(2, to.atEndOfMonth())
                .map((rs, ctx) -> rs.getBigDecimal(1))
                .one());
        return seconds == null ? null : seconds.divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
    }

    static long months(YearMonth from, YearMonth to) {
        return ChronoUnit.MONTHS.between(from, to) + 1;
    }

    static BigDecimal perMonth(long tickets, long months) {
        return BigDecimal.valueOf(tickets).divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
    }

    /**
     * (b/bm - c/cm) / (b/bm) x 100 = (b.cm - c.bm) x 100 / (b.cm): exact
     * integers, so the only rounding is the final half-up to 1 decimal
     * (away from zero for an increase, which reads as a negative reduction).
     */
    static BigDecimal reductionPercent(long baseline, long baselineMonths, long comparison, long comparisonMonths) {
        if (baseline == 0) {
            return null;
        }
        BigDecimal numerator = BigDecimal.valueOf(baseline * comparisonMonths - comparison * baselineMonths)
                .multiply(BigDecimal.valueOf(100));
        return numerator.divide(BigDecimal.valueOf(baseline * comparisonMonths), 1, RoundingMode.HALF_UP);
    }
}
