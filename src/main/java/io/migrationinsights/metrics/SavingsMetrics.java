package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The home of the savings figures (CONTRACT section 3).
 *
 * <p>Monthly amount = amount (monthly) or amount / 12 (annual). Full months
 * from a to b = (b.year - a.year) x 12 + (b.month - a.month), minus 1 if
 * b.day &lt; a.day, never below 0. As of D:
 * <ul>
 * <li>costAvoided: one_off lines with start_date &lt;= D count in full; a
 * recurring line accrues monthly amount x full months from start_date to
 * min(D, end_date), like a running cost;</li>
 * <li>projectCost: the same rule over project_cost lines;</li>
 * <li>legacyRunningSaved: recurring legacy_running_cost lines with end_date
 * (the decommissioning date) before D: monthly amount x full months from
 * end_date to D (a one_off legacy line has no monthly amount and saves nothing);</li>
 * <li>newRunningCost: the same rule as projectCost over new_running_cost lines;</li>
 * <li>netSaving = costAvoided + legacyRunningSaved - projectCost - newRunningCost.</li>
 * </ul>
 * The database sums every line in twelfths of a penny-exact amount (an annual
 * line contributes amount x months, a monthly one amount x 12 x months, a
 * one-off one amount x 12), so dividing by 12 once and rounding half-up to 2
 * decimals is the only rounding.
 */
@ApplicationScoped
public class SavingsMetrics {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    /**
     * Per line: a = start of accrual, b = end of accrual, and the line's
     * contribution in twelfths of a pound as of :asOf (0 for a line that has not
     * started). A derived table rather than chained WITH clauses: H2 returned
     * stale sums from a two-level CTE when the prepared statement ran again with
     * other parameters.
     */
    private static final String LINE_TWELFTHS = "select line_id, description, kind, cashable, frequency, amount, "
            + "start_date, end_date, case "
            + "  when a is null or (kind = 'legacy_running_cost' and a >= cast(:asOf as date)) then 0 "
            + "  when frequency = 'one_off' then "
            + "    case when kind <> 'legacy_running_cost' and start_date <= cast(:asOf as date) then amount * 12 else 0 end "
            + "  else amount * (case when frequency = 'annual' then 1 else 12 end) * greatest(0, "
            + "    (extract(year from b) - extract(year from a)) * 12 + extract(month from b) - extract(month from a) "
            + "    - case when extract(day from b) < extract(day from a) then 1 else 0 end) end as twelfths "
            + "from (select line_id, description, kind, cashable, frequency, amount_gbp as amount, start_date, end_date, "
            + "  case when kind = 'legacy_running_cost' then end_date else start_date end as a, "
            + "  case when kind = 'legacy_running_cost' then cast(:asOf as date) "
            + "    else least(cast(:asOf as date), coalesce(end_date, cast(:asOf as date))) end as b "
            + "  from finance_line where organisation_id = :org) l";

    /** The sum per kind and cashable flag, in twelfths. */
    private static final String TWELFTHS = "select kind, cashable, sum(twelfths) from (" + LINE_TWELFTHS + ") t "
            + "group by kind, cashable";

    private final Jdbi jdbi;

