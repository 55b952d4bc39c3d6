package io.migrationinsights.documents;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one typeface of the generated documents: Liberation Sans (SIL Open Font
 * Licence, metric-compatible with Arial), read from the OpenPDF jar that ships
 * it as {@code font-fallback/LiberationSans-Regular.ttf}. The PDF embeds it and
 * the charts draw with it, so a machine with only a JDK (no desktop fonts)
 * produces the same documents.
 */
public final class ReportFont {

    /** Where the OpenPDF artifact keeps the font. */
    static final String RESOURCE = "font-fallback/LiberationSans-Regular.ttf";
    private static final byte[] TTF = load();
    private static final Font AWT = awtFont();

    private ReportFont() {
    }

    /** The TrueType bytes (a copy). */
    public static byte[] ttf() {
        return TTF.clone();
    }

    /** The typeface for Java 2D (charts), at the given style and size. */
    public static Font awt(int style, float size) {
        return AWT.deriveFont(style, size);
    }

    private static byte[] load() {
        try (InputStream in = ReportFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path (it comes with OpenPDF)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awtFont() {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(TTF));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("Liberation Sans cannot be read", e);
        }
    }
}
