package io.migrationinsights.metrics;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportSummary;
import io.migrationinsights.system.Changes;
import io.migrationinsights.system.RecentlyRead;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>An organisation's rows are read once and kept in memory ({@link RecentlyRead}); every figure is
 * computed from them here, by the definition below, until an import replaces them: its {@link Tally#save}
 * announces the change ({@link Changes}), so once the import commits every instance reads them again.
 * Nothing else writes {@code registration_month} while the service runs (V11 fills it at migration, and
 * organisations are never deleted). Why: a figure read under wrk spent most of its time borrowing a
 * connection and running two small queries (reports/benchmarks.md, issue #11).
 */
@ApplicationScoped
public class RegistrationMetrics implements ImportSummary {

    /** The name of the registrations cache in {@link Changes} notices; their key is the organisation id. */
    private static final String REGISTRATIONS = "registrations";

    private final Jdbi jdbi;
    private final Changes changes;
    /** Each organisation's registration_month rows, by organisation id. */
    private final RecentlyRead<Long, Months> kept;

    private final ImportedFigures figures;

    RegistrationMetrics(Jdbi jdbi, Changes changes, ImportedFigures figures) {
        this.jdbi = jdbi;
        this.figures = figures;
        this.changes = changes;
        // a few hundred months an organisation, about 20 bytes each
        this.kept = new RecentlyRead<>(changes, REGISTRATIONS, 1_000, Long::valueOf);
    }

    /**
     * One organisation's registration_month rows in month order: month as year * 12 + month - 1, and the
     * accounts created and registered in it.
     */
    private record Months(int[] month, long[] created, long[] registered) {
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
                changes.changed(REGISTRATIONS, organisationId);
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

    /**
     * One row per month from {@code from} to {@code to} inclusive, months without accounts included:
     * created and registered in the month, and cumulatively registered (the month's and every earlier one's).
     */
    public List<MonthRegistrations> registrations(long organisationId, YearMonth from, YearMonth to) {
        Months months = kept.get(organisationId, id -> Optional.of(read(id))).orElseThrow();
        int first = index(from);
        int last = index(to);
        int i = 0;
        long cumulative = 0;
        for (; i < months.month().length && months.month()[i] < first; i++) {
            cumulative += months.registered()[i];
        }
        List<MonthRegistrations> rows = new ArrayList<>(last - first + 1);
        for (int m = first; m <= last; m++) {
            long created = 0;
            long registered = 0;
            if (i < months.month().length && months.month()[i] == m) {
                created = months.created()[i];
                registered = months.registered()[i];
                i++;
            }
            cumulative += registered;
            rows.add(new MonthRegistrations(YearMonth.of(Math.floorDiv(m, 12), Math.floorMod(m, 12) + 1), created,
                    registered, cumulative));
        }
        return rows;
    }

    /** The organisation's rows, from the database: one small query. */
    private Months read(long organisationId) {
        List<long[]> rows = jdbi.withHandle(h -> h.createQuery("select year_number, month_number, created, "
                        + "registered from registration_month where organisation_id = :org "
                        + "order by year_number, month_number")
                .bind("org", organisationId)
                .map((rs, ctx) -> new long[] {rs.getInt(1) * 12L + rs.getInt(2) - 1, rs.getLong(3), rs.getLong(4)})
                .list());
        Months months = new Months(new int[rows.size()], new long[rows.size()], new long[rows.size()]);
        for (int i = 0; i < rows.size(); i++) {
            months.month()[i] = (int) rows.get(i)[0];
            months.created()[i] = rows.get(i)[1];
            months.registered()[i] = rows.get(i)[2];
        }
        return months;
    }

    private static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
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
        return figures.get(organisationId, "accounts-needed", List.of(period),
                () -> computeAccountsNeeded(organisationId, period));
    }

    private long computeAccountsNeeded(long organisationId, YearMonth period) {
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