    SavingsMetrics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Savings as of {@code asOf}. */
    public Savings savings(long organisationId, LocalDate asOf) {
        // key: kind + cashable flag -> exact sum in twelfths of a pound
        Map<String, BigDecimal> twelfths = jdbi.withHandle(h -> h.createQuery(TWELFTHS)
                .bind("asOf", asOf).bind("org", organisationId)
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "/" + rs.getBoolean(2), rs.getBigDecimal(3)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        Figures total = Figures.of(twelfths, true, true);
        Figures cashable = Figures.of(twelfths, true, false);
        Figures nonCashable = Figures.of(twelfths, false, true);
        return new Savings(asOf, pounds(total.costAvoided), pounds(total.projectCost), pounds(total.legacySaved),
                pounds(total.newRunning), pounds(total.net()), cashable.rounded(), nonCashable.rounded());
    }

    /**
     * Each finance line with what it has accrued as of {@code asOf} by the same
     * rules as {@link #savings}: a cost for project and new running cost lines, a
     * saving for cost-avoided and legacy running cost lines. Ordered by kind, then
     * line id. Each amount is rounded once, so lines need not add up to the
     * rounded totals to the penny.
     */
    public List<FinanceLineSaving> byLine(long organisationId, LocalDate asOf) {
        return jdbi.withHandle(h -> h.createQuery(LINE_TWELFTHS + " order by kind, line_id")
                .bind("asOf", asOf).bind("org", organisationId)
                .map((rs, ctx) -> new FinanceLineSaving(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), pounds(rs.getBigDecimal(9))))
                .list());
    }

    /**
     * The cumulative net saving at the end of each month from {@code from} to the
     * month of {@code asOf} (its last point is {@code asOf} itself), each by
     * {@link #savings}, with the change since the previous point (the first
     * point's change is its own value).
     */
    public List<MonthSaving> cumulativeByMonth(long organisationId, YearMonth from, LocalDate asOf) {
        List<MonthSaving> out = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        YearMonth last = YearMonth.from(asOf);
        for (YearMonth m = from; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate at = m.equals(last) ? asOf : m.atEndOfMonth();
            BigDecimal net = savings(organisationId, at).netSaving();
            out.add(new MonthSaving(m, at, net, net.subtract(previous)));
            previous = net;
        }
        return out;
    }

    /**
     * The break-even month: the month after the last one whose cumulative net
     * saving is below zero, so the saving stays at or above zero from then on
     * (a one-off gain that turns it positive for a month before running costs
     * take it negative again is not break-even). Null when the last point is
     * still negative, or when no point ever was.
     */
    public static YearMonth breakEvenMonth(List<MonthSaving> cumulative) {
        int lastNegative = -1;
        for (int i = 0; i < cumulative.size(); i++) {
            if (cumulative.get(i).netSaving().signum() < 0) {
                lastNegative = i;
            }
        }
        if (lastNegative < 0 || lastNegative == cumulative.size() - 1) {
            return null;
        }
        return cumulative.get(lastNegative + 1).month();
    }

    /** Exact figures in twelfths. */
    private record Figures(BigDecimal costAvoided, BigDecimal projectCost, BigDecimal legacySaved,
                           BigDecimal newRunning) {

        static Figures of(Map<String, BigDecimal> twelfths, boolean cashable, boolean nonCashable) {
            return new Figures(sum(twelfths, "cost_avoided", cashable, nonCashable),
                    sum(twelfths, "project_cost", cashable, nonCashable),
                    sum(twelfths, "legacy_running_cost", cashable, nonCashable),
                    sum(twelfths, "new_running_cost", cashable, nonCashable));
        }

        private static BigDecimal sum(Map<String, BigDecimal> twelfths, String kind, boolean cashable,
                                      boolean nonCashable) {
            BigDecimal s = BigDecimal.ZERO;
            if (cashable) {
                s = s.add(twelfths.getOrDefault(kind + "/true", BigDecimal.ZERO));
            }
            if (nonCashable) {
                s = s.add(twelfths.getOrDefault(kind + "/false", BigDecimal.ZERO));
            }
            return s;
        }

        BigDecimal net() {
            return costAvoided.add(legacySaved).subtract(projectCost).subtract(newRunning);
        }

        Savings.Figures rounded() {
            return new Savings.Figures(pounds(costAvoided), pounds(projectCost), pounds(legacySaved),
                    pounds(newRunning), pounds(net()));
        }
    }

    private static BigDecimal pounds(BigDecimal twelfths) {
        return twelfths.divide(TWELVE, 2, RoundingMode.HALF_UP);
    }
}
