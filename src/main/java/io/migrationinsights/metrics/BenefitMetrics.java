package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The home of the benefit RAG status (CONTRACT section 3); the benefits report reads it. */
@ApplicationScoped
public class BenefitMetrics {

    private final Jdbi jdbi;

    BenefitMetrics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every benefit of the organisation, by benefit id, with its RAG as of {@code asOf} (inclusive). */
    public List<BenefitStatus> rag(long organisationId, LocalDate asOf) {
        return jdbi.withHandle(h -> h.createQuery("select b.benefit_id, b.title, b.owner_name, b.measure, b.unit, b.direction, b.cashable, "
                        + "b.dis_benefit, b.baseline_value, b.baseline_date, b.target_value, b.target_date, "
                        + "m.measured_on, m.measured_value from benefit b "
                        + "left join benefit_measurement m on m.organisation_id = b.organisation_id "
                        + "and m.benefit_id = b.benefit_id and m.measured_on = (select max(x.measured_on) "
                        + "  from benefit_measurement x where x.organisation_id = b.organisation_id "
                        + "  and x.benefit_id = b.benefit_id and x.measured_on <= ?) "
                        + "where b.organisation_id = ? order by b.benefit_id")
                .bind(0, asOf).bind(1, organisationId)
                .map((rs, ctx) -> {
                    String direction = rs.getString(6);
                    BigDecimal baseline = rs.getBigDecimal(9);
                    BigDecimal target = rs.getBigDecimal(11);
                    BigDecimal value = rs.getBigDecimal(14);
                    return new BenefitStatus(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), direction, rs.getBoolean(7), rs.getBoolean(8),
                            baseline, rs.getObject(10, LocalDate.class), target, rs.getObject(12, LocalDate.class),
                            rs.getObject(13, LocalDate.class), value, rag(direction, baseline, target, value));
                })
                .list());
    }

    /**
     * Every measurement dated on or before {@code asOf}, by benefit id then
     * date: the realisation curve of each benefit, and (the latest one) the
     * evidence behind its RAG.
     */
    /**
     * How many benefits of a register stand at each RAG status (every status present, zero included);
     * dis-benefits are not counted. The overview and the benefits report show these counts.
     */
    public static Map<BenefitStatus.Rag, Long> ragCounts(List<BenefitStatus> register) {
        Map<BenefitStatus.Rag, Long> counts = new EnumMap<>(BenefitStatus.Rag.class);
        for (BenefitStatus.Rag rag : BenefitStatus.Rag.values()) {
            counts.put(rag, register.stream().filter(b -> !b.disBenefit() && b.rag() == rag).count());
        }
        return counts;
    }

    public List<BenefitMeasurement> measurements(long organisationId, LocalDate asOf) {
        return jdbi.withHandle(h -> h.createQuery("select benefit_id, measured_on, measured_value, note "
                        + "from benefit_measurement where organisation_id = ? and measured_on <= ? "
                        + "order by benefit_id, measured_on")
                .bind(0, organisationId).bind(1, asOf)
                .map((rs, ctx) -> new BenefitMeasurement(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3), rs.getString(4)))
                .list());
    }

    /**
     * Progress toward the target in %: (value - baseline) / (target - baseline)
     * x 100, half-up to 1 decimal. It reads the same for increasing and
     * decreasing benefits (100 = target met, 50 = half way, negative = moved
     * away from the target). Null without a value or when target equals baseline.
     */
    public static BigDecimal progressPercent(BigDecimal baseline, BigDecimal target, BigDecimal value) {
        if (value == null || target.compareTo(baseline) == 0) {
            return null;
        }
        return value.subtract(baseline).multiply(BigDecimal.valueOf(100))
                .divide(target.subtract(baseline), 1, RoundingMode.HALF_UP);
    }

    /**
     * The RAG rule: grey without a value; green when the value meets the
     * target in the benefit's direction (at or above it for increase, at or
     * below it for decrease); amber when it has moved at least half way from
     * the baseline to the target in that direction; red otherwise.
     */
    public static BenefitStatus.Rag rag(String direction, BigDecimal baseline, BigDecimal target, BigDecimal value) {
        if (value == null) {
            return BenefitStatus.Rag.grey;
        }
        // Work in the direction of improvement: sign +1 for increase, -1 for decrease.
        BigDecimal sign = "decrease".equals(direction) ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        BigDecimal moved = value.subtract(baseline).multiply(sign);
        BigDecimal needed = target.subtract(baseline).multiply(sign);
        if (moved.compareTo(needed) >= 0) {
            return BenefitStatus.Rag.green;
        }
        if (moved.multiply(BigDecimal.valueOf(2)).compareTo(needed) >= 0) {
            return BenefitStatus.Rag.amber;
        }
        return BenefitStatus.Rag.red;
    }
}
