package io.migrationinsights.benefits;

import io.migrationinsights.charts.ChartImages;
import io.migrationinsights.documents.CellText;
import io.migrationinsights.documents.SourcesTable;
import io.migrationinsights.documents.StableZip;
import io.migrationinsights.documents.WorkbookStyles;
import io.migrationinsights.metrics.BenefitMeasurement;
import io.migrationinsights.metrics.BenefitStatus.Rag;
import io.migrationinsights.metrics.FinanceLineSaving;
import io.migrationinsights.metrics.MonthRegistrations;
import io.migrationinsights.metrics.MonthSaving;
import io.migrationinsights.metrics.MonthTickets;
import io.migrationinsights.metrics.Savings;
import io.migrationinsights.metrics.ServiceDeskComparison.CategoryComparison;
import io.migrationinsights.system.ClockProducer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the benefits report workbook from the content model: sheets
 * {@code Summary}, {@code Benefits}, {@code Dis-benefits}, {@code Measurements},
 * {@code Savings}, {@code Service desk} and {@code Migration}, each with its
 * charts as pictures.
 *
 * <p>Safe: every text from uploads (organisation name, benefit register,
 * finance descriptions, measurement notes, the revision reason) is a
 * quote-prefixed string cell neutralised by {@link CellText}; numbers and dates
 * are numeric cells. Aggregates only. Deterministic like the monthly return:
 * fixed widths, pinned document properties, fixed zip times ({@link StableZip}).
 */
