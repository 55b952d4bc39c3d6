package io.migrationinsights.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The home of the inactivity risk (see {@link InactivityRisk}). */
@ApplicationScoped
public class InactivityRiskMetrics {

    /** NHSmail accounts go inactive after this many days without a first sign-in. */
    public static final int INACTIVITY_DAYS = 30;

    /**
     * One row per unregistered, non-deleted account with the holder's next
     * appointment; parameters: asOf, organisation id. {@code date + integer}
     * is a date on H2 and PostgreSQL alike.
     */
    private static final String AT_RISK = "select * from (select n.staff_id, "
            + PersonName.SQL + " as name, "
            + "n.email, n.created_date, n.created_date + " + INACTIVITY_DAYS + " as inactive_from, "
            + "(select min(a.appointment_date) from appointment a where a.organisation_id = n.organisation_id "
            + "  and a.staff_id = n.staff_id and a.appointment_date >= ?) as next_appointment "
            + "from nhsmail_account n left join staff s on s.organisation_id = n.organisation_id and s.staff_id = n.staff_id "
            + "where n.organisation_id = ? and n.status <> 'deleted' and n.registered_date is null) r "
            + "where r.inactive_from < r.next_appointment";

    private final Jdbi jdbi;

    InactivityRiskMetrics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Accounts at risk as of {@code asOf}; the list only when {@code withMembers}. */
    public InactivityRisk atRisk(long organisationId, LocalDate asOf, boolean withMembers) {
        if (!withMembers) {
            long count = jdbi.withHandle(h -> h.createQuery("select count(*) from (" + AT_RISK + ") c")
                    .bind(0, asOf).bind(1, organisationId)
                    .mapTo(Long.class).one());
            return new InactivityRisk(asOf, count, false, null);
        }
        List<InactivityRisk.Account> members = jdbi.withHandle(h -> h.createQuery(AT_RISK
                        + " order by r.next_appointment, r.email")
                .bind(0, asOf).bind(1, organisationId)
                .map((rs, ctx) -> new InactivityRisk.Account(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class)))
                .list());
        return new InactivityRisk(asOf, members.size(), true, members);
    }
}
