package io.migrationinsights.web;

import io.migrationinsights.charts.ChartImages;
import io.migrationinsights.charts.EventMarker;
import io.migrationinsights.charts.ReportCharts;
import io.migrationinsights.metrics.BenefitMetrics;
import io.migrationinsights.metrics.BenefitStatus;
import io.migrationinsights.metrics.DecommissioningHistory;
import io.migrationinsights.metrics.DecommissioningMetrics;
import io.migrationinsights.metrics.FinanceLineSaving;
import io.migrationinsights.metrics.GoLive;
import io.migrationinsights.metrics.GoLiveMetrics;
import io.migrationinsights.metrics.MigrationMetrics;
import io.migrationinsights.metrics.MigrationProgress;
import io.migrationinsights.metrics.MigrationTimeline;
import io.migrationinsights.metrics.MonthRegistrations;
import io.migrationinsights.metrics.MonthSaving;
import io.migrationinsights.metrics.MonthTickets;
import io.migrationinsights.metrics.RegistrationMetrics;
import io.migrationinsights.metrics.Savings;
import io.migrationinsights.metrics.SavingsMetrics;
import io.migrationinsights.metrics.ServiceDeskMetrics;
import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.system.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/**
 * The overview of an organisation as of today (UK date): headline figures,
 * charts and the tables under them, all read from the metric services the API
 * uses (nothing is computed here but which months to show).
 */
@ApplicationScoped
class Overview {

    /** A headline figure: label, value as shown, and the RAG word when it is a RAG count. */
    record Figure(String label, String value, String rag) {
    }

    /** A chart drawn inline (SVG) with its data as a table underneath. */
    record Chart(String id, String title, String svg, Table data) {
    }

    /** Everything the page shows. */
    record View(Organisation org, LocalDate asOf, List<Figure> figures, List<Chart> charts, List<Table> tables) {

        /** Every table of the page: under the charts and on their own (the workbook exports). */
        List<Table> allTables() {
            List<Table> all = new ArrayList<>();
            charts.forEach(c -> all.add(c.data()));
            all.addAll(tables);
            return all;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;

    private final MigrationMetrics migration;
    private final RegistrationMetrics registrations;
    private final ServiceDeskMetrics serviceDesk;
    private final SavingsMetrics savings;
    private final BenefitMetrics benefits;
    private final GoLiveMetrics goLive;
    private final DecommissioningHistory burnDown;
    private final DecommissioningMetrics decommissioning;
    private final Clock clock;

    Overview(MigrationMetrics migration, RegistrationMetrics registrations, ServiceDeskMetrics serviceDesk,
             SavingsMetrics savings, BenefitMetrics benefits, GoLiveMetrics goLive, DecommissioningHistory burnDown,
             DecommissioningMetrics decommissioning, Clock clock) {
        this.migration = migration;
        this.registrations = registrations;
        this.serviceDesk = serviceDesk;
        this.savings = savings;
        this.benefits = benefits;
        this.goLive = goLive;
        this.burnDown = burnDown;
        this.decommissioning = decommissioning;
        this.clock = clock;
    }

    View of(Organisation org) {
        String page = Pages.organisation(org.odsCode);
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.UK));
        YearMonth month = YearMonth.from(today);
        MigrationProgress progress = migration.migration(org.id, today);
        MigrationTimeline timeline = migration.timeline(org.id);
        Savings saving = savings.savings(org.id, today);
        List<BenefitStatus> register = benefits.rag(org.id, today);
        LocalDate decommissioningDate = decommissioning.tracker(org.id, today, false).decommissioningDate();

        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Staff in scope", Table.display(progress.inScope()), null));
        figures.add(new Figure("Migrated", Table.display(progress.migrated()), null));
        figures.add(new Figure("Outstanding", Table.display(progress.outstanding()), null));
        figures.add(new Figure("Wash-up outstanding", Table.display(progress.washupOutstanding()), null));
        figures.add(new Figure("Accounts needed next month",
                Table.display(registrations.accountsNeededNextMonth(org.id, month)), null));
        figures.add(new Figure("Net saving to date (GBP)", Table.display(saving.netSaving()), null));
        BenefitMetrics.ragCounts(register).forEach((rag, n) ->
                figures.add(new Figure("Benefits " + rag.name(), Long.toString(n), rag.name())));

        List<EventMarker> events = EventMarker.of(timeline, decommissioningDate);

        List<Chart> charts = new ArrayList<>();
        YearMonth from = month.minusMonths(11);
        List<MonthRegistrations> regs = registrations.registrations(org.id, from, month);
        Table.Builder regTable = Table.on(page, "registrations", "NHSmail accounts per month")
                .columns("Month", "Created", "Registered", "Registered, cumulative");
        regs.forEach(r -> regTable.row(r.month().toString(), r.created(), r.registered(), r.cumulativeRegistered()));
        charts.add(chart("registrations", "NHSmail accounts registered per month, with the cumulative total",
                ReportCharts.registrations(regs, events), regTable.build()));

