package io.migrationinsights.metrics;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The home of the registration figures and accounts needed next month.
 * Registrations are read from {@code registration_month} (V11): per
 * organisation and month, the accounts (status not deleted) created in it and
 * registered in it. The counts are made while each nhsmail-accounts import
 * streams its rows ({@link #begin}, an {@link ImportSummary}) and saved in its
 * transaction, so a page or return reads a few hundred rows however many
 * accounts there are, and nothing reads 1.5 million accounts again to count
 * them (a GROUP BY over them took seconds on PostgreSQL, see
 * reports/benchmarks.md).
 */
@ApplicationScoped
public class RegistrationMetrics implements ImportSummary {

    private final Jdbi jdbi;

    RegistrationMetrics(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.NHSMAIL_ACCOUNTS;
    }

    /** The definition, per month: deleted accounts count nowhere; an account without registered_date is not registered. */
    @Override
    public Tally begin() {
        Map<Integer, long[]> months = new HashMap<>();
        return new Tally() {
            private int lastMonth = Integer.MIN_VALUE;
            private long[] lastCounts;

            @Override
            public void add(ImportedRow account) {
                if ("deleted".equals(account.get("status"))) {
                    return;
                }
                counts((LocalDate) account.get("created_date"))[0]++;
                LocalDate registered = (LocalDate) account.get("registered_date");
                if (registered != null) {
                    counts(registered)[1]++;
                }
            }

            /** The month's {created, registered}; exports come roughly in date order, so the last one is kept at hand. */
            private long[] counts(LocalDate day) {
                int month = day.getYear() * 12 + day.getMonthValue() - 1;
                if (month != lastMonth) {
                    lastMonth = month;
                    lastCounts = months.computeIfAbsent(month, m -> new long[2]);
                }
                return lastCounts;
            }

            @Override
            public void save(long organisationId) {
                jdbi.useHandle(h -> {
                    h.createUpdate("delete from registration_month where organisation_id = :org")
                            .bind("org", organisationId).execute();
                    PreparedBatch insert = h.prepareBatch("insert into registration_month (organisation_id, "
                            + "year_number, month_number, created, registered) values (?, ?, ?, ?, ?)");
                    months.forEach((month, counts) -> insert.add(organisationId, Math.floorDiv(month, 12),
                            Math.floorMod(month, 12) + 1, counts[0], counts[1]));
                    if (!months.isEmpty()) {
                        insert.execute();
                    }
                });
            }
        };
    }

    /** One row per month from {@code from} to {@code to} inclusive, months without accounts included. */
    public List<MonthRegistrations> registrations(long organisationId, YearMonth from, YearMonth to) {
        return jdbi.withHandle(h -> {
            Map<YearMonth, long[]> counts = h.createQuery("select year_number, month_number, created, registered "
                            + "from registration_month where organisation_id = :org and "
                            + "year_number * 100 + month_number between :from and :to")
                    .bind("org", organisationId).bind("from", key(from)).bind("to", key(to))
                    .map((rs, ctx) -> Map.entry(YearMonth.of(rs.getInt(1), rs.getInt(2)),
                            new long[] {rs.getLong(3), rs.getLong(4)}))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            long before = h.createQuery("select coalesce(sum(registered), 0) from registration_month "
                            + "where organisation_id = :org and year_number * 100 + month_number < :from")
                    .bind("org", organisationId).bind("from", key(from)).mapTo(Long.class).one();
            return months(from, to, counts, before);
        });
    }

    private static int key(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    private static List<MonthRegistrations> months(YearMonth from, YearMonth to, Map<YearMonth, long[]> counts,
                                                    long registeredBefore) {
        long cumulative = registeredBefore;
        List<MonthRegistrations> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            long[] c = counts.getOrDefault(m, new long[2]);
            cumulative += c[1];
            rows.add(new MonthRegistrations(m, c[0], c[1], cumulative));
        }
        return rows;
    }

    /** Registrations of a single month. */
    public MonthRegistrations registrations(long organisationId, YearMonth month) {
        return registrations(organisationId, month, month).get(0);
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
