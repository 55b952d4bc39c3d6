package io.migrationinsights.charts;

import java.time.LocalDate;

/** A dated event drawn as a vertical line on every time axis: pilot, go-live, wash-up, decommissioning. */
public record EventMarker(String name, LocalDate date) {
}
