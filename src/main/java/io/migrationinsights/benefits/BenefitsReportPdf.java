package io.migrationinsights.benefits;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.migrationinsights.charts.ChartImages;
import io.migrationinsights.charts.EventMarker;
import io.migrationinsights.documents.ReportFont;
import io.migrationinsights.documents.SourcesTable;
import io.migrationinsights.ingest.ImportLedger.ImportSource;
import io.migrationinsights.metrics.BenefitStatus.Rag;
import io.migrationinsights.metrics.FinanceLineSaving;
import io.migrationinsights.metrics.MonthSaving;
import io.migrationinsights.metrics.Savings;
import io.migrationinsights.metrics.ServiceDeskComparison.CategoryComparison;
import io.migrationinsights.system.ClockProducer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;

/**
 * Writes the benefits report PDF (OpenPDF) from the content model: A4
 * landscape; a header with the organisation and status and a page number on
 * every page; a DRAFT or PROVISIONAL watermark until final; tables whose rows
 * never split across pages (header rows repeat); charts drawn as vectors
 * through OpenPDF's Graphics2D bridge; Liberation Sans embedded ({@link ReportFont}).
 *
 * <p>Deterministic: the same report gives the same bytes. The document dates
 * are the report's prepared-at time, the font subset tag is fixed, and the
 * trailer /ID (random in OpenPDF) is replaced by a hash of the file's own
 * content, as the PDF specification suggests.
 */
final class BenefitsReportPdf {

    static final String MEDIA_TYPE = "application/pdf";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final Color NHS_BLUE = new Color(0, 94, 184);
    private static final Color HEADER_FILL = new Color(232, 237, 238);
    private static final float CHART_W = 770;
    private static final float CHART_H = 330;

    private BenefitsReportPdf() {
    }

    /** "6-month benefits-realisation report", the title on every output. */
    static String title(BenefitsReport r) {
        return r.months() + "-month benefits-realisation report";
    }

    /** DRAFT version 1, PROVISIONAL, FINAL version 2 (revised)... */
    static String statusLabel(BenefitsReport r) {
        return switch (r.status()) {
            case PROVISIONAL -> "PROVISIONAL";
            case DRAFT -> "DRAFT version " + r.version();
            case FINAL -> "FINAL version " + r.version() + (r.revised() ? " (revised)" : "");
        };
    }

    /** What the cover says while the report date is in the future. */
    static String provisionalNotice(BenefitsReport r) {
        return "PROVISIONAL: the report date " + DAY.format(r.reportDate()) + " is in the future, so these figures are "
                + "taken as of " + DAY.format(r.asOf()) + " (today) and will change. It can be finalised from "
                + DAY.format(r.reportDate()) + ".";
    }

