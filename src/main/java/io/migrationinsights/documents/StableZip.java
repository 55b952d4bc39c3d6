package io.migrationinsights.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Re-zips an OOXML package with a fixed time on every entry, keeping the entry
 * order ({@code [Content_Types].xml} first, as Office expects).
 *
 * <p>Why: POI stamps zip entries with the time of writing, so two writes of the
 * same workbook differ. {@link ZipEntry#setTimeLocal} stores the MS-DOS date and
 * time fields as given, without the default time zone that
 * {@link ZipEntry#setTime} would apply, and without an extended-timestamp field
 * for dates in the DOS range.
 */
public final class StableZip {

    /** 2000-01-01 00:00, inside the MS-DOS date range. */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private StableZip() {
    }

    public static void copy(byte[] zip, OutputStream target) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipOutputStream out = new ZipOutputStream(target);
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
            out.finish();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
