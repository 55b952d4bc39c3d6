package io.migrationinsights.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * Migration progress and wash-up as of a date (CONTRACT section 3). In scope =
 * active staff with at least one appointment, whatever its date; only
 * appointments dated on or before {@code asOf} count towards migrated, perDay
 * and the wash-up figures. {@code asOf} is null when every appointment counts.
 * {@code unscheduled} = in-scope staff not migrated as of the date with no
 * appointment dated after it; {@code perUserType} groups like {@code perSite}.
 */
public record MigrationProgress(LocalDate asOf, long inScope, long migrated, long outstanding,
                                long unavailableOnDesignatedDay, long washupMigrated, long washupOutstanding,
                                long unscheduled, List<DayCount> perDay, List<GroupProgress> perSite,
                                List<GroupProgress> perBusinessUnit, List<GroupProgress> perUserType) {

    /** Appointments dated on one day (planned: any phase or outcome) and those of them migrated. */
    public record DayCount(LocalDate date, long planned, long migrated) {
    }

    /** In-scope and migrated staff of one site, business unit or user type, by the staff record. */
    public record GroupProgress(String name, long inScope, long migrated) {
    }
}
