package io.migrationinsights.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/** A chart drawn for each output: PNG (workbooks, samples), SVG (browser pages), any Graphics2D (PDF vectors). */
public final class ChartImages {

    private ChartImages() {
    }

    /** PNG at {@code scale} x the size in points (2 = crisp on screen and on paper). */
    public static byte[] png(JFreeChart chart, int width, int height, double scale) {
        BufferedImage image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ChartUtils.writeBufferedImageAsPNG(out, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A standalone SVG document, element ids prefixed with {@code idPrefix} so several charts can share a page. */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height, SVGUnits.PX);
        g.setDefsKeyPrefix(idPrefix);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /**
     * An {@code <svg>} element to place inline in an HTML page: scales with its
     * container (viewBox), element ids prefixed with {@code id}, and announced
     * as one image by its {@code <title>} (role img, aria-labelledby).
     */
    public static String inlineSvg(JFreeChart chart, int width, int height, String id, String title) {
        SVGGraphics2D g = new SVGGraphics2D(width, height, SVGUnits.PX);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        String svg = g.getSVGElement(id, false, new org.jfree.svg.ViewBox(0, 0, width, height), null, null);
        int open = svg.indexOf('>');
        String label = escape(title);
        return svg.substring(0, open) + " role=\"img\" aria-labelledby=\"" + id + "-title\">"
                + "<title id=\"" + id + "-title\">" + label + "</title>" + svg.substring(open + 1);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Draws the chart into {@code area} of any Graphics2D, for example a PDF page as vectors. */
    public static void draw(JFreeChart chart, Graphics2D g, Rectangle2D area) {
        chart.draw(g, area);
    }
}
