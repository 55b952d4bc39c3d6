package io.migrationinsights.ingest;

import io.migrationinsights.system.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses an upload as soon as it passes the configured size (413). */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "Upload too large",
                "The upload is larger than the limit of " + human(limit)
                        + ". Split the export, or ask an administrator to raise insights.import.max-upload-size.");
    }

    static String human(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 1024L * 1024) {
            return bytes / (1024L * 1024) + " MB";
        }
        return bytes + " bytes";
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }
}
