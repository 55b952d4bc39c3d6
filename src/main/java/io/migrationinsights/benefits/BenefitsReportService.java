package io.migrationinsights.benefits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.benefits.BenefitsReport.Status;
import io.migrationinsights.charts.EventMarker;
import io.migrationinsights.ingest.ImportLedger.ImportSource;
import io.migrationinsights.ingest.ImportLedger;
import io.migrationinsights.metrics.BenefitMeasurement;
import io.migrationinsights.metrics.BenefitMetrics;
import io.migrationinsights.metrics.BenefitStatus.Rag;
import io.migrationinsights.metrics.BenefitStatus;
import io.migrationinsights.metrics.Decommissioning;
import io.migrationinsights.metrics.DecommissioningMetrics;
import io.migrationinsights.metrics.FinanceLineSaving;
import io.migrationinsights.metrics.MigrationMetrics;
import io.migrationinsights.metrics.MigrationProgress;
import io.migrationinsights.metrics.MigrationTimeline;
import io.migrationinsights.metrics.MonthRegistrations;
import io.migrationinsights.metrics.MonthSaving;
import io.migrationinsights.metrics.Reconciliation;
import io.migrationinsights.metrics.ReconciliationMetrics;
import io.migrationinsights.metrics.RegistrationMetrics;
import io.migrationinsights.metrics.SavingsMetrics;
import io.migrationinsights.metrics.ServiceDeskComparison;
import io.migrationinsights.metrics.ServiceDeskMetrics;
import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.ClockProducer;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 6- and 12-month benefits-realisation report: drafts and provisional
 * reports computed from today's data, final versions frozen in the database,
 * revisions with a reason, exactly as the monthly return is sealed.
 *
 * <p>Every figure comes from the public metric classes, so the report can never
 * disagree with the metrics API.
 */
@ApplicationScoped
public class BenefitsReportService {

    /** The import kinds the report reads, named in its sources. */
    static final List<String> SOURCE_KINDS = List.of("staff", "appointments", "nhsmail-accounts", "legacy-accounts",
            "tickets", "finance", "benefits", "benefit-measurements");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final OrganisationRepository organisations;
    private final MigrationMetrics migration;
    private final SavingsMetrics savings;
    private final ServiceDeskMetrics serviceDesk;
    private final BenefitMetrics benefits;
    private final RegistrationMetrics registrations;
    private final ReconciliationMetrics reconciliation;
    private final DecommissioningMetrics decommissioning;
    private final ImportLedger ledger;
    private final BenefitsReportVersionRepository versions;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;

