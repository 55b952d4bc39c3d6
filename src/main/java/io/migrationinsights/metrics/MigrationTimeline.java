package io.migrationinsights.metrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The dates of a migration from its appointments. {@code completionDate} is the
 * date of the last {@code migrated} appointment (CONTRACT section 4, the
 * benefits report's starting point), {@code firstMigrated} that of the first;
 * both null before anyone has migrated.
 */
public record MigrationTimeline(LocalDate firstMigrated, LocalDate completionDate, List<Phase> phases) {

    /** One phase's first and last appointment (any outcome) and first and last migrated one (null if none). */
    public record Phase(String phase, LocalDate firstDate, LocalDate lastDate, LocalDate firstMigrated,
                        LocalDate lastMigrated) {
    }

    /** The phase of that name, if it has appointments. */
    public Optional<Phase> phase(String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst();
    }
}
