package io.migrationinsights.documents;

/**
 * Text from uploads or from people (an organisation name, a reason, a benefit
 * title) made safe to sit in a spreadsheet cell: a value starting with
 * {@code = + - @}, tab, CR or LF gets a leading apostrophe, so neither Excel
 * nor a CSV export of the sheet can turn it into a formula. Writers also give
 * such cells the quote-prefix style.
 */
public final class CellText {

    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    private CellText() {
    }

    /** The text, neutralised; "" for null. */
    public static String neutralise(String text) {
        if (text == null) {
            return "";
        }
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
