package io.migrationinsights.benefits;

import io.migrationinsights.charts.ReportCharts;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * Which charts a benefits report shows, in order, each with the file name it
 * has in the samples: one realisation curve per benefit and dis-benefit, then
 * savings, service desk (two) and migration. The workbook, the PDF and the
 * sample generator all take their charts from here.
 */
final class ReportChartSet {

    /** A chart of the report, named for files ({@code realisation-B01}, {@code net-saving}, ...). */
    record NamedChart(String name, String section, JFreeChart chart) {
    }

    static final String SAVINGS = "Savings";
    static final String SERVICE_DESK = "Service desk";
    static final String MIGRATION = "Migration";
    static final String CURVES = "Realisation curves";

    private ReportChartSet() {
    }

    static List<NamedChart> of(BenefitsReport r) {
        List<NamedChart> out = new ArrayList<>();
        for (BenefitsReport.Benefit b : r.benefits()) {
            out.add(new NamedChart("realisation-" + fileSafe(b.benefitId()), CURVES, realisation(r, b)));
        }
        out.add(new NamedChart("net-saving", SAVINGS, ReportCharts.cumulativeNetSaving(r.savingsDetail().perMonth(),
                r.savingsDetail().breakEvenMonth(), r.events())));
        BenefitsReport.ServiceDesk d = r.serviceDesk();
        out.add(new NamedChart("tickets-per-month", SERVICE_DESK, ReportCharts.ticketsPerMonth(d.perMonth(),
                d.baselineFrom(), d.baselineTo(), d.comparisonFrom(), d.comparisonTo(), r.firstMigratedDate(),
                r.completionDate(), r.events())));
        out.add(new NamedChart("tickets-by-category", SERVICE_DESK, ReportCharts.ticketsByCategory(d.byCategory())));
        out.add(new NamedChart("registrations", MIGRATION, ReportCharts.registrations(r.registrations(), r.events())));
        return out;
    }

    static JFreeChart realisation(BenefitsReport r, BenefitsReport.Benefit b) {
        String title = b.benefitId() + " " + b.title() + (b.disBenefit() ? " (dis-benefit)" : "");
        return ReportCharts.realisation(title, b.unit(), b.baselineDate(), b.baselineValue(), b.targetDate(),
                b.targetValue(), b.curve(), r.events());
    }

    /** Benefit ids are the register's own text: keep letters, digits, '-' and '_' for a file name. */
    static String fileSafe(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
