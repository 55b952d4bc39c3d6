package io.migrationinsights.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Typed configuration of the service; keys under {@code insights.}. */
@ConfigMapping(prefix = "insights")
public interface InsightsConfig {

    /** Folder of the embedded database and the generated admin password (INSIGHTS_DATA_DIR). */
    @WithDefault("./data")
    Path dataDir();

    /** Password of the bootstrap admin (INSIGHTS_ADMIN_PASSWORD); generated when absent. */
    Optional<String> adminPassword();

    @WithName("import")
    Import importing();

    Demo demo();

    ClockSetting clock();

    Metrics metrics();

    /** Upload limits and batching of CSV imports. */
    interface Import {
        /** Largest accepted upload; larger ones are answered 413. */
        @WithDefault("512M")
        MemorySize maxUploadSize();

        /** Longest accepted cell in characters; longer ones are refused by row. */
        @WithDefault("4000")
        int maxFieldLength();

        /** Rows per JDBC batch. */
        @WithDefault("1000")
        int batchSize();

        /** How long an import waits for another import of the same organisation to finish before 409. */
        @WithDefault("30s")
        Duration lockWait();
    }

    /** The synthetic demo organisation. */
    interface Demo {
        /** Load the demo organisation into an empty database at first start. */
        @WithDefault("true")
        boolean enabled();
    }

    /** The service's clock. */
    interface ClockSetting {
        /** Stops the clock at this instant (ISO-8601); set under %test only, so tests do not drift with the calendar. */
        Optional<Instant> fixed();
    }

    /** The Prometheus headline gauges. */
    interface Metrics {
        /**
         * How often the headline gauges are recomputed: a duration with its unit,
         * such as {@code 60s} or {@code 5m}. The scheduler reads the key itself
         * ({@code @Scheduled(every = "${insights.metrics.gauge-refresh}")} in
         * HeadlineGauges); declaring it here documents it and checks it at start.
         */
        @WithDefault("60s")
        Duration gaugeRefresh();
    }
}
