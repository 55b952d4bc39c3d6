package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The home of the registration figures and accounts needed next month. */
@ApplicationScoped
public class RegistrationMetrics {

    private final Jdbi jdbi;

    RegistrationMetrics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One row per month from {@code from} to {@code to} inclusive, months without accounts included. */
    public List<MonthRegistrations> registrations(long organisationId, YearMonth from, YearMonth to) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atEndOfMonth();
        return jdbi.withHandle(h -> {
            Map<YearMonth, Long> created = perMonth(h, "created_date", organisationId, first, last);
            Map<YearMonth, Long> registered = perMonth(h, "registered_date", organisationId, first, last);
            long before = h.createQuery("select count(*) from nhsmail_account where organisation_id = ? "
                            + "and status <> 'deleted' and registered_date < ?")
                    .bind(0, organisationId).bind(1, first).mapTo(Long.class).one();
            return months(from, to, created, registered, before);
        });
    }

    private static List<MonthRegistrations> months(YearMonth from, YearMonth to, Map<YearMonth, Long> created,
                                                    Map<YearMonth, Long> registered, long registeredBefore) {
        long cumulative = registeredBefore;
        List<MonthRegistrations> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long reg = registered.getOrDefault(m, 0L);
            cumulative += reg;
            rows.add(new MonthRegistrations(m, created.getOrDefault(m, 0L), reg, cumulative));
        }
        return rows;
    }

    /** Registrations of a single month. */
    public MonthRegistrations registrations(long organisationId, YearMonth month) {
        return registrations(organisationId, month, month).get(0);
    }

    private static Map<YearMonth, Long> perMonth(Handle h, String column, long organisationId, LocalDate first,
                                                 LocalDate last) {
        return h.createQuery("select extract(year from " + column + ") as y, extract(month from " + column + ") as m, "
                        + "count(*) from nhsmail_account where organisation_id = ? and status <> 'deleted' and " + column
                        + " between ? and ? group by extract(year from " + column + "), extract(month from " + column + ")")
                .bind(0, organisationId).bind(1, first).bind(2, last)
                .map((rs, ctx) -> Map.entry(YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getLong(3)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Accounts needed next month for return period M: distinct active staff with
     * an appointment dated in M+1 (any outcome) and no NHSmail account created on
     * or before the last day of M.
     */
    public long accountsNeededNextMonth(long organisationId, YearMonth period) {
        YearMonth next = period.plusMonths(1);
        return jdbi.withHandle(h -> h.createQuery("select count(distinct s.staff_id) from staff s join appointment a "
                        + "on a.organisation_id = s.organisation_id and a.staff_id = s.staff_id "
                        + "where s.organisation_id = ? and s.employment_status = 'active' "
                        + "and a.appointment_date between ? and ? "
                        + "and not exists (select 1 from nhsmail_account n where n.organisation_id = s.organisation_id "
                        + "and n.staff_id = s.staff_id and n.status <> 'deleted' and n.created_date <= ?)")
                .bind(0, organisationId).bind(1, next.atDay(1)).bind(2, next.atEndOfMonth())
                .bind(3, period.atEndOfMonth())
                .mapTo(Long.class).one());
    }
}
