package io.migrationinsights.returns;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportLedger;
import io.migrationinsights.ingest.ImportLedger.ImportSource;
import io.migrationinsights.metrics.MigrationMetrics;
import io.migrationinsights.metrics.MigrationProgress;
import io.migrationinsights.metrics.MonthRegistrations;
import io.migrationinsights.metrics.RegistrationMetrics;
import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.Downloads;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monthly return: drafts computed from today's data, finalised versions
 * frozen in the database, revisions with a reason.
 *
 * <p>The figures come from {@link RegistrationMetrics} and {@link MigrationMetrics}
 * only, so the return can never disagree with the metrics API; when the data
 * was imported comes from the {@link ImportLedger}. This package reads only
 * its own tables (return_version, return_figure).
 */
@ApplicationScoped
public class ReturnService {

    private final OrganisationRepository organisations;
    private final RegistrationMetrics registrations;
    private final MigrationMetrics migration;
    private final ReturnVersionRepository versions;
    private final ReturnChecks checks;
    private final ImportLedger ledger;
    private final Clock clock;
    private final AuditLog audit;
    private final DueDates dueDates;
    private final ReturnNoticeRepository notices;
    private final Event<ReturnSealed> sealed;
    private final Event<ReturnNoticeRecorded> noticed;

    ReturnService(OrganisationRepository organisations, RegistrationMetrics registrations, MigrationMetrics migration,
                  ReturnVersionRepository versions, ReturnChecks checks, ImportLedger ledger, Clock clock,
                  AuditLog audit, DueDates dueDates, ReturnNoticeRepository notices, Event<ReturnSealed> sealed,
                  Event<ReturnNoticeRecorded> noticed) {
        this.audit = audit;
        this.dueDates = dueDates;
        this.notices = notices;
        this.sealed = sealed;
        this.noticed = noticed;
        this.organisations = organisations;
        this.registrations = registrations;
        this.migration = migration;
        this.versions = versions;
        this.checks = checks;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * One version or the draft, rendered.
     *
     * @param workbook        the workbook bytes: stored ones for a final version
     * @param finalisedBy     the service user who finalised; null for a draft (kept out of the workbook)
     */
    public record Rendered(ReturnDocument document, byte[] workbook, String workbookSha256, String finalisedBy,
                           Instant finalisedAt) {

        public boolean isFinal() {
            return document.isFinal();
        }
    }

    /**
     * One line of {@code GET returns}.
     *
     * @param dueDate the Nth working day after the period (insights.returns.due-working-day, CONTRACT section 8)
     * @param notices what the scheduled job recorded for the period: the draft when the month had ended
     *                ({@code ready}) and the reminder before the due date
     */
    public record Listed(@Schema(implementation = YearMonth.class) String period, String status, int version, String sha256, String workbookSha256,
                         Instant finalisedAt, String finalisedBy, boolean revised, String revisionReason,
                         List<VersionSummary> versions, LocalDate dueDate, List<NoticeSummary> notices) {
    }

    /**
     * A notice of the scheduled job: the draft's figures as recorded (SHA-256 of their canonical CSV) and
     * how many recipients were mailed.
     */
    public record NoticeSummary(@Schema(enumeration = {"ready", "reminder"}) String kind, Instant recordedAt,
                                LocalDate dueDate, String figuresSha256, int recipients) {
    }

    /** One finalised version in a period's history. */
    public record VersionSummary(int version, String sha256, String workbookSha256, Instant finalisedAt,
                                 String finalisedBy, String revisionReason) {
    }

    /**
     * Plain GET: the requested final version, else the latest final version,
     * else (or when {@code draft}) a draft from today's data.
     */
    @Transactional
    public Rendered get(String ods, YearMonth period, Integer version, boolean draft) {
        Organisation org = organisations.require(ods);
        if (version != null) {
            ReturnVersion v = versions.version(org.id, period.toString(), version).orElseThrow(() ->
                    ProblemException.notFound("The return of " + ods + " for " + period + " has no final version "
                            + version + "."));
            return frozen(org, v);
        }
        Optional<ReturnVersion> latest = versions.latest(org.id, period.toString());
        if (latest.isPresent() && !draft) {
            return frozen(org, latest.get());
        }
        ReturnDocument doc = draft(org, period, latest);
        byte[] bytes = ReturnWorkbook.render(doc);
        return new Rendered(doc, bytes, Sha256.of(bytes), null, null);
    }

    /**
     * Freezes version 1: 409 when a final version exists, the month has not ended yet (UK date) or the
     * checks find errors.
     */
    @Transactional
    public Rendered finalise(String ods, YearMonth period, String user) {
        Organisation org = organisations.requireLocked(ods);
        LocalDate today = LocalDate.now(clock); // the service's clock is in UK time (ClockProducer)
        if (period.atEndOfMonth().isAfter(today)) {
            DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
            throw ProblemException.conflict("The return of " + ods + " for " + period + " cannot be finalised before "
                    + "the month has ended: its last day is " + day.format(period.atEndOfMonth()) + " and today is "
                    + day.format(today) + " (UK). Check the draft now; finalise it from "
                    + day.format(period.plusMonths(1).atDay(1)) + " (it is due on " + day.format(dueDates.due(period))
                    + ").");
        }
        Optional<ReturnVersion> latest = versions.latest(org.id, period.toString());
        if (latest.isPresent()) {
            throw ProblemException.conflict("The return of " + ods + " for " + period + " was already finalised as version "
                    + latest.get().version + " on " + latest.get().finalisedAt + ". To change it, revise it with a reason.");
        }
        return audited(AuditAction.RETURN_FINALISE, ods, store(org, draft(org, period, latest), user, null), user);
    }

    /** Freezes version N+1 from today's data, marked Revised with the reason. */
    @Transactional
    public Rendered revise(String ods, YearMonth period, String reason, String user) {
        Organisation org = organisations.requireLocked(ods);
        Optional<ReturnVersion> latest = versions.latest(org.id, period.toString());
        if (latest.isEmpty()) {
            throw ProblemException.conflict("The return of " + ods + " for " + period
                    + " has not been finalised yet: finalise it first; a revision replaces a final version.");
        }
        return audited(AuditAction.RETURN_REVISE, ods, store(org, draft(org, period, latest), user, reason), user);
    }

    /** The audit line of a finalise or revise, in its transaction (the reason is free text and stays out). */
    private Rendered audited(AuditAction action, String ods, Rendered r, String user) {
        audit.recordAs(user, action, ods, "period=" + r.document().figures().period() + " version="
                + r.document().version(), "stored");
        return r;
    }

    /**
     * The roll-up of one period across organisations (CONTRACT section 4): each
     * organisation's latest final version, or else its draft from today's data,
     * and the total of each code over them. The caller has already narrowed
     * {@code organisations} to those it may see.
     */
    @Transactional
    public RollUp rollUp(YearMonth period, List<Organisation> organisations) {
        List<RollUp.Line> lines = new ArrayList<>();
        Map<String, Long> total = new LinkedHashMap<>();
        for (ReturnCode code : ReturnCode.values()) {
            total.put(code.name(), 0L);
        }
        for (Organisation org : organisations) {
            Optional<ReturnVersion> latest = versions.latest(org.id, period.toString());
            RollUp.Line line = latest.map(v -> new RollUp.Line(org.odsCode, org.name, "final", v.version,
                            frozenFigures(org, v).byCode()))
                    .orElseGet(() -> new RollUp.Line(org.odsCode, org.name, "draft", 1,
                            figures(org, period).byCode()));
            line.figures().forEach((code, value) -> total.merge(code, value, Long::sum));
            lines.add(line);
        }
        return new RollUp(period.toString(), lines, total);
    }

    /** Finalised periods (latest version and history) and the migration months still in draft. */
    @Transactional
    public List<Listed> list(String ods) {
        Organisation org = organisations.require(ods);
        Map<String, List<ReturnVersion>> finals = new TreeMap<>();
        for (ReturnVersion v : versions.all(org.id)) {
            finals.computeIfAbsent(v.period, k -> new ArrayList<>()).add(v);
        }
        Map<String, Listed> out = new TreeMap<>();
        finals.forEach((period, history) -> {
            ReturnVersion last = history.get(history.size() - 1);
            out.put(period, new Listed(period, "final", last.version, last.figuresSha256, last.workbookSha256,
                    last.finalisedAt, last.finalisedBy, last.version > 1, last.revisionReason,
                    history.stream().map(v -> new VersionSummary(v.version, v.figuresSha256, v.workbookSha256,
                            v.finalisedAt, v.finalisedBy, v.revisionReason)).toList(),
                    dueDates.due(YearMonth.parse(period)), new ArrayList<>()));
        });
        Map<String, List<NoticeSummary>> noticed = new TreeMap<>();
        for (ReturnNotice n : notices.all(org.id)) {
            noticed.computeIfAbsent(n.period, k -> new ArrayList<>()).add(new NoticeSummary(n.kind, n.recordedAt,
                    n.dueDate, n.figuresSha256, n.recipients));
        }
        List<YearMonth> drafts = new ArrayList<>(migration.appointmentMonths(org.id));
        noticed.keySet().forEach(p -> drafts.add(YearMonth.parse(p)));
        for (YearMonth month : drafts) {
            out.computeIfAbsent(month.toString(), p -> new Listed(p, "draft", 1, figures(org, month).sha256(),
                    null, null, null, false, null, List.of(), dueDates.due(month), new ArrayList<>()));
        }
        noticed.forEach((period, list) -> out.get(period).notices().addAll(list));
        return new ArrayList<>(out.values());
    }

    private Rendered store(Organisation org, ReturnDocument draft, String user, String reason) {
        if (draft.hasErrors()) {
            List<ReturnCheck> errors = draft.checks().stream().filter(ReturnCheck::isError).toList();
            throw new ProblemException(409, "The return has errors",
                    "The return of " + org.odsCode + " for " + draft.figures().period() + " cannot be finalised: "
                            + String.join(" ", errors.stream().map(ReturnCheck::message).toList()), errors);
        }
        // Both databases keep microseconds: the answer, the workbook and every later read show the same instant.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ReturnDocument doc = new ReturnDocument(org.name, draft.figures(), true, draft.version(), now,
                draft.dataAsAt(), reason != null, reason, draft.checks(), draft.sources());
        byte[] bytes = ReturnWorkbook.render(doc);
        ReturnVersion v = new ReturnVersion();
        v.organisationId = org.id;
        v.period = doc.figures().period().toString();
        v.version = doc.version();
        v.figuresSha256 = doc.figures().sha256();
        v.workbook = bytes;
        v.workbookSha256 = Sha256.of(bytes);
        v.checks = ReturnCheck.store(doc.checks());
        v.dataAsAt = doc.dataAsAt();
        v.finalisedBy = user;
        v.finalisedAt = now;
        v.revisionReason = reason;
        v.figures = new LinkedHashMap<>(doc.figures().byCode());
        doc.sources().forEach(src -> v.sources.add(ReturnSource.of(src)));
        versions.persist(v);
        sealed.fire(new ReturnSealed(org.odsCode, org.name, doc.figures().period(), v.version, reason != null,
                v.figuresSha256, bytes, Downloads.fileName("return-" + org.odsCode + "-" + v.period + "-v" + v.version)
                + ".xlsx", dueDates.due(doc.figures().period()), List.copyOf(org.returnRecipients)));
        return new Rendered(doc, bytes, v.workbookSha256, user, now);
    }

