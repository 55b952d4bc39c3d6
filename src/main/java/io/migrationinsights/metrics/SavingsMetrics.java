package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
     * Per line: a = start of accrual, b = end of accrual; the sum per kind and
     * cashable flag is in twelfths. Parameters: :asOf (D), :org.
     */
    private static final String TWELFTHS = "with l as (select kind, cashable, frequency, amount_gbp as amount, start_date, "
            + "case when kind = 'legacy_running_cost' then end_date else start_date end as a, "
            + "case when kind = 'legacy_running_cost' then cast(:asOf as date) "
            + "  else least(cast(:asOf as date), coalesce(end_date, cast(:asOf as date))) end as b "
            + "from finance_line where organisation_id = :org) "
            + "select kind, cashable, sum(case "
            + "  when frequency = 'one_off' then "
            + "    case when kind <> 'legacy_running_cost' and start_date <= cast(:asOf as date) then amount * 12 else 0 end "
            + "  else amount * (case when frequency = 'annual' then 1 else 12 end) * greatest(0, "
            + "    (extract(year from b) - extract(year from a)) * 12 + extract(month from b) - extract(month from a) "
            + "    - case when extract(day from b) < extract(day from a) then 1 else 0 end) end) "
            + "from l where a is not null and (kind <> 'legacy_running_cost' or a < cast(:asOf as date)) "
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
