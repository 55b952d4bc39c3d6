package io.migrationinsights.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.metrics.BenefitMeasurement;
import io.migrationinsights.metrics.MonthRegistrations;
import io.migrationinsights.metrics.MonthSaving;
import io.migrationinsights.metrics.MonthTickets;
import io.migrationinsights.metrics.ServiceDeskComparison.CategoryComparison;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The report's charts, proved through their datasets and markers, never their pixels. */
class ReportChartsTest {

    static final List<EventMarker> EVENTS = List.of(new EventMarker("Pilot", LocalDate.of(2026, 2, 3)),
            new EventMarker("Go-live", LocalDate.of(2026, 3, 2)), new EventMarker("Wash-up", LocalDate.of(2026, 4, 14)),
            new EventMarker("Decommissioning", LocalDate.of(2026, 6, 30)));

    @Test
    void realisationCurvePlotsEveryMeasurementAgainstTheStraightLinePlan() {
        List<BenefitMeasurement> curve = List.of(
                new BenefitMeasurement("B1", LocalDate.of(2026, 1, 31), new BigDecimal("139"), null),
                new BenefitMeasurement("B1", LocalDate.of(2026, 3, 31), new BigDecimal("488"), "rollout"),
                new BenefitMeasurement("B1", LocalDate.of(2026, 8, 31), new BigDecimal("76"), null));
        JFreeChart chart = ReportCharts.realisation("B1 Fewer calls", "tickets", LocalDate.of(2025, 12, 31),
                new BigDecimal("124.5"), LocalDate.of(2026, 9, 30), new BigDecimal("85"), curve, EVENTS);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(ReportCharts.MEASURED, data.getSeriesKey(0));
        assertEquals(List.of(139.0, 488.0, 76.0), ys(data, 0));
        assertEquals(List.of(millis(2026, 1, 31), millis(2026, 3, 31), millis(2026, 8, 31)), xs(data, 0));
        assertEquals(ReportCharts.PLAN, data.getSeriesKey(1));
        assertEquals(List.of(124.5, 85.0), ys(data, 1));
        assertEquals(List.of(millis(2025, 12, 31), millis(2026, 9, 30)), xs(data, 1));
        assertEquals("B1 Fewer calls", chart.getTitle().getText());
        assertEvents(chart.getXYPlot());
    }

    @Test
    void netSavingMarksZeroAndTheBreakEvenMonth() {
        List<MonthSaving> months = List.of(
                new MonthSaving(YearMonth.of(2025, 10), LocalDate.of(2025, 10, 31), new BigDecimal("-250.00"), null),
                new MonthSaving(YearMonth.of(2025, 11), LocalDate.of(2025, 11, 30), new BigDecimal("0.00"), null),
                new MonthSaving(YearMonth.of(2025, 12), LocalDate.of(2025, 12, 15), new BigDecimal("250.00"), null));
        JFreeChart chart = ReportCharts.cumulativeNetSaving(months, YearMonth.of(2025, 11), EVENTS);
        XYPlot plot = chart.getXYPlot();
        assertEquals(List.of(-250.0, 0.0, 250.0), ys(plot.getDataset(), 0));
        assertEquals(millis(2025, 12, 15), xs(plot.getDataset(), 0).get(2), "the last point is the as-of date");
        ValueMarker zero = (ValueMarker) plot.getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertEquals(0.0, zero.getValue());
        IntervalMarker breakEven = intervals(plot).get(0);
        assertEquals(millis(2025, 11, 1), (long) breakEven.getStartValue());
        assertEquals(millis(2025, 12, 1), (long) breakEven.getEndValue());
        assertEquals("Break-even Nov 2025", breakEven.getLabel());
        assertEvents(plot);
    }