    /**
     * The scheduled job's work for one organisation, in the caller's transaction: records the notices that
     * are due by {@code today} for the period and not recorded yet (none once the period is final), and fires
     * one event per notice, which mails after commit. The organisation's row is locked first, so two instances
     * (or a finalise) take turns; the unique (organisation, period, kind) of return_notice backs it up.
     */
    List<ReturnNotice.Kind> recordNotices(String ods, YearMonth period, LocalDate today) {
        Organisation org = organisations.requireLocked(ods);
        String p = period.toString();
        if (versions.latest(org.id, p).isPresent()) {
            return List.of();
        }
        LocalDate due = dueDates.due(period);
        List<ReturnNotice.Kind> kinds = new ArrayList<>();
        if (!today.isBefore(dueDates.ready(period)) && notices.find(org.id, p, ReturnNotice.Kind.READY).isEmpty()) {
            kinds.add(ReturnNotice.Kind.READY);
        }
        if (!today.isBefore(dueDates.reminder(period)) && !today.isAfter(due)
                && notices.find(org.id, p, ReturnNotice.Kind.REMINDER).isEmpty()) {
            kinds.add(ReturnNotice.Kind.REMINDER);
        }
        if (kinds.isEmpty()) {
            return kinds;
        }
        ReturnFigures figures = figures(org, period);
        List<String> to = List.copyOf(org.returnRecipients);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        for (ReturnNotice.Kind kind : kinds) {
            ReturnNotice n = new ReturnNotice();
            n.organisationId = org.id;
            n.period = p;
            n.kind = kind.column();
            n.dueDate = due;
            n.figuresSha256 = figures.sha256();
            n.figures = figures.canonicalCsv();
            n.recipients = to.size();
            n.recordedAt = now;
            notices.persist(n);
            noticed.fire(new ReturnNoticeRecorded(org.odsCode, org.name, period, kind, due, figures.sha256(), to));
        }
        notices.flush();
        return kinds;
    }

