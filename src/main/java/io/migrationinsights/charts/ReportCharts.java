package io.migrationinsights.charts;

import io.migrationinsights.documents.ReportFont;
import io.migrationinsights.metrics.BenefitMeasurement;
import io.migrationinsights.metrics.MonthRegistrations;
import io.migrationinsights.metrics.MonthSaving;
import io.migrationinsights.metrics.MonthTickets;
import io.migrationinsights.metrics.DecommissioningHistory;
import io.migrationinsights.metrics.MigrationProgress;
import io.migrationinsights.metrics.ServiceDeskComparison.CategoryComparison;
import io.migrationinsights.system.ClockProducer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The charts of the benefits report, defined once from metric objects: the
 * workbook embeds them as PNG, the PDF draws them as vectors and browser pages
 * can take them as SVG ({@link ChartImages}). Time axes are in UK time and
 * carry the migration's events as vertical markers.
 *
 * <p>Tests read the datasets and markers of the returned charts, never pixels.
 */
public final class ReportCharts {

    public static final String MEASURED = "Measured";
    public static final String PLAN = "Plan (straight line baseline to target)";
    public static final String NET_SAVING = "Cumulative net saving (GBP)";
    public static final String TICKETS = "Tickets opened";
    public static final String MIGRATION_RELATED = "Migration related";
    public static final String BASELINE = "Baseline";
    public static final String COMPARISON = "Comparison";
    public static final String REGISTERED = "Registered in month";
    public static final String CUMULATIVE = "Registered, cumulative";

    static final TimeZone UK = TimeZone.getTimeZone(ClockProducer.UK);
    private static final Color NHS_BLUE = new Color(0, 94, 184);
    private static final Color DARK_BLUE = new Color(0, 48, 135);
    private static final Color GREEN = new Color(0, 150, 57);
    private static final Color ORANGE = new Color(237, 139, 0);
    private static final Color GREY = new Color(118, 134, 146);
    private static final Color EVENT = new Color(125, 85, 199);
    private static final Color NO_PAINT = new Color(255, 255, 255, 0);
    private static final Paint WINDOW = new Color(0, 94, 184, 28);
    private static final Paint WINDOW_2 = new Color(0, 150, 57, 34);
    private static final Paint MIGRATION_WINDOW = new Color(237, 139, 0, 30);

    private ReportCharts() {
    }

