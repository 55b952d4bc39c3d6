package io.migrationinsights.system;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Histogram buckets for the HTTP request timer ({@code http_server_requests_seconds_bucket}), which the
 * dashboard's latency panel reads with {@code histogram_quantile}; without them Prometheus has only a count,
 * a sum and a maximum. The buckets span 5 ms to 60 s (an import of a national export takes tens of seconds),
 * which keeps Micrometer's default series to about 30 per endpoint and status.
 */
@Singleton
class RequestTimerHistogram {

    @Produces
    @Singleton
    MeterFilter requestTimerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos())
                        .build().merge(config);
            }
        };
    }
}