    private static ReturnFigures frozenFigures(Organisation org, ReturnVersion v) {
        Map<ReturnCode, Long> values = new EnumMap<>(ReturnCode.class);
        v.figures.forEach((code, value) -> values.put(ReturnCode.valueOf(code), value));
        return new ReturnFigures(org.odsCode, YearMonth.parse(v.period), values);
    }

    private Rendered frozen(Organisation org, ReturnVersion v) {
        ReturnFigures figures = frozenFigures(org, v);
        // JSON shows today's name; the frozen workbook keeps the name it was sent with.
        ReturnDocument doc = new ReturnDocument(org.name, figures, true, v.version, v.finalisedAt, v.dataAsAt,
                v.version > 1, v.revisionReason, ReturnCheck.load(v.checks), ReturnSource.load(v.sources));
        return new Rendered(doc, v.workbook, v.workbookSha256, v.finalisedBy, v.finalisedAt);
    }

    private ReturnDocument draft(Organisation org, YearMonth period, Optional<ReturnVersion> latest) {
        ReturnFigures figures = figures(org, period);
        Map<ImportKind, Instant> imports = ledger.latestImports(org.id, ImportKind.RETURN_KINDS);
        Instant dataAsAt = imports.values().stream().max(Instant::compareTo).orElse(null);
        List<ImportSource> sources = ledger.latest(org.id,
                ImportKind.RETURN_KINDS.stream().map(ImportKind::urlName).toList());
        List<ReturnCheck> found = checks.check(org.id, figures, imports.keySet(), latest);
        int version = latest.map(v -> v.version + 1).orElse(1);
        return new ReturnDocument(org.name, figures, false, version, dataAsAt, dataAsAt, latest.isPresent(), null,
                found, sources);
    }

