package io.migrationinsights.returns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads generated workbooks back with POI, as a person's spreadsheet program would. */
final class Workbooks {

    private Workbooks() {
    }

    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-blank cell of every sheet. */
    static List<Cell> cells(XSSFWorkbook wb) {
        List<Cell> out = new ArrayList<>();
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    out.add(cell);
                }
            }
        }
        return out;
    }

    /** The cell in column B beside the Cover label in column A, or null. */
    static Cell coverValue(XSSFWorkbook wb, String label) {
        for (Row row : wb.getSheet(ReturnWorkbook.COVER)) {
            Cell a = row.getCell(0);
            if (a != null && label.equals(a.getStringCellValue())) {
                return row.getCell(1);
            }
        }
        return null;
    }

    /** The Return sheet's row of a code, or null. */
    static Row returnRow(XSSFWorkbook wb, String code) {
        for (Row row : wb.getSheet(ReturnWorkbook.RETURN)) {
            Cell a = row.getCell(0);
            if (a != null && code.equals(a.getStringCellValue())) {
                return row;
            }
        }
        return null;
    }

    /** Names of the zip entries, in file order, each with its stored local time. */
    static List<String> zipEntries(byte[] bytes) {
        List<String> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.add(e.getName() + " " + e.getTimeLocal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
