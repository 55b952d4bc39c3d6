package io.migrationinsights.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.system.InsightsConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Prometheus gauges per organisation (tag {@code organisation} = ODS code) for
 * the headline figures, as of today. The values come from the metric classes
 * themselves (no second computation) and are computed at start, then by the
 * scheduler every {@code insights.metrics.gauge-refresh} (default 60s, see
 * {@link InsightsConfig.Metrics}), so a scrape only reads a map. Organisations
 * created since the last refresh appear at the next.
 */
@ApplicationScoped
public class HeadlineGauges {

    private static final Logger LOG = Logger.getLogger(HeadlineGauges.class);

    /**
     * Gauge name and base unit (Prometheus appends the unit: {@code insights_net_saving_gbp}; money is in
     * pounds sterling, named by its ISO 4217 code as Prometheus names base units) and the index in a snapshot.
     */
    private enum Figure {
        ACCOUNTS_REGISTERED("insights.accounts.registered", null,
                "NHSmail accounts registered on or before today (cumulativeRegistered), deleted accounts excluded"),
        STAFF_MIGRATED("insights.staff.migrated", null,
                "In-scope staff with a migrated appointment dated on or before today"),
        STAFF_OUTSTANDING("insights.staff.outstanding", null, "In-scope staff not yet migrated (inScope - migrated)"),
        WASHUP_OUTSTANDING("insights.washup.outstanding", null,
                "Staff unavailable on their designated day who have no migrated appointment"),
        NET_SAVING("insights.net.saving", "gbp",
                "Net saving as of today: costAvoided + legacyRunningSaved - projectCost - newRunningCost");

        final String meter;
        final String unit;
        final String description;

        Figure(String meter, String unit, String description) {
            this.meter = meter;
            this.unit = unit;
            this.description = description;
        }
    }

    private final OrganisationService organisations;
    private final RegistrationMetrics registrations;
    private final MigrationMetrics migration;
    private final SavingsMetrics savings;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, double[]> snapshots = new ConcurrentHashMap<>();

    HeadlineGauges(OrganisationService organisations, RegistrationMetrics registrations, MigrationMetrics migration,
                   SavingsMetrics savings, MeterRegistry registry, Clock clock) {
        this.organisations = organisations;
        this.registrations = registrations;
        this.migration = migration;
        this.savings = savings;
        this.registry = registry;
        this.clock = clock;
    }

    /** At start, after the demo load (priority 20), so the gauges are there from the first scrape. */
    void onStart(@Observes @Priority(30) StartupEvent event) {
        refreshQuietly();
    }

    /**
     * Then every interval, counted from the start; a run still going when the
     * next is due makes that one skip. The expressions name the key that
     * {@link InsightsConfig.Metrics#gaugeRefresh()} declares. The gauges live in
     * each instance's memory, so every instance refreshes its own (the in-memory
     * scheduler, not the Quartz cluster that runs a job once across instances).
     */
    @Scheduled(identity = "headline-gauges", every = "${insights.metrics.gauge-refresh}",
            delayed = "${insights.metrics.gauge-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            executeWith = Scheduled.SIMPLE)
    void scheduledRefresh() {
        refreshQuietly();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Could not refresh the headline gauges; they keep their previous values", e);
        }
    }

    /** Recomputes every organisation's headline figures now (also called by the schedule). */
    public void refresh() {
        LocalDate today = LocalDate.now(clock);
        for (Organisation org : organisations.listEntities()) {
            long id = org.id;
            String ods = org.odsCode;
            MigrationProgress progress = migration.migration(id, today);
            double[] values = new double[Figure.values().length];
            values[Figure.ACCOUNTS_REGISTERED.ordinal()] =
                    registrations.registrations(id, YearMonth.from(today)).cumulativeRegistered();
            values[Figure.STAFF_MIGRATED.ordinal()] = progress.migrated();
            values[Figure.STAFF_OUTSTANDING.ordinal()] = progress.outstanding();
            values[Figure.WASHUP_OUTSTANDING.ordinal()] = progress.washupOutstanding();
            values[Figure.NET_SAVING.ordinal()] = savings.savings(id, today).netSaving().doubleValue();
            if (snapshots.put(ods, values) == null) {
                register(ods);
            }
        }
    }

    private void register(String ods) {
        for (Figure f : Figure.values()) {
            Gauge.builder(f.meter, snapshots, s -> s.getOrDefault(ods, new double[Figure.values().length])[f.ordinal()])
                    .description(f.description).baseUnit(f.unit).tag("organisation", ods).strongReference(true)
                    .register(registry);
        }
    }
}