final class BenefitsReportWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String SUMMARY = "Summary";
    static final String BENEFITS = "Benefits";
    static final String DIS_BENEFITS = "Dis-benefits";
    static final String MEASUREMENTS = "Measurements";
    static final String SAVINGS = "Savings";
    static final String SERVICE_DESK = "Service desk";
    static final String MIGRATION = "Migration";

    static final DateTimeFormatter UK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ClockProducer.UK);
    /** Chart pictures: drawn at this size in points, at twice the resolution. */
    private static final int CHART_W = 760;
    private static final int CHART_H = 360;

    private BenefitsReportWorkbook() {
    }

    static byte[] render(BenefitsReport r) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(256 * 1024);
        List<ReportChartSet.NamedChart> charts = ReportChartSet.of(r);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles s = new Styles(wb);
            summary(wb.createSheet(SUMMARY), r, s);
            register(wb.createSheet(BENEFITS), r, r.positiveBenefits(), "Benefits register", s);
            register(wb.createSheet(DIS_BENEFITS), r, r.disBenefits(),
                    "Dis-benefits (shown on their own, never netted against the benefits)", s);
            measurements(wb, wb.createSheet(MEASUREMENTS), r, charts, s);
            savings(wb, wb.createSheet(SAVINGS), r, charts, s);
            serviceDesk(wb, wb.createSheet(SERVICE_DESK), r, charts, s);
            migration(wb, wb.createSheet(MIGRATION), r, charts, s);
            for (Sheet sheet : wb) {
                sheet.getPrintSetup().setLandscape(true);
                sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
                sheet.getPrintSetup().setFitWidth((short) 1);
                sheet.getPrintSetup().setFitHeight((short) 0);
                sheet.setFitToPage(true);
                sheet.getHeader().setCenter(CellText.neutralise(r.organisationName()).replace("&", "&&") + " - "
                        + BenefitsReportPdf.statusLabel(r));
                sheet.getFooter().setCenter("Page &P of &N");
            }
            wb.setActiveSheet(0);
            properties(wb, r);
            wb.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.size());
        StableZip.copy(raw.toByteArray(), out);
        return out.toByteArray();
    }

    private static void summary(Sheet sheet, BenefitsReport r, Styles s) {
        sheet.setColumnWidth(0, 44 * 256);
        sheet.setColumnWidth(1, 26 * 256);
        sheet.setColumnWidth(2, 16 * 256);
        sheet.setColumnWidth(3, 24 * 256);
        sheet.setColumnWidth(4, 70 * 256);
        Rows w = new Rows(sheet);
        w.text(0, BenefitsReportPdf.title(r), s.title);
        w.next();
        w.text(0, "Aggregate figures only: this workbook holds no names, staff ids or email addresses.", s.note);
        w.next();
        if (r.status() == BenefitsReport.Status.PROVISIONAL) {
            w.text(0, BenefitsReportPdf.provisionalNotice(r), s.warning);
            w.next();
        }
        w.next();
        w.pair("Organisation", CellText.neutralise(r.organisationName()), s.userText, s);
        w.pair("ODS code", r.odsCode(), s.text, s);
        w.pairDate("Migration completion date (last migrated appointment)", r.completionDate(), s);
        w.pairDate("Report date (completion + " + r.months() + " months)", r.reportDate(), s);
        w.pairDate("Figures as of", r.asOf(), s);
        w.pair("Status", r.status().label().toUpperCase(Locale.ROOT), s.status, s);
        w.pairNumber("Version", r.version(), s.integerLeft, s);
        w.pair("Prepared at", preparedAt(r), s.text, s);
        w.pair("Revised", r.revised() ? (r.isFinal() ? "Yes: revises version " + (r.version() - 1)
                : "Draft of a revision: version " + (r.version() - 1) + " is the latest final") : "No: first issue",
                s.text, s);
        if (r.revised() && r.isFinal()) {
            w.pair("Reason for revision", CellText.neutralise(r.revisionReason()), s.userText, s);
        }
        w.next();
        w.text(0, "Key figures", s.header);
        w.text(1, "Value", s.headerRight);
        w.next();
        BenefitsReport.Migration m = r.migration();
        w.pairNumber("Staff in scope", m.inScope(), s.integer, s);
        w.pairNumber("Staff migrated", m.migrated(), s.integer, s);
        w.pairDecimal("Staff migrated (% of in scope)", m.migratedPercent(), s.percent, s);
        w.pairNumber("Active staff", m.activeStaff(), s.integer, s);
        w.pairNumber("Active staff on NHSmail (registered account)", m.onNhsmail(), s.integer, s);
        w.pairDecimal("Share on NHSmail (% of active staff)", m.onNhsmailPercent(), s.percent, s);
        Savings sv = r.savings();
        w.pairDecimal("Net saving (GBP)", sv.netSaving(), s.money, s);
        w.pairDecimal("  of which cashable", sv.cashable().netSaving(), s.money, s);
        w.pairDecimal("  of which non-cashable", sv.nonCashable().netSaving(), s.money, s);
        w.pairDecimal("Cost avoided (GBP)", sv.costAvoided(), s.money, s);
        w.pairDecimal("Legacy running cost saved (GBP)", sv.legacyRunningSaved(), s.money, s);
        w.pairDecimal("Project cost (GBP)", sv.projectCost(), s.money, s);
        w.pairDecimal("New running cost (GBP)", sv.newRunningCost(), s.money, s);
        w.pair("Break-even month", r.savingsDetail().breakEvenMonth() == null ? "not reached"
                : r.savingsDetail().breakEvenMonth().toString(), s.text, s);
        BenefitsReport.ServiceDesk d = r.serviceDesk();
        w.pairDecimal("Tickets a month, baseline " + d.baselineFrom() + " to " + d.baselineTo(), d.baselinePerMonth(),
                s.decimal, s);
        w.pairDecimal("Tickets a month, comparison " + d.comparisonFrom() + " to " + d.comparisonTo(),
                d.comparisonPerMonth(), s.decimal, s);
        w.pairDecimal("Reduction in tickets a month (%)", d.reductionPercent(), s.percent, s);
        w.pairDate("Legacy decommissioning date", r.decommissioning().date(), s);
        w.pairNumber("Active user mailboxes left on the legacy server", r.decommissioning().activeUserMailboxesLeft(),
                s.integer, s);
        for (Rag rag : Rag.values()) {
            w.pairNumber("Benefits rated " + rag.name(), r.ragCounts().get(rag), s.integer, s);
        }
        w.pairNumber("Dis-benefits", r.disBenefits().size(), s.integer, s);
        w.next();
        SourcesTable.write(sheet, w.r, r.sources(), s);
        sheet.createFreezePane(0, 1);
    }

    private static void register(Sheet sheet, BenefitsReport r, List<BenefitsReport.Benefit> rows, String title,
                                 Styles s) {
        int[] widths = {10, 36, 24, 34, 14, 12, 12, 12, 12, 12, 12, 40, 11, 9, 10, 10};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Rows w = new Rows(sheet);
        w.text(0, title + " as of " + r.asOf(), s.title);
        w.next();
        w.next();
        w.headers(s, "Id", "Title", "Owner", "Measure", "Unit", "Baseline", "Baseline date", "Target", "Target date",
                "Latest", "Measured on", "Evidence (note)", "Progress %", "RAG", "Cashable", "Direction");
        if (rows.isEmpty()) {
            w.text(0, "None in the register.", s.note);
        }
        for (BenefitsReport.Benefit b : rows) {
            w.text(0, CellText.neutralise(b.benefitId()), s.userText);
            w.text(1, CellText.neutralise(b.title()), s.userText);
            w.text(2, CellText.neutralise(b.owner()), s.userText);
            w.text(3, CellText.neutralise(b.measure()), s.userText);
            w.text(4, CellText.neutralise(b.unit()), s.userText);
            w.decimal(5, b.baselineValue(), s.decimal);
            w.date(6, b.baselineDate(), s.date);
            w.decimal(7, b.targetValue(), s.decimal);
            w.date(8, b.targetDate(), s.date);
            w.decimal(9, b.value(), s.decimal);
            w.date(10, b.measuredOn(), s.date);
            w.text(11, CellText.neutralise(b.evidence()), s.userText);
            w.decimal(12, b.progressPercent(), s.percent);
            w.text(13, b.rag().name().toUpperCase(Locale.ROOT), s.rag(b.rag()));
            w.text(14, b.cashable() ? "cashable" : "non-cashable", s.text);
            w.text(15, b.direction(), s.text);
            w.next();
        }
        sheet.createFreezePane(1, 3);
    }

    private static void measurements(XSSFWorkbook wb, Sheet sheet, BenefitsReport r,
                                     List<ReportChartSet.NamedChart> charts, Styles s) {
        int[] widths = {10, 14, 12, 50};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Rows w = new Rows(sheet);
        w.text(0, "Measurements to " + r.asOf() + " (the realisation curves)", s.title);
        w.next();
        w.next();
        w.headers(s, "Benefit", "Measured on", "Value", "Note");
        for (BenefitsReport.Benefit b : r.benefits()) {
            for (BenefitMeasurement m : b.curve()) {
                w.text(0, CellText.neutralise(m.benefitId()), s.userText);
                w.date(1, m.measuredOn(), s.date);
                w.decimal(2, m.value(), s.decimal);
                w.text(3, CellText.neutralise(m.note()), s.userText);
                w.next();
            }
        }
        pictures(wb, sheet, charts, ReportChartSet.CURVES, 5);
    }

    private static void savings(XSSFWorkbook wb, Sheet sheet, BenefitsReport r, List<ReportChartSet.NamedChart> charts,
                                Styles s) {
        int[] widths = {10, 50, 18, 12, 12, 14, 12, 12, 16};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Rows w = new Rows(sheet);
        w.text(0, "Savings as of " + r.asOf() + " (CONTRACT section 3 rules)", s.title);
        w.next();
        w.next();
        w.headers(s, "Line", "Description", "Kind", "Frequency", "Amount", "Start", "End", "Cashable",
                "Accrued to date");
        for (FinanceLineSaving l : r.savingsDetail().lines()) {
            w.text(0, CellText.neutralise(l.lineId()), s.userText);
            w.text(1, CellText.neutralise(l.description()), s.userText);
            w.text(2, l.kind(), s.text);
            w.text(3, l.frequency(), s.text);
            w.decimal(4, l.amount(), s.money);
            w.date(5, l.startDate(), s.date);
            w.date(6, l.endDate(), s.date);
            w.text(7, l.cashable() ? "yes" : "no", s.text);
            w.decimal(8, l.accrued(), s.money);
            w.next();
        }
        w.next();
        w.headers(s, "Month", "Cumulative net saving at", "Net saving", "Change");
        for (MonthSaving m : r.savingsDetail().perMonth()) {
            w.text(0, m.month().toString(), s.text);
            w.date(1, m.date(), s.dateLeft);
            w.decimal(2, m.netSaving(), s.money);
            w.decimal(3, m.change(), s.money);
            w.next();
        }
        w.pair("Break-even month", r.savingsDetail().breakEvenMonth() == null ? "not reached"
                : r.savingsDetail().breakEvenMonth().toString(), s.text, s);
        pictures(wb, sheet, charts, ReportChartSet.SAVINGS, 10);
    }

    private static void serviceDesk(XSSFWorkbook wb, Sheet sheet, BenefitsReport r,
                                    List<ReportChartSet.NamedChart> charts, Styles s) {
        int[] widths = {22, 14, 16, 14};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        BenefitsReport.ServiceDesk d = r.serviceDesk();
        Rows w = new Rows(sheet);
        w.text(0, "Service desk: baseline " + d.baselineFrom() + " to " + d.baselineTo() + ", comparison "
                + d.comparisonFrom() + " to " + d.comparisonTo(), s.title);
        w.next();
        w.next();
        w.headers(s, "Month", "Tickets opened", "Migration related");
        for (MonthTickets m : d.perMonth()) {
            w.text(0, m.month().toString(), s.text);
            w.number(1, m.opened(), s.integer);
            w.number(2, m.migrationRelated(), s.integer);
            w.next();
        }
        w.next();
        w.headers(s, "Category", "Baseline a month", "Comparison a month", "Reduction %");
        for (CategoryComparison c : d.byCategory()) {
            w.text(0, c.category(), s.text);
            w.decimal(1, c.baselinePerMonth(), s.decimal);
            w.decimal(2, c.comparisonPerMonth(), s.decimal);
            w.decimal(3, c.reductionPercent(), s.percent);
            w.next();
        }
        w.text(0, "All tickets", s.label);
        w.decimal(1, d.baselinePerMonth(), s.decimal);
        w.decimal(2, d.comparisonPerMonth(), s.decimal);
        w.decimal(3, d.reductionPercent(), s.percent);
        pictures(wb, sheet, charts, ReportChartSet.SERVICE_DESK, 5);
    }

    private static void migration(XSSFWorkbook wb, Sheet sheet, BenefitsReport r,
                                  List<ReportChartSet.NamedChart> charts, Styles s) {
        int[] widths = {12, 12, 12, 14};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Rows w = new Rows(sheet);
        w.text(0, "NHSmail accounts per month", s.title);
        w.next();
        w.next();
        w.headers(s, "Month", "Created", "Registered", "Cumulative registered");
        for (MonthRegistrations m : r.registrations()) {
            w.text(0, m.month().toString(), s.text);
            w.number(1, m.created(), s.integer);
            w.number(2, m.registered(), s.integer);
            w.number(3, m.cumulativeRegistered(), s.integer);
            w.next();
        }
        w.next();
        w.headers(s, "Event", "Date");
        for (var e : r.events()) {
            w.text(0, e.name(), s.text);
            w.date(1, e.date(), s.dateLeft);
            w.next();
        }
        pictures(wb, sheet, charts, ReportChartSet.MIGRATION, 5);
    }

    /** The section's charts stacked from column {@code column}, each 12 columns by 20 rows. */
    private static void pictures(XSSFWorkbook wb, Sheet sheet, List<ReportChartSet.NamedChart> charts, String section,
                                 int column) {
        XSSFDrawing drawing = (XSSFDrawing) sheet.createDrawingPatriarch();
        int row = 2;
        for (ReportChartSet.NamedChart c : charts) {
            if (!c.section().equals(section)) {
                continue;
            }
            int index = wb.addPicture(ChartImages.png(c.chart(), CHART_W, CHART_H, 2), Workbook.PICTURE_TYPE_PNG);
            XSSFClientAnchor anchor = new XSSFClientAnchor();
            anchor.setCol1(column);
            anchor.setRow1(row);
            anchor.setCol2(column + 12);
            anchor.setRow2(row + 22);
            drawing.createPicture(anchor, index);
            row += 24;
        }
        for (int i = column; i < column + 12; i++) {
            sheet.setColumnWidth(i, 11 * 256);
        }
    }

    private static String preparedAt(BenefitsReport r) {
        if (r.preparedAt() == null) {
            return "no data imported yet";
        }
        String when = UK_TIME.format(r.preparedAt()) + " UK time";
        return r.isFinal() ? when + " (finalised)" : when + " (time of the latest import it reads)";
    }

    /** Pins the document properties that POI would otherwise fill with "now". */
    private static void properties(XSSFWorkbook wb, BenefitsReport r) {
        Instant when = r.preparedAt() != null ? r.preparedAt() : r.asOf().atStartOfDay().toInstant(ZoneOffset.UTC);
        Date date = Date.from(when);
        POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setCreator("Migration Insights");
        core.setLastModifiedByUser("Migration Insights");
        core.setTitle(r.months() + "-month benefits-realisation report " + r.odsCode());
        core.setSubjectProperty("NHSmail migration: " + r.status().label() + " version " + r.version());
    }

    /** Writes rows top to bottom. */
    private static final class Rows {
        final Sheet sheet;
        Row row;
        int r;

        Rows(Sheet sheet) {
            this.sheet = sheet;
            this.row = sheet.createRow(0);
        }

        void next() {
            row = sheet.createRow(++r);
        }

        void text(int c, String value, CellStyle style) {
            Cell cell = row.createCell(c);
            cell.setCellValue(value == null ? "" : value);
            cell.setCellStyle(style);
        }

        void number(int c, long value, CellStyle style) {
            Cell cell = row.createCell(c);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }

        /** A numeric cell, or an empty one for null. */
        void decimal(int c, BigDecimal value, CellStyle style) {
            Cell cell = row.createCell(c);
            if (value != null) {
                cell.setCellValue(value.doubleValue());
            }
            cell.setCellStyle(style);
        }

        void date(int c, LocalDate value, CellStyle style) {
            Cell cell = row.createCell(c);
            if (value != null) {
                cell.setCellValue(value);
            }
            cell.setCellStyle(style);
        }

        void headers(Styles s, String... names) {
            for (int i = 0; i < names.length; i++) {
                text(i, names[i], i == 0 ? s.header : s.header);
            }
            next();
        }

        void pair(String label, String value, CellStyle style, Styles s) {
            text(0, label, s.label);
            text(1, value, style);
            next();
        }

        void pairNumber(String label, long value, CellStyle style, Styles s) {
            text(0, label, s.label);
            number(1, value, style);
            next();
        }

        void pairDecimal(String label, BigDecimal value, CellStyle style, Styles s) {
            text(0, label, s.label);
            if (value == null) {
                text(1, "n/a", s.text);
            } else {
                decimal(1, value, style);
            }
            next();
        }

        void pairDate(String label, LocalDate value, Styles s) {
            text(0, label, s.label);
            if (value == null) {
                text(1, "not known", s.text);
            } else {
                date(1, value, s.dateLeft);
            }
            next();
        }
    }

    /** The styles of one workbook, created once and shared by every cell. */
    private static final class Styles extends WorkbookStyles {
        final CellStyle warning;
        final CellStyle decimal;
        final CellStyle percent;
        final CellStyle money;
        final CellStyle date;
        final CellStyle dateLeft;
        final CellStyle green;
        final CellStyle amber;
        final CellStyle red;
        final CellStyle grey;

        Styles(XSSFWorkbook wb) {
            super(wb);
            // the register's headers are long: wrap them
            header.setWrapText(true);
            headerRight.setWrapText(true);
            Font white = wb.createFont();
            white.setBold(true);
            white.setColor(IndexedColors.WHITE.getIndex());
            short twoPlaces = wb.createDataFormat().getFormat("#,##0.00");
            short onePlace = wb.createDataFormat().getFormat("0.0");
            short pounds = wb.createDataFormat().getFormat("\"£\"#,##0.00;[Red]-\"£\"#,##0.00");
            short day = wb.createDataFormat().getFormat("dd mmm yyyy");
            warning = coloured(wb, IndexedColors.DARK_RED);
            decimal = numeric(wb, twoPlaces, HorizontalAlignment.RIGHT);
            percent = numeric(wb, onePlace, HorizontalAlignment.RIGHT);
            money = numeric(wb, pounds, HorizontalAlignment.RIGHT);
            date = numeric(wb, day, HorizontalAlignment.RIGHT);
            dateLeft = numeric(wb, day, HorizontalAlignment.LEFT);
            green = fill(wb, white, new byte[] {0, (byte) 150, 57});
            amber = fill(wb, bold, new byte[] {(byte) 255, (byte) 191, 0});
            red = fill(wb, white, new byte[] {(byte) 218, 41, 28});
            grey = fill(wb, bold, new byte[] {(byte) 200, (byte) 204, (byte) 208});
        }

        CellStyle rag(Rag rag) {
            return switch (rag) {
                case green -> green;
                case amber -> amber;
                case red -> red;
                case grey -> grey;
            };
        }

        private static CellStyle fill(XSSFWorkbook wb, Font font, byte[] rgb) {
            XSSFCellStyle style = (XSSFCellStyle) style(wb, font);
            style.setFillForegroundColor(new XSSFColor(rgb, null));
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setAlignment(HorizontalAlignment.CENTER);
            return style;
        }
    }
}
