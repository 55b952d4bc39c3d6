package io.migrationinsights.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Prometheus gauges per organisation (tag {@code organisation} = ODS code) for
 * the headline figures, as of today. The values come from the metric classes
 * themselves (no second computation) and are refreshed in the background every
 * {@code insights.metrics.gauge-refresh-seconds} (default 60), so a scrape only
 * reads a map. Organisations created since the last refresh appear at the next.
 */
@ApplicationScoped
public class HeadlineGauges {

    private static final Logger LOG = Logger.getLogger(HeadlineGauges.class);

    /** Gauge name (Prometheus adds {@code _pounds} for the base unit) and the index in a snapshot. */
    private enum Figure {
        ACCOUNTS_REGISTERED("insights.accounts.registered", null,
                "NHSmail accounts registered on or before today (cumulativeRegistered), deleted accounts excluded"),
        STAFF_MIGRATED("insights.staff.migrated", null,
                "In-scope staff with a migrated appointment dated on or before today"),
        STAFF_OUTSTANDING("insights.staff.outstanding", null, "In-scope staff not yet migrated (inScope - migrated)"),
        WASHUP_OUTSTANDING("insights.washup.outstanding", null,
                "Staff unavailable on their designated day who have no migrated appointment"),
        NET_SAVING("insights.net.saving", "pounds",
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

    private final MetricsDb db;
    private final RegistrationMetrics registrations;
    private final MigrationMetrics migration;
    private final SavingsMetrics savings;
    private final MeterRegistry registry;
    private final Clock clock;
    private final long refreshSeconds;
    private final Map<String, double[]> snapshots = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    HeadlineGauges(MetricsDb db, RegistrationMetrics registrations, MigrationMetrics migration, SavingsMetrics savings,
                   MeterRegistry registry, Clock clock,
                   @ConfigProperty(name = "insights.metrics.gauge-refresh-seconds", defaultValue = "60") long refreshSeconds) {
        this.db = db;
        this.registrations = registrations;
        this.migration = migration;
        this.savings = savings;
        this.registry = registry;
        this.clock = clock;
        this.refreshSeconds = refreshSeconds;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "headline-gauges");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::refreshQuietly, 0, Math.max(5, refreshSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
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
        List<Object[]> orgs = db.list("select id, ods_code from organisation order by ods_code",
                rs -> new Object[] {rs.getLong(1), rs.getString(2)});
        for (Object[] org : orgs) {
            long id = (Long) org[0];
            String ods = (String) org[1];
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
