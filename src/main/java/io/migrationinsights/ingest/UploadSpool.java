package io.migrationinsights.ingest;

import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.system.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Receives a request body into a file under {@code ${insights.data-dir}/uploads}
 * before the import starts, so a slow or stalled client holds no database
 * connection and no organisation lock: those are taken only once the whole
 * upload is in hand. The copy streams through a fixed buffer (memory stays
 * flat) and stops at the size limit (413). A body that stops arriving
 * ({@code quarkus.http.read-timeout}) or a client that goes away leaves no file
 * and one log line.
 */
@ApplicationScoped
class UploadSpool {

    private static final Logger LOG = Logger.getLogger(UploadSpool.class);

    private final InsightsConfig config;

    UploadSpool(InsightsConfig config) {
        this.config = config;
    }

    /** The directory of spooled uploads (shared with multipart form uploads). */
    Path directory() {
        return config.dataDir().resolve("uploads");
    }

    /**
     * Copies the body to a new file and returns it; the caller deletes it. On any
     * failure the file is already gone.
     *
     * @param what names the upload in the log line of an interrupted upload
     */
    Path receive(InputStream body, String what) {
        long limit = config.importing().maxUploadSize().asLongValue();
        Path file;
        try {
            Files.createDirectories(directory());
            file = Files.createTempFile(directory(), "import-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create an upload file in " + directory(), e);
        }
        long received = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            InputStream in = new LimitedInputStream(body, limit);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = read(in, buffer, what, received)) >= 0; ) {
                out.write(buffer, 0, n);
                received += n;
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("Cannot write the upload file " + file, e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** One read from the client; a failure here is the client's, told in one line and answered 400. */
    private static int read(InputStream in, byte[] buffer, String what, long received) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            LOG.warnf("Upload of %s interrupted after %d bytes (%s); nothing was imported", what, received,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw new ProblemException(400, "Upload interrupted",
                    "The upload stopped before the end of the file; nothing was imported. Send it again.");
        }
    }

    /** 413 for an upload received whole (a form's file) that is over the limit. */
    void refuseIfTooLarge(long size) {
        long limit = config.importing().maxUploadSize().asLongValue();
        if (size > limit) {
            throw LimitedInputStream.tooLarge(limit);
        }
    }

    /** Deletes a spooled file; never throws. */
    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the upload file %s: %s", file, e.getMessage());
        }
    }
}