    /**
     * A benefit's realisation curve: every measurement to date against the plan,
     * a straight line from (baseline date, baseline value) to (target date,
     * target value).
     */
    public static JFreeChart realisation(String title, String unit, LocalDate baselineDate, BigDecimal baselineValue,
                                         LocalDate targetDate, BigDecimal targetValue, List<BenefitMeasurement> curve,
                                         List<EventMarker> events) {
        TimeSeries measured = new TimeSeries(MEASURED);
        for (BenefitMeasurement m : curve) {
            measured.addOrUpdate(day(m.measuredOn()), m.value());
        }
        TimeSeries plan = new TimeSeries(PLAN);
        plan.addOrUpdate(day(baselineDate), baselineValue);
        plan.addOrUpdate(day(targetDate), targetValue);
        TimeSeriesCollection data = new TimeSeriesCollection(UK);
        data.addSeries(measured);
        data.addSeries(plan);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, unit, data, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, NHS_BLUE);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        r.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        r.setSeriesPaint(1, GREY);
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        r.setSeriesShapesVisible(1, true);
        plot.setRenderer(r);
        style(chart);
        monthAxis(plot);
        events(plot, events);
        return chart;
    }

    /** The cumulative net saving at each month end, with zero, the break-even month and the events marked. */
    public static JFreeChart cumulativeNetSaving(List<MonthSaving> perMonth, YearMonth breakEven,
                                                 List<EventMarker> events) {
        TimeSeries net = new TimeSeries(NET_SAVING);
        for (MonthSaving m : perMonth) {
            net.addOrUpdate(day(m.date()), m.netSaving());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(net, UK);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Cumulative net saving", null, "GBP", data, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, GREEN);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        plot.setRenderer(r);
        style(chart);
        monthAxis(plot);
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.UK));
        ValueMarker zero = new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1f));
        plot.addRangeMarker(zero);
        if (breakEven != null) {
            IntervalMarker be = new IntervalMarker(millis(breakEven.atDay(1)), millis(breakEven.plusMonths(1).atDay(1)),
                    WINDOW_2);
            be.setLabel("Break-even " + breakEven.format(java.time.format.DateTimeFormatter.ofPattern("MMM yyyy",
                    Locale.ENGLISH)));
            be.setLabelFont(ReportFont.awt(Font.PLAIN, 10f));
            be.setLabelBackgroundColor(NO_PAINT);
            be.setLabelAnchor(RectangleAnchor.BOTTOM);
            be.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
            be.setLabelOffset(new RectangleInsets(2, 2, 6, 2));
            plot.addDomainMarker(be, Layer.BACKGROUND);
        }
        events(plot, events);
        return chart;
    }

    /**
     * Tickets opened per month across the baseline and comparison windows (shaded
     * and labelled), the migration window (first to last migrated appointment) and
     * the events marked.
     */
    public static JFreeChart ticketsPerMonth(List<MonthTickets> perMonth, YearMonth baselineFrom, YearMonth baselineTo,
                                             YearMonth comparisonFrom, YearMonth comparisonTo,
                                             LocalDate migrationFrom, LocalDate migrationTo, List<EventMarker> events) {
        TimeSeries opened = new TimeSeries(TICKETS);
        TimeSeries related = new TimeSeries(MIGRATION_RELATED);
        for (MonthTickets m : perMonth) {
            opened.addOrUpdate(month(m.month()), m.opened());
            related.addOrUpdate(month(m.month()), m.migrationRelated());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(UK);
        data.addSeries(opened);
        data.addSeries(related);
        JFreeChart chart = ChartFactory.createXYBarChart("Service desk tickets per month", null, true, "tickets",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        // Side by side: all tickets, and the migration-related ones among them.
        ClusteredXYBarRenderer r = new ClusteredXYBarRenderer(0.15, false);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, NHS_BLUE);
        r.setSeriesPaint(1, ORANGE);
        plot.setRenderer(r);
        style(chart);
        monthAxis(plot);
        if (baselineFrom != null && comparisonFrom != null) { // the overview page shows the months without windows
            window(plot, BASELINE, baselineFrom, baselineTo, WINDOW);
            window(plot, COMPARISON, comparisonFrom, comparisonTo, WINDOW_2);
        }
        if (migrationFrom != null && migrationTo != null) {
            IntervalMarker m = new IntervalMarker(millis(migrationFrom), millis(migrationTo.plusDays(1)),
                    MIGRATION_WINDOW);
            m.setLabel("Migration");
            m.setLabelBackgroundColor(NO_PAINT);
            m.setLabelFont(ReportFont.awt(Font.BOLD, 10f));
            m.setLabelAnchor(RectangleAnchor.TOP);
            m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            m.setLabelOffset(new RectangleInsets(4, 2, 2, 2));
            plot.addDomainMarker(m, Layer.BACKGROUND);
        }
        events(plot, events);
        return chart;
    }

    /** Tickets a month by category, baseline window against comparison window. */
    public static JFreeChart ticketsByCategory(List<CategoryComparison> byCategory) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CategoryComparison c : byCategory) {
            data.addValue(c.baselinePerMonth(), BASELINE, c.category());
            data.addValue(c.comparisonPerMonth(), COMPARISON, c.category());
        }
        JFreeChart chart = ChartFactory.createBarChart("Tickets a month by category", null, "tickets a month", data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setSeriesPaint(0, NHS_BLUE);
        r.setSeriesPaint(1, GREEN);
        style(chart);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        axis.setTickLabelFont(ReportFont.awt(Font.PLAIN, 10f));
        return chart;
    }

    /** NHSmail accounts registered per month (bars) and cumulatively (line, right axis). */
    public static JFreeChart registrations(List<MonthRegistrations> perMonth, List<EventMarker> events) {
        TimeSeries registered = new TimeSeries(REGISTERED);
        TimeSeries cumulative = new TimeSeries(CUMULATIVE);
        for (MonthRegistrations m : perMonth) {
            registered.addOrUpdate(month(m.month()), m.registered());
            cumulative.addOrUpdate(month(m.month()), m.cumulativeRegistered());
        }
        JFreeChart chart = ChartFactory.createXYBarChart("NHSmail accounts registered", null, true, "per month",
                new TimeSeriesCollection(registered, UK), PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer bars = (XYBarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setMargin(0.2);
        bars.setSeriesPaint(0, NHS_BLUE);
        NumberAxis right = new NumberAxis("cumulative");
        plot.setRangeAxis(1, right);
        plot.setDataset(1, new TimeSeriesCollection(cumulative, UK));
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, DARK_BLUE);
        line.setSeriesStroke(0, new BasicStroke(2.2f));
        line.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        plot.setRenderer(1, line);
        style(chart);
        monthAxis(plot);
        events(plot, events);
        return chart;
    }

    public static final String PLANNED = "Planned (appointments)";
    public static final String MIGRATED = "Migrated";
    public static final String IN_SCOPE = "In scope";
    public static final String ACTIVE_MAILBOXES = "Active user mailboxes";

    /** Appointments planned and migrated per day, side by side, with the events marked. */
    public static JFreeChart migrationsPerDay(List<MigrationProgress.DayCount> perDay, List<EventMarker> events) {
        TimeSeries planned = new TimeSeries(PLANNED);
        TimeSeries migrated = new TimeSeries(MIGRATED);
        for (MigrationProgress.DayCount d : perDay) {
            planned.addOrUpdate(day(d.date()), d.planned());
            migrated.addOrUpdate(day(d.date()), d.migrated());
        }
        TimeSeriesCollection data = new TimeSeriesCollection(UK);
        data.addSeries(planned);
        data.addSeries(migrated);
        JFreeChart chart = ChartFactory.createXYBarChart("Migrations per day: planned and actual", null, true,
                "appointments", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ClusteredXYBarRenderer r = new ClusteredXYBarRenderer(0.1, false);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, GREY);
        r.setSeriesPaint(1, GREEN);
        plot.setRenderer(r);
        style(chart);
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(UK);
        SimpleDateFormat format = new SimpleDateFormat("d MMM", Locale.ENGLISH);
        format.setTimeZone(UK);
        axis.setDateFormatOverride(format);
        events(plot, events);
        return chart;
    }

    /** In-scope and migrated staff per group (site, business unit, user type), as horizontal bars. */
    public static JFreeChart groupProgress(String title, List<MigrationProgress.GroupProgress> groups) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (MigrationProgress.GroupProgress g : groups) {
            data.addValue(g.inScope(), IN_SCOPE, g.name());
            data.addValue(g.migrated(), MIGRATED, g.name());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "staff", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setSeriesPaint(0, GREY);
        r.setSeriesPaint(1, GREEN);
        style(chart);
        plot.getDomainAxis().setTickLabelFont(ReportFont.awt(Font.PLAIN, 10f));
        return chart;
    }

    /** The legacy burn-down: active user mailboxes in each legacy-accounts import, as a stepped line. */
    public static JFreeChart burnDown(List<DecommissioningHistory.Point> points, List<EventMarker> events) {
        TimeSeries active = new TimeSeries(ACTIVE_MAILBOXES);
        for (DecommissioningHistory.Point p : points) {
            active.addOrUpdate(new org.jfree.data.time.Millisecond(java.util.Date.from(p.importedAt()), UK,
                    Locale.UK), p.activeUserMailboxes());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Legacy decommissioning burn-down", null, "mailboxes",
                new TimeSeriesCollection(active, UK), true, false, false);
        XYPlot plot = chart.getXYPlot();
        org.jfree.chart.renderer.xy.XYStepRenderer r = new org.jfree.chart.renderer.xy.XYStepRenderer();
        r.setSeriesPaint(0, ORANGE);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        r.setDefaultShapesVisible(true);
        plot.setRenderer(r);
        style(chart);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        events(plot, events);
        return chart;
    }

    /** Milliseconds of the start of a UK day: how dates sit on the time axes. */
    public static long millis(LocalDate date) {
        return date.atStartOfDay(ClockProducer.UK).toInstant().toEpochMilli();
    }

    private static Day day(LocalDate d) {
        return new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    private static Month month(YearMonth m) {
        return new Month(m.getMonthValue(), m.getYear());
    }

    private static void window(XYPlot plot, String label, YearMonth from, YearMonth to, Paint paint) {
        IntervalMarker m = new IntervalMarker(millis(from.atDay(1)), millis(to.plusMonths(1).atDay(1)), paint);
        m.setLabel(label + " " + from.format(java.time.format.DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH))
                + " to " + to.format(java.time.format.DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH)));
        m.setLabelFont(ReportFont.awt(Font.BOLD, 10f));
        m.setLabelBackgroundColor(NO_PAINT);
        m.setLabelAnchor(RectangleAnchor.TOP);
        m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
        m.setLabelOffset(new RectangleInsets(4, 2, 2, 2));
        plot.addDomainMarker(m, Layer.BACKGROUND);
    }

    /** One vertical line per event; labels alternate in height so that neighbours do not overlap. */
    private static void events(XYPlot plot, List<EventMarker> events) {
        int i = 0;
        for (EventMarker e : events) {
            ValueMarker m = new ValueMarker(millis(e.date()), EVENT, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            m.setLabel(e.name());
            m.setLabelFont(ReportFont.awt(Font.PLAIN, 9.5f));
            m.setLabelPaint(EVENT);
            m.setLabelBackgroundColor(NO_PAINT);
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(18 + 12 * (i % 3), 3, 2, 2));
            plot.addDomainMarker(m, Layer.FOREGROUND);
            i++;
        }
    }

    private static void monthAxis(XYPlot plot) {
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(UK);
        axis.setLocale(Locale.UK);
        SimpleDateFormat format = new SimpleDateFormat("MMM yy", Locale.ENGLISH);
        format.setTimeZone(UK);
        axis.setDateFormatOverride(format);
        long span = (long) (axis.getRange().getLength() / (86_400_000L * 30));
        axis.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, span > 18 ? 3 : span > 9 ? 2 : 1));
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
    }

    /** Fonts (the embedded Liberation Sans), colours and backgrounds shared by every chart. */
    private static void style(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("Migration Insights");
        theme.setExtraLargeFont(ReportFont.awt(Font.BOLD, 15f));
        theme.setLargeFont(ReportFont.awt(Font.BOLD, 12f));
        theme.setRegularFont(ReportFont.awt(Font.PLAIN, 11f));
        theme.setSmallFont(ReportFont.awt(Font.PLAIN, 10f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(225, 228, 232));
        theme.setRangeGridlinePaint(new Color(225, 228, 232));
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        // apply() resets renderer painters and series paints on some renderers: keep ours
        java.util.Map<Integer, Paint> keep = new java.util.HashMap<>();
        if (chart.getPlot() instanceof XYPlot xy) {
            for (int d = 0; d < xy.getRendererCount(); d++) {
                for (int s = 0; s < 4; s++) {
                    if (xy.getRenderer(d) != null && xy.getRenderer(d).getSeriesPaint(s) != null) {
                        keep.put(d * 10 + s, xy.getRenderer(d).getSeriesPaint(s));
                    }
                }
            }
            theme.apply(chart);
            keep.forEach((k, p) -> xy.getRenderer(k / 10).setSeriesPaint(k % 10, p));
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            for (int s = 0; s < 4; s++) {
                if (cat.getRenderer().getSeriesPaint(s) != null) {
                    keep.put(s, cat.getRenderer().getSeriesPaint(s));
                }
            }
            theme.apply(chart);
            keep.forEach((k, p) -> cat.getRenderer().setSeriesPaint(k, p));
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        // Tick labels in UK style whatever the JVM's locale (JFreeChart's default follows it).
        if (chart.getPlot() instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                ukNumbers(xy.getRangeAxis(i));
            }
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            ukNumbers(cat.getRangeAxis());
        }
    }

    private static void ukNumbers(org.jfree.chart.axis.ValueAxis axis) {
        if (axis instanceof NumberAxis n && n.getNumberFormatOverride() == null) {
            n.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.UK));
        }
    }
}