    BenefitsReportService(OrganisationRepository organisations, MigrationMetrics migration, SavingsMetrics savings,
                          ServiceDeskMetrics serviceDesk, BenefitMetrics benefits, RegistrationMetrics registrations,
                          ReconciliationMetrics reconciliation, DecommissioningMetrics decommissioning,
                          ImportLedger ledger, BenefitsReportVersionRepository versions, ObjectMapper json,
                          Clock clock, AuditLog audit) {
        this.organisations = organisations;
        this.migration = migration;
        this.savings = savings;
        this.serviceDesk = serviceDesk;
        this.benefits = benefits;
        this.registrations = registrations;
        this.reconciliation = reconciliation;
        this.decommissioning = decommissioning;
        this.ledger = ledger;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * One version, the draft or the provisional report, in its three forms. A
     * final version holds its stored bytes; otherwise each form is written from
     * the report when first asked for.
     */
    public static final class Rendered {
        private final int months;
        private final Status status;
        private final int version;
        private final BenefitsReport report;
        private byte[] json;
        private byte[] workbook;
        private byte[] pdf;
        private final ObjectMapper mapper;

        private Rendered(BenefitsReport report, ObjectMapper mapper) {
            this.months = report.months();
            this.status = report.status();
            this.version = report.version();
            this.report = report;
            this.mapper = mapper;
        }

        private Rendered(BenefitsReportVersion v) {
            this.months = v.months;
            this.status = Status.FINAL;
            this.version = v.version;
            this.report = null;
            this.mapper = null;
            this.json = v.contentJson;
            this.workbook = v.workbook;
            this.pdf = v.pdf;
        }

        public int months() {
            return months;
        }

        public Status status() {
            return status;
        }

        public int version() {
            return version;
        }

        public byte[] json() {
            if (json == null) {
                try {
                    json = mapper.writeValueAsBytes(report);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("The report cannot be written as JSON", e);
                }
            }
            return json;
        }

        public byte[] workbook() {
            if (workbook == null) {
                workbook = BenefitsReportWorkbook.render(report);
            }
            return workbook;
        }

        public byte[] pdf() {
            if (pdf == null) {
                pdf = BenefitsReportPdf.render(report);
            }
            return pdf;
        }

        public String workbookSha256() {
            return Sha256.of(workbook());
        }

        public String pdfSha256() {
            return Sha256.of(pdf());
        }
    }

    /** 6 or 12, or a 400 problem. */
    public static int parseMonths(String text) {
        if (text != null) {
            for (int m : ReportDates.MONTHS) {
                if (String.valueOf(m).equals(text.strip())) {
                    return m;
                }
            }
        }
        throw ProblemException.badRequest("months must be 6 or 12 (the 6- or 12-month benefits-realisation report), "
                + "for example ?months=6; it was " + (text == null ? "missing" : "'" + text + "'") + ".");
    }

    /**
     * Plain GET: the requested final version, else the latest final version,
     * else (or when {@code draft}) the report from today's data.
     */
    @Transactional
    public Rendered get(String ods, int months, Integer version, boolean draft) {
        Organisation org = organisations.require(ods);
        if (version != null) {
            return frozen(versions.version(org.id, months, version).orElseThrow(() -> ProblemException.notFound(
                    "The " + months + "-month benefits report of " + ods + " has no final version " + version + ".")));
        }
        Optional<BenefitsReportVersion> latest = versions.latest(org.id, months);
        if (latest.isPresent() && !draft) {
            return frozen(latest.get());
        }
        return new Rendered(build(org, months, latest.map(v -> v.version + 1).orElse(1), latest.isPresent()), json);
    }

    /** Freezes version 1: 409 while provisional or when a final version exists. */
    @Transactional
    public Rendered finalise(String ods, int months, String user) {
        Organisation org = organisations.requireLocked(ods);
        Optional<BenefitsReportVersion> latest = versions.latest(org.id, months);
        if (latest.isPresent()) {
            throw ProblemException.conflict("The " + months + "-month benefits report of " + ods
                    + " was already finalised as version " + latest.get().version + " on " + latest.get().finalisedAt
                    + ". To change it, revise it with a reason.");
        }
        return audited(AuditAction.REPORT_FINALISE, ods, store(org, build(org, months, 1, false), user, null), user);
    }

    /** Freezes version N+1 from today's data, marked revised with the reason. */
    @Transactional
    public Rendered revise(String ods, int months, String reason, String user) {
        Organisation org = organisations.requireLocked(ods);
        Optional<BenefitsReportVersion> latest = versions.latest(org.id, months);
        if (latest.isEmpty()) {
            throw ProblemException.conflict("The " + months + "-month benefits report of " + ods
                    + " has not been finalised yet: finalise it first; a revision replaces a final version.");
        }
        return audited(AuditAction.REPORT_REVISE, ods,
                store(org, build(org, months, latest.get().version + 1, true), user, reason), user);
    }

    /** The audit line of a finalise or revise, in its transaction (the reason is free text and stays out). */
    private Rendered audited(AuditAction action, String ods, Rendered r, String user) {
        audit.recordAs(user, action, ods, "months=" + r.months() + " version=" + r.version(), "stored");
        return r;
    }

    private Rendered store(Organisation org, BenefitsReport draft, String user, String reason) {
        if (draft.status() == Status.PROVISIONAL) {
            throw ProblemException.conflict("The " + draft.months() + "-month benefits report of " + org.odsCode
                    + " is provisional: its report date, " + DAY.format(draft.reportDate())
                    + ", is in the future. It can be finalised from that day on.");
        }
        Instant now = Instant.now(clock);
        BenefitsReport report = withStatus(draft, Status.FINAL, now, reason);
        Rendered r = new Rendered(report, json);
        BenefitsReportVersion v = new BenefitsReportVersion();
        v.organisationId = org.id;
        v.months = report.months();
        v.version = report.version();
        v.reportDate = report.reportDate();
        v.contentJson = r.json();
        v.contentSha256 = Sha256.of(r.json());
        v.workbook = r.workbook();
        v.workbookSha256 = r.workbookSha256();
        v.pdf = r.pdf();
        v.pdfSha256 = r.pdfSha256();
        v.finalisedBy = user;
        v.finalisedAt = now;
        v.revisionReason = reason;
        versions.persist(v);
        return r;
    }

    /** A final version: its stored bytes, never recomputed. */
    private static Rendered frozen(BenefitsReportVersion v) {
        return new Rendered(v);
    }

    private static BenefitsReport withStatus(BenefitsReport r, Status status, Instant preparedAt, String reason) {
        return new BenefitsReport(r.odsCode(), r.organisationName(), r.months(), r.completionDate(), r.reportDate(),
                r.asOf(), status, r.version(), preparedAt, reason != null, reason, r.firstMigratedDate(),
                r.savings(), r.serviceDesk(), r.benefits(), r.migration(), r.decommissioning(), r.ragCounts(),
                r.savingsDetail(), r.registrations(), r.events(), r.sources());
    }

    /** The report from today's data: every figure as of the report date, or as of today while provisional. */
    BenefitsReport build(Organisation org, int months, int version, boolean revised) {
        MigrationTimeline timeline = migration.timeline(org.id);
        if (timeline.completionDate() == null) {
            throw ProblemException.conflict("The benefits report of " + org.odsCode + " is dated from the migration "
                    + "completion date (the last migrated appointment), and no appointment has the outcome 'migrated' "
                    + "yet. Import the appointments with their outcomes first.");
        }
        LocalDate completion = timeline.completionDate();
        LocalDate reportDate = ReportDates.reportDate(completion, months);
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.UK));
        boolean provisional = reportDate.isAfter(today);
        LocalDate asOf = provisional ? today : reportDate;

