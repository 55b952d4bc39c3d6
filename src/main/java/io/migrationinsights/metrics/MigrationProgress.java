package io.migrationinsights.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * Migration progress and wash-up as of a date (CONTRACT section 3). In scope =
 * active staff with at least one appointment, whatever its date; only
 * appointments dated on or before {@code asOf} count towards migrated, perDay
 * and the wash-up figures. {@code asOf} is null when every appointment counts.
 */
public record MigrationProgress(LocalDate asOf, long inScope, long migrated, long outstanding,
                                long unavailableOnDesignatedDay, long washupMigrated, long washupOutstanding,
                                List<DayCount> perDay, List<GroupProgress> perSite,
                                List<GroupProgress> perBusinessUnit) {

    /** Migrated appointments dated on one day. */
    public record DayCount(LocalDate date, long migrated) {
    }

    /** In-scope and migrated staff of one site or business unit, by the staff record. */
    public record GroupProgress(String name, long inScope, long migrated) {
    }
}
