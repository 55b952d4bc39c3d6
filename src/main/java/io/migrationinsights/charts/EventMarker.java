package io.migrationinsights.charts;

import io.migrationinsights.metrics.MigrationTimeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A dated event drawn as a vertical line on every time axis: pilot, go-live, wash-up, decommissioning. */
public record EventMarker(String name, LocalDate date) {

    /**
     * The events of a migration, by date: the first day of its pilot, rollout (go-live) and wash-up phases,
     * and the decommissioning date when there is one. The overview page and the benefits report mark the same.
     */
    public static List<EventMarker> of(MigrationTimeline timeline, LocalDate decommissioningDate) {
        List<EventMarker> events = new ArrayList<>();
        timeline.phase("pilot").ifPresent(p -> events.add(new EventMarker("Pilot", p.firstDate())));
        timeline.phase("rollout").ifPresent(p -> events.add(new EventMarker("Go-live", p.firstDate())));
        timeline.phase("washup").ifPresent(p -> events.add(new EventMarker("Wash-up", p.firstDate())));
        if (decommissioningDate != null) {
            events.add(new EventMarker("Decommissioning", decommissioningDate));
        }
        events.sort(Comparator.comparing(EventMarker::date));
        return events;
    }
}