        YearMonth[] baseline = ReportDates.threeMonthsBefore(timeline.firstMigrated());
        YearMonth[] comparison = ReportDates.threeMonthsBefore(asOf);
        ServiceDeskComparison desk = serviceDesk.compare(org.id, baseline[0], baseline[1], comparison[0], comparison[1]);
        YearMonth ticketsFrom = min(baseline[0], comparison[0]);
        YearMonth ticketsTo = max(baseline[1], comparison[1]);
        BenefitsReport.ServiceDesk deskSection = new BenefitsReport.ServiceDesk(baseline[0], baseline[1],
                comparison[0], comparison[1], desk.baselinePerMonth(), desk.comparisonPerMonth(),
                desk.reductionPercent(), desk.byCategory(), serviceDesk.perMonth(org.id, ticketsFrom, ticketsTo));

        List<BenefitStatus> statuses = benefits.rag(org.id, asOf);
        List<BenefitsReport.Benefit> register = register(org.id, asOf, statuses);
        Map<Rag, Long> ragCounts = BenefitMetrics.ragCounts(statuses);

        MigrationProgress progress = migration.migration(org.id, asOf);
        Reconciliation rec = reconciliation.counts(org.id);
        long onNhsmail = classCount(rec, "on_nhsmail");
        long active = onNhsmail + classCount(rec, "awaiting_registration") + classCount(rec, "needs_account");
        BenefitsReport.Migration migrationSection = new BenefitsReport.Migration(progress.inScope(),
                progress.migrated(), percent(progress.migrated(), progress.inScope()), active, onNhsmail,
                percent(onNhsmail, active));

        Decommissioning tracker = decommissioning.tracker(org.id, asOf, false);
        BenefitsReport.Decommissioning decom = new BenefitsReport.Decommissioning(tracker.decommissioningDate(),
                tracker.activeUserMailboxes());

        List<FinanceLineSaving> lines = savings.byLine(org.id, asOf);
        YearMonth savingsFrom = lines.stream().filter(l -> "project_cost".equals(l.kind()))
                .map(l -> YearMonth.from(l.startDate())).min(YearMonth::compareTo).orElse(baseline[0]);
        List<MonthSaving> perMonth = savings.cumulativeByMonth(org.id, min(savingsFrom, YearMonth.from(asOf)), asOf);
        BenefitsReport.SavingsDetail detail = new BenefitsReport.SavingsDetail(lines, perMonth,
                SavingsMetrics.breakEvenMonth(perMonth));

        YearMonth regFrom = min(baseline[0], YearMonth.from(timeline.firstMigrated()));
        List<MonthRegistrations> regs =
                registrations.registrations(org.id, regFrom, YearMonth.from(asOf));

        List<EventMarker> events = EventMarker.of(timeline, decom.date());

        List<ImportSource> sources = ledger.latest(org.id, SOURCE_KINDS);
        Instant preparedAt = sources.stream().map(ImportSource::importedAt).max(Instant::compareTo).orElse(null);
        return new BenefitsReport(org.odsCode, org.name, months, completion, reportDate, asOf,
                provisional ? Status.PROVISIONAL : Status.DRAFT, version, preparedAt, revised, null,
                timeline.firstMigrated(), savings.savings(org.id, asOf), deskSection, register, migrationSection, decom,
                ragCounts, detail, regs, events, sources);
    }

    private List<BenefitsReport.Benefit> register(long organisationId, LocalDate asOf, List<BenefitStatus> statuses) {
        List<BenefitMeasurement> all = benefits.measurements(organisationId, asOf);
        List<BenefitsReport.Benefit> out = new ArrayList<>();
        for (BenefitStatus b : statuses) {
            List<BenefitMeasurement> curve = all.stream().filter(m -> m.benefitId().equals(b.benefitId())).toList();
            String evidence = curve.isEmpty() ? null : curve.get(curve.size() - 1).note();
            out.add(new BenefitsReport.Benefit(b.benefitId(), b.title(), b.owner(), b.measure(), b.unit(),
                    b.direction(), b.cashable(), b.disBenefit(), b.baselineValue(), b.baselineDate(), b.targetValue(),
                    b.targetDate(), b.value(), b.measuredOn(), evidence,
                    BenefitMetrics.progressPercent(b.baselineValue(), b.targetValue(), b.value()), b.rag(), curve));
        }
        return out;
    }

    private static long classCount(Reconciliation rec, String name) {
        return rec.classes().stream().filter(c -> c.name().equals(name)).mapToLong(Reconciliation.ReconciliationClass::count)
                .sum();
    }

    /** part / whole x 100, half-up to 1 decimal; null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