    /** The nine figures, read from the metrics package (CONTRACT section 5). */
    private ReturnFigures figures(Organisation org, YearMonth period) {
        MonthRegistrations regs = registrations.registrations(org.id, period);
        MigrationProgress progress = migration.migration(org.id, period.atEndOfMonth());
        Map<ReturnCode, Long> values = new EnumMap<>(ReturnCode.class);
        values.put(ReturnCode.ACC_CREATED, regs.created());
        values.put(ReturnCode.ACC_REGISTERED, regs.registered());
        values.put(ReturnCode.ACC_REGISTERED_CUMULATIVE, regs.cumulativeRegistered());
        values.put(ReturnCode.ACC_NEEDED_NEXT_MONTH, registrations.accountsNeededNextMonth(org.id, period));
        values.put(ReturnCode.STAFF_IN_SCOPE, progress.inScope());
        values.put(ReturnCode.STAFF_MIGRATED_CUMULATIVE, progress.migrated());
        values.put(ReturnCode.STAFF_OUTSTANDING, progress.outstanding());
        values.put(ReturnCode.WASHUP_UNAVAILABLE, progress.unavailableOnDesignatedDay());
        values.put(ReturnCode.WASHUP_MIGRATED, progress.washupMigrated());
        return new ReturnFigures(org.odsCode, period, values);
    }
}
