package io.migrationinsights.returns;

import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.organisations.OrganisationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * The scheduled job of CONTRACT section 8. Every day at 06:00 UK time
 * ({@code insights.returns.notice-schedule}) it looks at the month just ended:
 * from its first working day on, each organisation's draft is recorded and its
 * recipients are told it is ready, with the due date; from two working days
 * before the due date until the due date, they are reminded while the period is
 * not final. Each (organisation, period, kind) is recorded once in
 * return_notice, in the transaction that decides to mail, and the mail goes
 * after that transaction commits: a re-run never mails twice, and an
 * organisation whose transaction failed (a database outage) is simply done by
 * the next run. On PostgreSQL the job runs through Quartz's clustered store,
 * so with several instances each run happens on one of them; each run is
 * written to scheduled_run (job, fire time, instance, outcome).
 */
@ApplicationScoped
public class ReturnNotices {

    static final String JOB = "return-notices";

    private static final Logger LOG = Logger.getLogger(ReturnNotices.class);

    private final OrganisationService organisations;
    private final ReturnService returns;
    private final Clock clock;
    private final Jdbi jdbi;

    ReturnNotices(OrganisationService organisations, ReturnService returns, Clock clock, Jdbi jdbi) {
        this.organisations = organisations;
        this.returns = returns;
        this.clock = clock;
        this.jdbi = jdbi;
    }

    /** What one run did. */
    public record Outcome(YearMonth period, int ready, int reminders, List<String> failed) {
        @Override
        public String toString() {
            return "period " + period + ": " + ready + " ready, " + reminders + " reminder(s), "
                    + failed.size() + " organisation(s) failed" + (failed.isEmpty() ? "" : " " + failed);
        }
    }

    @Scheduled(identity = JOB, cron = "${insights.returns.notice-schedule}", timeZone = "Europe/London",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled(ScheduledExecution execution) {
        run(execution.getScheduledFireTime());
    }

    /** Runs the job now, as the schedule would (tests, operators); {@code fireTime} is null then. */
    public Outcome run() {
        return run(null);
    }

    Outcome run(Instant fireTime) {
        Instant started = Instant.now();
        LocalDate today = LocalDate.now(clock);
        YearMonth period = YearMonth.from(today).minusMonths(1);
        int ready = 0;
        int reminders = 0;
        List<String> failed = new ArrayList<>();
        List<String> codes;
        try {
            codes = organisations.listEntities().stream().map((Organisation o) -> o.odsCode).toList();
        } catch (RuntimeException e) {
            LOG.warnf("The %s job could not list the organisations (%s); the next run tries again.", JOB,
                    e.getClass().getSimpleName());
            return new Outcome(period, 0, 0, List.of("*"));
        }
        for (String ods : codes) {
            try {
                List<ReturnNotice.Kind> kinds = QuarkusTransaction.requiringNew()
                        .call(() -> returns.recordNotices(ods, period, today));
                ready += kinds.contains(ReturnNotice.Kind.READY) ? 1 : 0;
                reminders += kinds.contains(ReturnNotice.Kind.REMINDER) ? 1 : 0;
            } catch (RuntimeException e) {
                failed.add(ods);
                LOG.warnf(e, "The %s job failed for %s %s; nothing was recorded or mailed for it and the next run "
                        + "tries again.", JOB, ods, period);
            }
        }
        Outcome outcome = new Outcome(period, ready, reminders, List.copyOf(failed));
        LOG.infof("The %s job ran: %s.", JOB, outcome);
        bookkeeping(fireTime, started, outcome);
        return outcome;
    }

    private void bookkeeping(Instant fireTime, Instant started, Outcome outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> jdbi.useHandle(h -> h.createUpdate(
                            "insert into scheduled_run (job, fire_time, instance, started_at, finished_at, outcome) "
                                    + "values (:job, :fireTime, :instance, :started, :finished, :outcome)")
                    .bind("job", JOB).bindByType("fireTime", fireTime == null ? null : fireTime.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                    .bind("instance", instance()).bind("started", started.atOffset(ZoneOffset.UTC))
                    .bind("finished", Instant.now().atOffset(ZoneOffset.UTC))
                    .bind("outcome", outcome.toString()).execute()));
        } catch (RuntimeException e) {
            LOG.warnf("The %s job could not record its run (%s).", JOB, e.getClass().getSimpleName());
        }
    }

    /** This instance, as scheduled_run names it: process id and host. */
    static String instance() {
        String host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        return ProcessHandle.current().pid() + "@" + host;
    }
}