    static byte[] render(BenefitsReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        Fonts f = new Fonts();
        // A4 landscape as a landscape media box (not a rotated portrait page), so every viewer and printer agrees.
        Document doc = new Document(new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()), 36, 36, 62, 44);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Decorations(r, f));
            doc.addTitle(title(r) + " " + r.odsCode());
            doc.addSubject("NHSmail migration benefits realisation: " + r.status().label() + " version " + r.version());
            doc.addCreator("Migration Insights");
            doc.open();
            pinDates(writer, r);
            Charts charts = new Charts(ReportChartSet.of(r));
            cover(doc, r, f);
            register(doc, r, f);
            curves(doc, writer, charts, f);
            savings(doc, writer, r, charts, f);
            serviceDesk(doc, writer, r, charts, f);
            migration(doc, writer, r, charts, f);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The report PDF cannot be written", e);
        }
        return stableId(out.toByteArray());
    }

    private static void cover(Document doc, BenefitsReport r, Fonts f) throws DocumentException {
        doc.add(new Paragraph(title(r), f.title));
        doc.add(new Paragraph(r.organisationName() + " (" + r.odsCode() + ")", f.subtitle));
        doc.add(new Paragraph("Aggregate figures only: no names, staff ids or email addresses.", f.note));
        if (r.status() == BenefitsReport.Status.PROVISIONAL) {
            Paragraph p = new Paragraph(provisionalNotice(r), f.warning);
            p.setSpacingBefore(6);
            doc.add(p);
        }
        PdfPTable facts = table(new float[] {3, 4}, 45);
        fact(facts, "Migration completion date", day(r.completionDate()), f);
        fact(facts, "Report date (completion + " + r.months() + " months)", day(r.reportDate()), f);
        fact(facts, "Figures as of", day(r.asOf()), f);
        fact(facts, "Status", statusLabel(r), f);
        fact(facts, "Prepared at", r.preparedAt() == null ? "no data imported yet"
                : BenefitsReportWorkbook.UK_TIME.format(r.preparedAt()) + " UK time"
                + (r.isFinal() ? " (finalised)" : " (latest import)"), f);
        if (r.revised() && r.isFinal()) {
            fact(facts, "Reason for revision", r.revisionReason(), f);
        }
        facts.setHorizontalAlignment(Element.ALIGN_LEFT);
        facts.setSpacingBefore(8);

        PdfPTable key = table(new float[] {5, 2}, 50);
        BenefitsReport.Migration m = r.migration();
        Savings s = r.savings();
        BenefitsReport.ServiceDesk d = r.serviceDesk();
        head(key, f, "Key figures", "Value");
        fact(key, "Staff migrated / in scope", m.migrated() + " / " + m.inScope() + " (" + pct(m.migratedPercent()) + ")",
                f);
        fact(key, "Active staff on NHSmail", m.onNhsmail() + " / " + m.activeStaff() + " (" + pct(m.onNhsmailPercent())
                + ")", f);
        fact(key, "Net saving", money(s.netSaving()), f);
        fact(key, "   cashable / non-cashable", money(s.cashable().netSaving()) + " / "
                + money(s.nonCashable().netSaving()), f);
        fact(key, "Legacy running cost saved", money(s.legacyRunningSaved()), f);
        fact(key, "Break-even month", r.savingsDetail().breakEvenMonth() == null ? "not reached"
                : MONTH.format(r.savingsDetail().breakEvenMonth()), f);
        fact(key, "Tickets a month: baseline (" + months(d.baselineFrom(), d.baselineTo()) + ")",
                number(d.baselinePerMonth()), f);
        fact(key, "Tickets a month: comparison (" + months(d.comparisonFrom(), d.comparisonTo()) + ")",
                number(d.comparisonPerMonth()), f);
        fact(key, "Reduction in tickets a month", pct(d.reductionPercent()), f);
        fact(key, "Legacy decommissioning date", day(r.decommissioning().date()), f);
        fact(key, "Active user mailboxes left on the legacy server",
                String.valueOf(r.decommissioning().activeUserMailboxesLeft()), f);
        StringBuilder rag = new StringBuilder();
        for (Rag x : Rag.values()) {
            rag.append(rag.isEmpty() ? "" : ", ").append(r.ragCounts().get(x)).append(' ').append(x.name());
        }
        fact(key, "Benefits by RAG", rag.toString(), f);
        fact(key, "Dis-benefits", String.valueOf(r.disBenefits().size()), f);

        PdfPTable layout = new PdfPTable(new float[] {1, 1.15f});
        layout.setWidthPercentage(100);
        layout.setSpacingBefore(10);
        PdfPCell left = new PdfPCell();
        left.setBorder(Rectangle.NO_BORDER);
        facts.setWidthPercentage(100);
        left.addElement(facts);
        PdfPCell right = new PdfPCell();
        right.setBorder(Rectangle.NO_BORDER);
        key.setWidthPercentage(100);
        right.addElement(key);
        layout.addCell(left);
        layout.addCell(right);
        doc.add(layout);

        doc.add(heading(SourcesTable.TITLE, f));
        PdfPTable src = table(new float[] {2.2f, 1.2f, 1, 2.2f, 7}, 100);
        head(src, f, SourcesTable.HEADINGS.toArray(String[]::new));
        for (ImportSource i : r.sources()) {
            row(src, f, i.kind(), String.valueOf(i.importId()), String.valueOf(i.rows()),
                    SourcesTable.UK_TIME.format(i.importedAt()), i.sha256());
        }
        doc.add(src);
    }

    private static void register(Document doc, BenefitsReport r, Fonts f) throws DocumentException {
        doc.newPage();
        doc.add(heading("Benefits register as of " + day(r.asOf()), f));
        doc.add(registerTable(r.positiveBenefits(), f));
        doc.add(heading("Dis-benefits (shown on their own, never netted against the benefits)", f));
        doc.add(registerTable(r.disBenefits(), f));
        doc.add(new Paragraph("Progress = (latest - baseline) / (target - baseline) x 100. RAG from the latest "
                + "measurement on or before " + day(r.asOf()) + ": green meets the target, amber has moved at least half "
                + "way from baseline to target, red otherwise, grey without a measurement.", f.note));
    }

    private static PdfPTable registerTable(List<BenefitsReport.Benefit> rows, Fonts f) throws DocumentException {
        PdfPTable t = table(new float[] {0.8f, 3.2f, 2.2f, 3f, 1.3f, 1.9f, 1.9f, 1.9f, 3.2f, 1.2f, 1.1f, 1.3f}, 100);
        head(t, f, "Id", "Title", "Owner", "Measure", "Unit", "Baseline", "Target", "Latest", "Evidence",
                "Progress", "RAG", "Cashable");
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("None in the register.", f.small));
            none.setColspan(12);
            t.addCell(none);
        }
        for (BenefitsReport.Benefit b : rows) {
            t.addCell(cell(b.benefitId(), f.small));
            t.addCell(cell(b.title(), f.small));
            t.addCell(cell(b.owner(), f.small));
            t.addCell(cell(b.measure() + (b.direction().equals("decrease") ? " (lower is better)" : " (higher is better)"),
                    f.small));
            t.addCell(cell(b.unit(), f.small));
            t.addCell(cell(number(b.baselineValue()) + "\n" + day(b.baselineDate()), f.small));
            t.addCell(cell(number(b.targetValue()) + "\n" + day(b.targetDate()), f.small));
            t.addCell(cell(b.value() == null ? "none" : number(b.value()) + "\n" + day(b.measuredOn()), f.small));
            t.addCell(cell(b.evidence() == null ? "" : b.evidence(), f.small));
            t.addCell(right(pct(b.progressPercent()), f.small));
            PdfPCell rag = cell(b.rag().name().toUpperCase(Locale.ROOT), f.smallBold);
            rag.setBackgroundColor(ragColour(b.rag()));
            rag.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.addCell(rag);
            t.addCell(cell(b.cashable() ? "cashable" : "non-cashable", f.small));
        }
        return t;
    }

    private static void curves(Document doc, PdfWriter writer, Charts all, Fonts f) throws DocumentException {
        List<ReportChartSet.NamedChart> charts = all.list().stream()
                .filter(c -> c.section().equals(ReportChartSet.CURVES)).toList();
        int i = 0;
        for (ReportChartSet.NamedChart c : charts) {
            if (i % 2 == 0) {
                doc.newPage();
                if (i == 0) {
                    doc.add(heading("Realisation curves: measurements against the straight-line plan", f));
                }
            }
            doc.add(chart(writer, c.chart(), CHART_W, 212, f));
            i++;
        }
    }

    private static void savings(Document doc, PdfWriter writer, BenefitsReport r, Charts charts, Fonts f)
            throws DocumentException {
        doc.newPage();
        doc.add(heading("Savings as of " + day(r.asOf()), f));
        doc.add(chart(writer, charts.named("net-saving"), CHART_W, 250, f));
        String breakEven = r.savingsDetail().breakEvenMonth() == null ? "The cumulative net saving has not yet broken even."
                : "Break-even month: " + MONTH.format(r.savingsDetail().breakEvenMonth()) + ".";
        doc.add(new Paragraph(breakEven + " Net saving as of " + day(r.asOf()) + ": " + money(r.savings().netSaving())
                + ".", f.body));
        doc.add(heading("Per finance line", f));
        PdfPTable t = table(new float[] {0.8f, 5f, 2f, 1.2f, 1.6f, 1.7f, 1.7f, 1.1f, 1.8f}, 100);
        head(t, f, "Line", "Description", "Kind", "Frequency", "Amount", "Start", "End", "Cashable", "Accrued");
        for (FinanceLineSaving l : r.savingsDetail().lines()) {
            t.addCell(cell(l.lineId(), f.small));
            t.addCell(cell(l.description(), f.small));
            t.addCell(cell(l.kind().replace('_', ' '), f.small));
            t.addCell(cell(l.frequency().replace('_', ' '), f.small));
            t.addCell(right(money(l.amount()), f.small));
            t.addCell(cell(day(l.startDate()), f.small));
            t.addCell(cell(l.endDate() == null ? "" : day(l.endDate()), f.small));
            t.addCell(cell(l.cashable() ? "yes" : "no", f.small));
            t.addCell(right((l.isSaving() ? "+" : "-") + money(l.accrued()), f.small));
        }
        Savings s = r.savings();
        totalRow(t, f, "Cost avoided + legacy running cost saved - project cost - new running cost = net saving",
                money(s.netSaving()));
        doc.add(t);
        doc.add(heading("Cumulative net saving by month", f));
        PdfPTable months = table(new float[] {1.2f, 1.5f, 1.8f, 1.8f}, 60);
        months.setHorizontalAlignment(Element.ALIGN_LEFT);
        head(months, f, "Month", "As of", "Net saving", "Change");
        for (MonthSaving m : r.savingsDetail().perMonth()) {
            months.addCell(cell(MONTH.format(m.month()), f.small));
            months.addCell(cell(day(m.date()), f.small));
            months.addCell(right(money(m.netSaving()), f.small));
            months.addCell(right(money(m.change()), f.small));
        }
        doc.add(months);
    }

    private static void serviceDesk(Document doc, PdfWriter writer, BenefitsReport r, Charts charts, Fonts f)
            throws DocumentException {
        BenefitsReport.ServiceDesk d = r.serviceDesk();
        doc.newPage();
        doc.add(heading("Service desk: baseline " + months(d.baselineFrom(), d.baselineTo()) + ", comparison "
                + months(d.comparisonFrom(), d.comparisonTo()), f));
        doc.add(new Paragraph("Tickets a month " + number(d.baselinePerMonth()) + " in the baseline and "
                + number(d.comparisonPerMonth()) + " in the comparison window: a reduction of "
                + pct(d.reductionPercent()) + ". Baseline = the three full months before the first migration; "
                + "comparison = the three full months before the month the figures are taken at.", f.body));
        doc.add(chart(writer, charts.named("tickets-per-month"), CHART_W, 250, f));
        doc.newPage();
        doc.add(heading("Tickets a month by category", f));
        doc.add(chart(writer, charts.named("tickets-by-category"), CHART_W, 250, f));
        PdfPTable t = table(new float[] {3, 2, 2, 2}, 70);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        head(t, f, "Category", "Baseline a month", "Comparison a month", "Reduction");
        for (CategoryComparison c : d.byCategory()) {
            t.addCell(cell(c.category().replace('_', ' '), f.small));
            t.addCell(right(number(c.baselinePerMonth()), f.small));
            t.addCell(right(number(c.comparisonPerMonth()), f.small));
            t.addCell(right(pct(c.reductionPercent()), f.small));
        }
        t.addCell(cell("all tickets", f.smallBold));
        t.addCell(right(number(d.baselinePerMonth()), f.smallBold));
        t.addCell(right(number(d.comparisonPerMonth()), f.smallBold));
        t.addCell(right(pct(d.reductionPercent()), f.smallBold));
        doc.add(t);
    }

    private static void migration(Document doc, PdfWriter writer, BenefitsReport r, Charts charts, Fonts f)
            throws DocumentException {
        doc.newPage();
        doc.add(heading("Migration: NHSmail accounts registered per month", f));
        doc.add(chart(writer, charts.named("registrations"), CHART_W, 270, f));
        PdfPTable events = table(new float[] {2, 2}, 35);
        events.setHorizontalAlignment(Element.ALIGN_LEFT);
        head(events, f, "Event (marked on every time axis)", "Date");
        for (EventMarker e : r.events()) {
            events.addCell(cell(e.name(), f.small));
            events.addCell(cell(day(e.date()), f.small));
        }
        events.setSpacingBefore(6);
        doc.add(events);
    }

    /** The report's charts, built once per document. */
    private record Charts(List<ReportChartSet.NamedChart> list) {
        JFreeChart named(String name) {
            return list.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().chart();
        }
    }

    /** The chart as vectors in a form XObject, placed as an image (text stays text, in the embedded font). */
    private static Image chart(PdfWriter writer, JFreeChart chart, float width, float height, Fonts f)
            throws DocumentException {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D g = template.createGraphics(width, height, f.mapper);
        try {
            ChartImages.draw(chart, g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingBefore(4);
        image.setSpacingAfter(4);
        return image;
    }

    private static Paragraph heading(String text, Fonts f) {
        Paragraph p = new Paragraph(text, f.heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(5);
        return p;
    }

    /** A table whose rows never split across pages and whose header row repeats on each page. */
    private static PdfPTable table(float[] widths, float percent) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(percent);
        t.setSplitRows(false);
        t.setSplitLate(true);
        t.setHeaderRows(0);
        t.setSpacingAfter(4);
        return t;
    }

    private static void head(PdfPTable t, Fonts f, String... names) {
        for (String n : names) {
            PdfPCell c = cell(n, f.smallBold);
            c.setBackgroundColor(HEADER_FILL);
            t.addCell(c);
        }
        t.setHeaderRows(1);
    }

    private static void row(PdfPTable t, Fonts f, String... values) {
        for (String v : values) {
            t.addCell(cell(v, f.small));
        }
    }

    private static void fact(PdfPTable t, String label, String value, Fonts f) {
        t.addCell(cell(label, f.smallBold));
        t.addCell(cell(value, f.small));
    }

    private static void totalRow(PdfPTable t, Fonts f, String label, String value) {
        PdfPCell c = cell(label, f.smallBold);
        c.setColspan(t.getNumberOfColumns() - 1);
        t.addCell(c);
        t.addCell(right(value, f.smallBold));
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setPadding(3);
        c.setBorderColor(new Color(200, 204, 208));
        return c;
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell c = cell(text, font);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static Color ragColour(Rag rag) {
        return switch (rag) {
            case green -> new Color(120, 200, 140);
            case amber -> new Color(255, 205, 80);
            case red -> new Color(240, 120, 110);
            case grey -> new Color(205, 208, 212);
        };
    }

    static String day(LocalDate d) {
        return d == null ? "not known" : DAY.format(d);
    }

    private static String months(YearMonth from, YearMonth to) {
        return MONTH.format(from) + " to " + MONTH.format(to);
    }

    /** £1,234.56 and -£1,234.56, with UK separators whatever the JVM's locale. */
    static String money(BigDecimal v) {
        if (v == null) {
            return "n/a";
        }
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return (v.signum() < 0 ? "-£" : "£") + f.format(v.abs());
    }

    static String number(BigDecimal v) {
        if (v == null) {
            return "n/a";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
        return f.format(v);
    }

    static String pct(BigDecimal v) {
        return v == null ? "n/a" : v.toPlainString() + "%";
    }

    /** CreationDate and ModDate = the prepared-at time (or the as-of date), never "now". */
    private static void pinDates(PdfWriter writer, BenefitsReport r) {
        Instant when = r.preparedAt() != null ? r.preparedAt() : r.asOf().atStartOfDay().toInstant(ZoneOffset.UTC);
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(when.toEpochMilli());
        PdfDate date = new PdfDate(calendar);
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
        writer.getInfo().put(PdfName.PRODUCER, new PdfString("Migration Insights (OpenPDF)"));
    }

    /**
     * Replaces the trailer's /ID (OpenPDF makes it from the time and free
     * memory) by the first 16 bytes of the SHA-256 of the file with the /ID
     * blanked, twice. Same length, so the cross-reference offsets stay valid.
     */
    static byte[] stableId(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("/ID [<");
        if (at < 0) {
            return pdf;
        }
        int firstStart = at + "/ID [<".length();
        int firstEnd = text.indexOf('>', firstStart);
        int secondStart = text.indexOf('<', firstEnd) + 1;
        int secondEnd = text.indexOf('>', secondStart);
        byte[] copy = pdf.clone();
        for (int i = firstStart; i < firstEnd; i++) {
            copy[i] = '0';
        }
        for (int i = secondStart; i < secondEnd; i++) {
            copy[i] = '0';
        }
        String id;
        try {
            id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(copy)).substring(0,
                    firstEnd - firstStart);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] idBytes = id.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(idBytes, 0, copy, firstStart, idBytes.length);
        System.arraycopy(idBytes, 0, copy, secondStart, Math.min(idBytes.length, secondEnd - secondStart));
        return copy;
    }

    /** The fonts of one document: Liberation Sans, embedded as a subset with a fixed tag. */
    private static final class Fonts {
        final BaseFont base;
        final Font title;
        final Font subtitle;
        final Font heading;
        final Font body;
        final Font note;
        final Font warning;
        final Font small;
        final Font smallBold;
        final Font header;
        final FontMapper mapper;

        Fonts() {
            try {
                base = BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                        ReportFont.ttf(), null);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("Liberation Sans cannot be embedded", e);
            }
            // The subset tag is six random letters in OpenPDF; a fixed sequence keeps the bytes stable.
            base.setSecureRandom(new FixedRandom());
            title = new Font(base, 20, Font.BOLD, new Color(0, 48, 135));
            subtitle = new Font(base, 14, Font.NORMAL, Color.DARK_GRAY);
            heading = new Font(base, 13, Font.BOLD, new Color(0, 48, 135));
            body = new Font(base, 10, Font.NORMAL, Color.BLACK);
            note = new Font(base, 8.5f, Font.ITALIC, Color.DARK_GRAY);
            warning = new Font(base, 11, Font.BOLD, new Color(174, 37, 115));
            small = new Font(base, 8.5f, Font.NORMAL, Color.BLACK);
            // OpenPDF draws "bold" of a regular face by stroking the outline: fine for headings, smudgy at 8.5 pt.
            smallBold = new Font(base, 8.5f, Font.NORMAL, new Color(0, 48, 135));
            header = new Font(base, 9, Font.NORMAL, Color.DARK_GRAY);
            mapper = new FontMapper() {
                @Override
                public BaseFont awtToPdf(java.awt.Font font) {
                    return base;
                }

                @Override
                public java.awt.Font pdfToAwt(BaseFont font, int size) {
                    return ReportFont.awt(java.awt.Font.PLAIN, size);
                }
            };
        }
    }

    /** Always the same "random" numbers: the subset tag becomes a fixed six letters. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private int next;

        @Override
        public double nextDouble() {
            next = (next + 7) % 26;
            return next / 26.0;
        }
    }

    /** Header, footer with "page N of M", and the watermark until final. */
    private static final class Decorations extends PdfPageEventHelper {
        private final BenefitsReport report;
        private final Fonts f;
        private PdfTemplate total;

        Decorations(BenefitsReport report, Fonts f) {
            this.report = report;
            this.f = f;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float left = document.left();
            float right = document.right();
            String headLeft = report.organisationName() + " (" + report.odsCode() + ")";
            String headRight = title(report) + " | " + statusLabel(report);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(headLeft, f.header), left,
                    page.getHeight() - 36, 0);
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(headRight, f.header), right,
                    page.getHeight() - 36, 0);
            cb.setColorStroke(NHS_BLUE);
            cb.setLineWidth(0.8f);
            cb.moveTo(left, page.getHeight() - 42);
            cb.lineTo(right, page.getHeight() - 42);
            cb.stroke();
            String pageText = "Page " + writer.getPageNumber() + " of ";
            float width = f.base.getWidthPoint(pageText, 9);
            float x = (left + right) / 2 - width / 2;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(pageText, f.header), x, 24, 0);
            cb.addTemplate(total, x + width, 24);
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase("Figures as of " + day(report.asOf())
                    + " | report date " + day(report.reportDate()), f.header), left, 24, 0);
            if (!report.isFinal()) {
                PdfGState faint = new PdfGState();
                faint.setFillOpacity(0.10f);
                faint.setStrokeOpacity(0.10f);
                cb.saveState();
                cb.setGState(faint);
                ColumnText.showTextAligned(cb, Element.ALIGN_CENTER, new Phrase(
                        report.status() == BenefitsReport.Status.PROVISIONAL ? "PROVISIONAL" : "DRAFT",
                        new Font(f.base, 110, Font.NORMAL, new Color(120, 120, 120))),
                        page.getWidth() / 2, page.getHeight() / 2 - 40, 30);
                cb.restoreState();
            }
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                    new Phrase(String.valueOf(writer.getPageNumber() - 1), f.header), 0, 0, 0);
        }
    }
}
