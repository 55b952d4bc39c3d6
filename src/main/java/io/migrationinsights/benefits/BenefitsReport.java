package io.migrationinsights.benefits;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import io.migrationinsights.charts.EventMarker;
import io.migrationinsights.ingest.ImportLedger.ImportSource;
import io.migrationinsights.metrics.BenefitMeasurement;
import io.migrationinsights.metrics.BenefitStatus.Rag;
import io.migrationinsights.metrics.FinanceLineSaving;
import io.migrationinsights.metrics.MonthRegistrations;
import io.migrationinsights.metrics.MonthSaving;
import io.migrationinsights.metrics.MonthTickets;
import io.migrationinsights.metrics.Savings;
import io.migrationinsights.metrics.ServiceDeskComparison.CategoryComparison;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benefits-realisation report: the one content model that the JSON, the
 * workbook and the PDF are written from (reports/benefits-report.md says what
 * each figure means). Every figure is read from the metrics package as of
 * {@code asOf}. Aggregates only: no staff names, ids, email addresses or user
 * names; the texts that come from uploads are the benefit register's and the
 * finance lines' own words.
 *
 * @param reportDate     completion date + {@code months} calendar months, clamped to the month's last day
 * @param asOf           the date the figures are taken at: the report date, or today while provisional
 * @param preparedAt     final: when it was finalised; draft or provisional: the time of the latest import it
 *                       reads (so the same data gives the same bytes); null when nothing was imported
 * @param revisionReason why this version was made; null unless {@code revised}
 * @param ragCounts      benefits (dis-benefits excluded) per RAG status, every status listed
 */
public record BenefitsReport(String odsCode, String organisationName, int months, LocalDate completionDate,
                             LocalDate reportDate, LocalDate asOf, Status status, int version, Instant preparedAt,
                             boolean revised, String revisionReason, LocalDate firstMigratedDate,
                             Savings savings, ServiceDesk serviceDesk, List<Benefit> benefits,
                             Migration migration, Decommissioning decommissioning, Map<Rag, Long> ragCounts,
                             SavingsDetail savingsDetail, List<MonthRegistrations> registrations,
                             List<EventMarker> events, List<ImportSource> sources) {

    /** Provisional while the report date is in the future; then draft until finalised. */
    public enum Status {
        PROVISIONAL, DRAFT, FINAL;

        /** As JSON shows it: provisional, draft, final. */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Service desk demand: the contract's two windows (baseline = the three full
     * months before the first migrated month; comparison = the three full months
     * before the month of {@code asOf}), by category, and tickets per month across both.
     */
    public record ServiceDesk(YearMonth baselineFrom, YearMonth baselineTo, YearMonth comparisonFrom,
                              YearMonth comparisonTo, BigDecimal baselinePerMonth, BigDecimal comparisonPerMonth,
                              BigDecimal reductionPercent, List<CategoryComparison> byCategory,
                              List<MonthTickets> perMonth) {
    }

    /**
     * One row of the benefits register (a Green Book / IPA benefit profile) with
     * its latest measurement on or before {@code asOf}, the note recorded with it
     * as evidence, progress from baseline toward target in % (null without a
     * measurement or when baseline equals target) and the RAG; {@code curve} is
     * every measurement up to {@code asOf}.
     */
    public record Benefit(String benefitId, String title, String owner, String measure, String unit,
                          String direction, boolean cashable, boolean disBenefit, BigDecimal baselineValue,
                          LocalDate baselineDate, BigDecimal targetValue, LocalDate targetDate, BigDecimal value,
                          LocalDate measuredOn, String evidence, BigDecimal progressPercent, Rag rag,
                          List<BenefitMeasurement> curve) {
    }

    /**
     * Migration as of {@code asOf}: in-scope staff and those migrated, and the
     * active staff on NHSmail (a registered account) among all active staff,
     * from the reconciliation of the latest imports.
     */
    public record Migration(long inScope, long migrated, BigDecimal migratedPercent, long activeStaff,
                            long onNhsmail, BigDecimal onNhsmailPercent) {
    }

    /** The legacy server: its decommissioning date (null when unknown) and active user mailboxes left on it. */
    public record Decommissioning(LocalDate date, long activeUserMailboxesLeft) {
    }

    /**
     * Savings in detail: each finance line as of {@code asOf}; the cumulative
     * net saving at the end of each month from the month of the first project
     * cost to {@code asOf}; and the break-even month (see
     * {@link io.migrationinsights.metrics.SavingsMetrics#breakEvenMonth}).
     */
    public record SavingsDetail(List<FinanceLineSaving> lines, List<MonthSaving> perMonth, YearMonth breakEvenMonth) {
    }

    @JsonIgnore
    public boolean isFinal() {
        return status == Status.FINAL;
    }

    /** Benefits that are not dis-benefits, in register order. */
    @JsonIgnore
    public List<Benefit> positiveBenefits() {
        return benefits.stream().filter(b -> !b.disBenefit()).toList();
    }

    /** Dis-benefits, in register order: shown on their own, never netted into the benefits. */
    @JsonIgnore
    public List<Benefit> disBenefits() {
        return benefits.stream().filter(Benefit::disBenefit).toList();
    }
}
