package io.migrationinsights.documents;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles every workbook of the service shares (the monthly return,
 * the benefits report), created once per workbook: POI limits the number of
 * styles a workbook may hold. Each document adds its own in a subclass.
 */
public class WorkbookStyles {

    public final CellStyle title;
    public final CellStyle note;
    public final CellStyle header;
    public final CellStyle headerRight;
    public final CellStyle label;
    public final CellStyle text;
    /** Text typed by people: kept as text even when edited in Excel (quote prefix), wrapped. */
    public final CellStyle userText;
    public final CellStyle mono;
    public final CellStyle status;
    public final CellStyle integer;
    public final CellStyle integerLeft;

    /** The bold font, for subclasses' own styles. */
    protected final Font bold;
    /** The thousands-separated whole-number format. */
    protected final short wholeNumber;

    protected WorkbookStyles(XSSFWorkbook wb) {
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        bold = wb.createFont();
        bold.setBold(true);
        Font italic = wb.createFont();
        italic.setItalic(true);
        Font monoFont = wb.createFont();
        monoFont.setFontName("Consolas");
        wholeNumber = wb.createDataFormat().getFormat("#,##0");

        title = style(wb, titleFont);
        note = style(wb, italic);
        header = style(wb, bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        headerRight = wb.createCellStyle();
        headerRight.cloneStyleFrom(header);
        headerRight.setAlignment(HorizontalAlignment.RIGHT);
        label = style(wb, bold);
        text = style(wb, null);
        userText = style(wb, null);
        userText.setQuotePrefixed(true);
        userText.setWrapText(true);
        mono = style(wb, monoFont);
        status = style(wb, bold);
        integer = numeric(wb, wholeNumber, HorizontalAlignment.RIGHT);
        integerLeft = numeric(wb, wholeNumber, HorizontalAlignment.LEFT);
    }

    /** A style aligned to the top of its cell, with the font when one is given. */
    protected static CellStyle style(XSSFWorkbook wb, Font font) {
        CellStyle style = wb.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    /** A numeric style with the format and alignment. */
    protected static CellStyle numeric(XSSFWorkbook wb, short format, HorizontalAlignment align) {
        CellStyle style = style(wb, null);
        style.setDataFormat(format);
        style.setAlignment(align);
        return style;
    }

    /** A bold style in a colour, for messages (errors, warnings). */
    protected final CellStyle coloured(XSSFWorkbook wb, IndexedColors colour) {
        Font font = wb.createFont();
        font.setBold(true);
        font.setColor(colour.getIndex());
        return style(wb, font);
    }
}
