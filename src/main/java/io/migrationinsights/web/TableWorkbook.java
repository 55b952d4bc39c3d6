package io.migrationinsights.web;

import io.migrationinsights.documents.CellText;
import io.migrationinsights.documents.WorkbookStyles;
import io.migrationinsights.system.Downloads;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook export of any page {@link Table}: one sheet, the caption in
 * A1, the header row, then the rows; numbers are numeric cells, text goes
 * through {@link CellText} and the quote-prefix style (never a formula).
 * A page offers it as {@code GET <page>/tables/<id>.xlsx} ({@link #download}).
 */
public final class TableWorkbook {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TableWorkbook() {
    }

    /** The table as xlsx bytes. */
    public static byte[] write(Table table) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            WorkbookStyles styles = new WorkbookStyles(wb) { };
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(table.caption()));
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(CellText.neutralise(table.caption()));
            title.setCellStyle(styles.title);
            Row header = sheet.createRow(2);
            for (int c = 0; c < table.columns().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(CellText.neutralise(table.columns().get(c)));
                cell.setCellStyle(table.numeric(c) ? styles.headerRight : styles.header);
            }
            int r = 3;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        if (v instanceof Long || v instanceof Integer) {
                            cell.setCellStyle(styles.integer);
                        }
                    } else {
                        cell.setCellValue(CellText.neutralise(v.toString()));
                        cell.setCellStyle(styles.userText);
                    }
                }
            }
            for (int c = 0; c < table.columns().size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table with this id among a page's tables as a download, or 404 problem+json when there is none. */
    public static Response download(List<Table> tables, String id, String fileStem) {
        Table table = tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new io.migrationinsights.system.ProblemException(404, "Not found",
                        "This page has no table '" + Downloads.fileName(id) + "'."));
        return Response.ok(write(table), XLSX)
                .header("Content-Disposition", Downloads.attachment(fileStem + "-" + table.id() + ".xlsx")).build();
    }
}
