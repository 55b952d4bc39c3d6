package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** The home of migration progress and wash-up (CONTRACT section 3). */
@ApplicationScoped
public class MigrationMetrics {

    /** Stands for "no asOf": later than any appointment. */
    private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    /**
     * Per site, business unit and user type: the in-scope staff (active, with an appointment) and what counts
     * of them as of the date. Each member of staff's appointments are first reduced to flags (any migrated, any
     * unavailable on a pilot, vip or rollout day, any wash-up migrated, all on or before the date; any dated
     * after it), grouped by (organisation, staff id): one pass over the appointments, which H2 groups as it
     * reads them in its index's order and PostgreSQL hashes, then one join to staff. (Asking once per member
     * of staff whether such an appointment exists took longer than two minutes on PostgreSQL at 1.5M staff,
     * where the appointments have no index.) Unscheduled = not migrated as of the date and no appointment
     * dated after it. Parameters: :until (the as-of date), :org.
     */
    private static final String IN_SCOPE = "select s.site, s.business_unit, s.user_type, count(*), sum(a.migrated), "
            + "sum(a.unavailable), sum(a.washup_migrated), "
            + "sum(case when a.unavailable = 1 and a.migrated = 0 then 1 else 0 end), "
            + "sum(case when a.migrated = 0 and a.later = 0 then 1 else 0 end) "
            + "from staff s join (select organisation_id, staff_id, "
            + "max(case when outcome = 'migrated' and appointment_date <= :until then 1 else 0 end) as migrated, "
            + "max(case when phase in ('pilot', 'vip', 'rollout') and outcome = 'unavailable' "
            + "  and appointment_date <= :until then 1 else 0 end) as unavailable, "
            + "max(case when phase = 'washup' and outcome = 'migrated' and appointment_date <= :until then 1 else 0 end) "
            + "  as washup_migrated, "
            + "max(case when appointment_date > :until then 1 else 0 end) as later "
            + "from appointment where organisation_id = :org group by organisation_id, staff_id) a "
            + "on a.organisation_id = s.organisation_id and a.staff_id = s.staff_id "
            + "where s.organisation_id = :org and s.employment_status = 'active' "
            + "group by s.site, s.business_unit, s.user_type";

    private final Jdbi jdbi;
    private final ImportedFigures figures;

    MigrationMetrics(Jdbi jdbi, ImportedFigures figures) {
        this.jdbi = jdbi;
        this.figures = figures;
    }

    private record Cell(String site, String unit, String userType, long inScope, long migrated, long unavailable,
                        long washupMigrated, long washupOutstanding, long unscheduled) {
    }

    /** Progress as of {@code asOf} (inclusive); null means every appointment counts. Kept until the next import. */
    public MigrationProgress migration(long organisationId, LocalDate asOf) {
        return figures.get(organisationId, "migration", Arrays.asList(asOf), () -> compute(organisationId, asOf));
    }

    private MigrationProgress compute(long organisationId, LocalDate asOf) {
        LocalDate until = asOf == null ? END_OF_TIME : asOf;
        return jdbi.withHandle(h -> {
            List<Cell> cells = h.createQuery(IN_SCOPE).bind("until", until).bind("org", organisationId)
                    .map((rs, ctx) -> new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                    .list();
            // every appointment of the day is planned (any phase or outcome, in scope or not)
            List<MigrationProgress.DayCount> perDay = h.createQuery("select appointment_date, count(*), "
                            + "sum(case when outcome = 'migrated' then 1 else 0 end) from appointment "
                            + "where organisation_id = ? and appointment_date <= ? "
                            + "group by appointment_date order by appointment_date")
                    .bind(0, organisationId).bind(1, until)
                    .map((rs, ctx) -> new MigrationProgress.DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2),
                            rs.getLong(3)))
                    .list();
            return progress(asOf, cells, perDay);
        });
    }

    private static MigrationProgress progress(LocalDate asOf, List<Cell> cells,
                                              List<MigrationProgress.DayCount> perDay) {
        long inScope = 0;
        long migrated = 0;
        long unavailable = 0;
        long washupMigrated = 0;
        long washupOutstanding = 0;
        long unscheduled = 0;
        Map<String, long[]> bySite = new TreeMap<>();
        Map<String, long[]> byUnit = new TreeMap<>();
        Map<String, long[]> byUserType = new TreeMap<>();
        for (Cell c : cells) {
            inScope += c.inScope();
            migrated += c.migrated();
            unavailable += c.unavailable();
            washupMigrated += c.washupMigrated();
            washupOutstanding += c.washupOutstanding();
            unscheduled += c.unscheduled();
            add(bySite, c.site(), c);
            add(byUnit, c.unit(), c);
            add(byUserType, c.userType(), c);
        }
        return new MigrationProgress(asOf, inScope, migrated, inScope - migrated, unavailable, washupMigrated,
                washupOutstanding, unscheduled, perDay, groups(bySite), groups(byUnit), groups(byUserType));
    }

    /**
     * The months, in order, that hold at least one of the organisation's
     * appointments (any phase or outcome): the months a migration return can
     * be drafted for.
     */
    public List<YearMonth> appointmentMonths(long organisationId) {
        List<YearMonth> months = jdbi.withHandle(h -> h.createQuery("select extract(year from appointment_date), "
                        + "extract(month from appointment_date) from appointment where organisation_id = ? "
                        + "group by extract(year from appointment_date), extract(month from appointment_date)")
                .bind(0, organisationId)
                .map((rs, ctx) -> YearMonth.of(rs.getInt(1), rs.getInt(2)))
                .list());
        return months.stream().sorted().toList();
    }

    private static void add(Map<String, long[]> groups, String name, Cell c) {
        long[] g = groups.computeIfAbsent(name, k -> new long[2]);
        g[0] += c.inScope();
        g[1] += c.migrated();
    }

    private static List<MigrationProgress.GroupProgress> groups(Map<String, long[]> groups) {
        List<MigrationProgress.GroupProgress> out = new ArrayList<>();
        groups.forEach((name, g) -> out.add(new MigrationProgress.GroupProgress(name, g[0], g[1])));
        return out;
    }

    /**
     * The migration's dates: per phase (pilot, vip, rollout, washup) its first
     * and last appointment dates, any outcome; overall the first and the last
     * {@code migrated} appointment, any staff (the last is the contract's
     * migration completion date, from which the benefits report is dated).
     */
    public MigrationTimeline timeline(long organisationId) {
        return figures.get(organisationId, "timeline", List.of(), () -> computeTimeline(organisationId));
    }

    private MigrationTimeline computeTimeline(long organisationId) {
        List<MigrationTimeline.Phase> phases = jdbi.withHandle(h -> h.createQuery("select phase, min(appointment_date), "
                        + "max(appointment_date), min(case when outcome = 'migrated' then appointment_date end), "
                        + "max(case when outcome = 'migrated' then appointment_date end) "
                        + "from appointment where organisation_id = ? group by phase order by min(appointment_date), phase")
                .bind(0, organisationId)
                .map((rs, ctx) -> new MigrationTimeline.Phase(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)))
                .list());
        LocalDate first = phases.stream().map(MigrationTimeline.Phase::firstMigrated).filter(d -> d != null)
                .min(LocalDate::compareTo).orElse(null);
        LocalDate last = phases.stream().map(MigrationTimeline.Phase::lastMigrated).filter(d -> d != null)
                .max(LocalDate::compareTo).orElse(null);
        return new MigrationTimeline(first, last, List.copyOf(phases));
    }
}
