package io.migrationinsights.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of the service, in UK time. {@code insights.clock.fixed} stops
 * it at an instant: the tests set it under {@code %test}, so figures "as of
 * today" do not change with the calendar.
 */
@ApplicationScoped
public class ClockProducer {

    /**
     * The service's time zone, written once: UK calendar dates of instants
     * (ticket months, "today"), UK local times in uploads, times in workbooks.
     */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    Clock clock(InsightsConfig config) {
        return config.clock().fixed().map(instant -> Clock.fixed(instant, UK)).orElseGet(() -> Clock.system(UK));
    }
}