    @Test
    void ticketsPerMonthShadeBothWindowsAndTheMigration() {
        List<MonthTickets> perMonth = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            perMonth.add(new MonthTickets(YearMonth.of(2025, m), 100 + m, m == 8 ? 40 : 0));
        }
        JFreeChart chart = ReportCharts.ticketsPerMonth(perMonth, YearMonth.of(2025, 5), YearMonth.of(2025, 7),
                YearMonth.of(2025, 10), YearMonth.of(2025, 12), LocalDate.of(2025, 8, 4), LocalDate.of(2025, 8, 31),
                EVENTS);
        XYPlot plot = chart.getXYPlot();
        assertEquals(ReportCharts.TICKETS, plot.getDataset().getSeriesKey(0));
        assertEquals(101.0, ys(plot.getDataset(), 0).get(0));
        assertEquals(112.0, ys(plot.getDataset(), 0).get(11));
        assertEquals(40.0, ys(plot.getDataset(), 1).get(7));
        List<IntervalMarker> windows = intervals(plot);
        assertEquals(3, windows.size());
        assertEquals("Baseline May 25 to Jul 25", windows.get(0).getLabel());
        assertEquals(millis(2025, 5, 1), (long) windows.get(0).getStartValue());
        assertEquals(millis(2025, 8, 1), (long) windows.get(0).getEndValue());
        assertEquals("Comparison Oct 25 to Dec 25", windows.get(1).getLabel());
        assertEquals(millis(2026, 1, 1), (long) windows.get(1).getEndValue(), "the window ends with December");
        assertEquals("Migration", windows.get(2).getLabel());
        assertEquals(millis(2025, 9, 1), (long) windows.get(2).getEndValue(), "through the last migration day");
        assertEvents(plot);
    }

    @Test
    void ticketsByCategoryComparesTheTwoWindowsPerCategory() {
        JFreeChart chart = ReportCharts.ticketsByCategory(List.of(
                new CategoryComparison("password_reset", new BigDecimal("36.33"), new BigDecimal("18.33"), null),
                new CategoryComparison("calendar", new BigDecimal("17.67"), new BigDecimal("7.00"), null)));
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        assertEquals(List.of(ReportCharts.BASELINE, ReportCharts.COMPARISON), data.getRowKeys());
        assertEquals(List.of("password_reset", "calendar"), data.getColumnKeys());
        assertEquals(36.33, data.getValue(ReportCharts.BASELINE, "password_reset").doubleValue());
        assertEquals(7.00, data.getValue(ReportCharts.COMPARISON, "calendar").doubleValue());
    }

    @Test
    void registrationsHaveMonthlyBarsAndTheCumulativeLineOnTheirOwnAxis() {
        JFreeChart chart = ReportCharts.registrations(List.of(
                new MonthRegistrations(YearMonth.of(2026, 1), 10, 4, 600),
                new MonthRegistrations(YearMonth.of(2026, 2), 50, 40, 640)), EVENTS);
        XYPlot plot = chart.getXYPlot();
        assertEquals(List.of(4.0, 40.0), ys(plot.getDataset(0), 0));
        assertEquals(List.of(600.0, 640.0), ys(plot.getDataset(1), 0));
        assertEquals(ReportCharts.CUMULATIVE, plot.getDataset(1).getSeriesKey(0));
        assertEquals(plot.getRangeAxis(1), plot.getRangeAxisForDataset(1));
        assertEvents(plot);
    }

    @Test
    void oneDefinitionDrawsAsPngAndSvg() {
        JFreeChart chart = ReportCharts.registrations(List.of(new MonthRegistrations(YearMonth.of(2026, 1), 1, 1, 1),
                new MonthRegistrations(YearMonth.of(2026, 7), 1, 1, 2)), EVENTS);
        byte[] png = ChartImages.png(chart, 400, 200, 1);
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        String svg = ChartImages.svg(chart, 400, 200, "reg");
        assertTrue(svg.startsWith("<?xml") || svg.startsWith("<svg"), svg.substring(0, 40));
        assertTrue(svg.contains("NHSmail accounts registered"));
        assertTrue(svg.contains("Go-live"), "event markers inside the axis range are drawn");
    }

    private static void assertEvents(XYPlot plot) {
        List<ValueMarker> events = new ArrayList<>();
        Collection<?> markers = plot.getDomainMarkers(Layer.FOREGROUND);
        for (Object m : markers) {
            events.add((ValueMarker) m);
        }
        assertEquals(List.of("Pilot", "Go-live", "Wash-up", "Decommissioning"),
                events.stream().map(Marker::getLabel).toList());
        assertEquals(millis(2026, 3, 2), (long) events.get(1).getValue());
    }

    private static List<IntervalMarker> intervals(XYPlot plot) {
        List<IntervalMarker> out = new ArrayList<>();
        Collection<?> markers = plot.getDomainMarkers(Layer.BACKGROUND);
        if (markers != null) {
            for (Object m : markers) {
                out.add((IntervalMarker) m);
            }
        }
        return out;
    }

    private static long millis(int y, int m, int d) {
        return ReportCharts.millis(LocalDate.of(y, m, d));
    }

    private static List<Double> ys(XYDataset data, int series) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(series); i++) {
            out.add(data.getYValue(series, i));
        }
        return out;
    }

    private static List<Long> xs(XYDataset data, int series) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(series); i++) {
            out.add((long) data.getXValue(series, i));
        }
        return out;
    }
}