        Table.Builder dayTable = Table.on(page, "per-day", "Migrations per day: planned and actual")
                .columns("Date", "Planned (appointments)", "Migrated");
        progress.perDay().forEach(d -> dayTable.row(d.date().format(DAY), d.planned(), d.migrated()));
        charts.add(chart("per-day", "Migrations per day, planned against actual",
                ReportCharts.migrationsPerDay(progress.perDay(), events), dayTable.build()));

        charts.add(groupChart(page, "per-site", "Progress per site", "Site", progress.perSite()));
        charts.add(groupChart(page, "per-user-type", "Progress per staff type", "Staff type", progress.perUserType()));

        List<MonthTickets> tickets = serviceDesk.perMonth(org.id, from, month);
        Table.Builder ticketTable = Table.on(page, "tickets", "Service desk tickets per month")
                .columns("Month", "Tickets opened", "Migration related");
        tickets.forEach(t -> ticketTable.row(t.month().toString(), t.opened(), t.migrationRelated()));
        charts.add(chart("tickets", "Service desk tickets per month, go-live marked",
                ReportCharts.ticketsPerMonth(tickets, null, null, null, null, timeline.firstMigrated(),
                        timeline.completionDate(), events), ticketTable.build()));

        List<FinanceLineSaving> lines = savings.byLine(org.id, today);
        YearMonth savingsFrom = lines.stream().filter(l -> "project_cost".equals(l.kind()))
                .map(l -> YearMonth.from(l.startDate())).min(YearMonth::compareTo).orElse(from);
        List<MonthSaving> perMonth = savings.cumulativeByMonth(org.id, savingsFrom.isAfter(month) ? month : savingsFrom,
                today);
        Table.Builder savingTable = Table.on(page, "net-saving", "Cumulative net saving per month (GBP)")
                .columns("Month", "Cumulative net saving (GBP)", "Change in month (GBP)");
        perMonth.forEach(m -> savingTable.row(m.month().toString(), m.netSaving(), m.change()));
        charts.add(chart("net-saving", "Cumulative net saving",
                ReportCharts.cumulativeNetSaving(perMonth, SavingsMetrics.breakEvenMonth(perMonth), events),
                savingTable.build()));

        List<DecommissioningHistory.Point> points = burnDown.history(org.id);
        Table.Builder burnTable = Table.on(page, "burn-down", "Legacy decommissioning burn-down")
                .columns("Imported at (UK)", "Import", "Active user mailboxes");
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK).withZone(ClockProducer.UK);
        points.forEach(p -> burnTable.row(stamp.format(p.importedAt()), p.importId(), p.activeUserMailboxes()));
        charts.add(chart("burn-down", "Legacy decommissioning burn-down: active user mailboxes at each import",
                ReportCharts.burnDown(points, events), burnTable.build()));

        Table.Builder goLiveTable = Table.on(page, "go-live", "Go-live per site: tickets per day before ("
                        + GoLiveMetrics.DEFAULT_BEFORE + " days) and after (" + GoLiveMetrics.DEFAULT_AFTER + " days)")
                .columns("Site", "Go-live", "In scope", "Tickets before", "Tickets after", "Before, per day",
                        "After, per day", "Change (%)", "Migration related after");
        for (GoLive g : goLive.goLive(org.id, GoLiveMetrics.DEFAULT_BEFORE, GoLiveMetrics.DEFAULT_AFTER)) {
            goLiveTable.row(g.site(), g.goLive().format(DAY), g.inScope(), g.ticketsBefore(), g.ticketsAfter(),
                    g.beforePerDay(), g.afterPerDay(), g.changePercent(), g.migrationRelatedAfter());
        }
        return new View(org, today, figures, charts, List.of(goLiveTable.build()));
    }

    private static Chart groupChart(String page, String id, String title, String groupName,
                                    List<MigrationProgress.GroupProgress> groups) {
        Table.Builder table = Table.on(page, id, title).columns(groupName, "In scope", "Migrated", "Outstanding");
        groups.forEach(g -> table.row(g.name(), g.inScope(), g.migrated(), g.inScope() - g.migrated()));
        int height = Math.max(HEIGHT, 90 + 34 * groups.size());
        JFreeChart chart = ReportCharts.groupProgress(title, groups);
        return new Chart(id, title, ChartImages.inlineSvg(chart, WIDTH, height, "chart-" + id, title + ": in scope "
                + "and migrated staff; the figures are in the table below"), table.build());
    }

    private static Chart chart(String id, String title, JFreeChart chart, Table data) {
        return new Chart(id, title, ChartImages.inlineSvg(chart, WIDTH, HEIGHT, "chart-" + id,
                title + "; the figures are in the table below"), data);
    }
}
