package io.migrationinsights.web;

import io.migrationinsights.system.Downloads;
import io.migrationinsights.system.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The workbook export of any page {@link Table}, written by the one table
 * writer of the service ({@link io.migrationinsights.documents.TableWorkbook}:
 * caption in A1, the header row, then the rows; numbers and dates typed, text
 * through CellText, streamed). A page offers it as
 * {@code GET <page>/tables/<id>.xlsx} ({@link #download}).
 */
public final class TableWorkbook {

    public static final String XLSX = io.migrationinsights.documents.TableWorkbook.MEDIA_TYPE;

    private TableWorkbook() {
    }

    /** The table as xlsx bytes (for tests and small tables; downloads stream). */
    public static byte[] write(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            table.writeWorkbook(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The table with this id among a page's tables as a download, or 404 problem+json when there is none. */
    public static Response download(List<Table> tables, String id, String fileStem) {
        Table table = tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new ProblemException(404, "Not found",
                        "This page has no table '" + Downloads.fileName(id) + "'."));
        StreamingOutput body = table::writeWorkbook;
        return Response.ok(body, XLSX)
                .header("Content-Disposition", Downloads.attachment(fileStem + "-" + table.id() + ".xlsx"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
