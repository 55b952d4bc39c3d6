package io.migrationinsights.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How far a running import has got, keyed by an upload id the client chose
 * (the imports page sends one with its form and polls it while the server
 * reads the file). Fed by the import's row counter; in memory on the instance
 * that runs the import; an entry is kept a few minutes after its import ends,
 * and only the user who uploaded reads it.
 */
@ApplicationScoped
public class ImportProgress {

    /** What a client may use as an upload id. */
    public static final Pattern UPLOAD_ID = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");
    static final Duration KEEP = Duration.ofMinutes(10);
    private static final int PURGE_ABOVE = 1000;

    /** Where an upload is: received by the service, rows being read, checks across rows, finished. */
    public enum Phase { RECEIVED, READING, CHECKING, FINISHED }

    /** A snapshot: the phase and the data rows read so far. */
    public record Snapshot(Phase phase, long rowsRead) {
    }

    private record Entry(String user, Phase phase, long rowsRead, Instant updated) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ImportProgress(Clock clock) {
        this.clock = clock;
    }

    /** Whether the text may be an upload id (others are ignored: no entry is made). */
    public static boolean valid(String uploadId) {
        return uploadId != null && UPLOAD_ID.matcher(uploadId).matches();
    }

    /** The upload has arrived and waits for the import to start. */
    public void received(String uploadId, String user) {
        if (valid(uploadId)) {
            purge();
            entries.put(uploadId, new Entry(user, Phase.RECEIVED, 0, clock.instant()));
        }
    }

    void update(String uploadId, Phase phase, long rowsRead) {
        if (uploadId != null) {
            entries.computeIfPresent(uploadId, (k, e) -> new Entry(e.user(), phase, rowsRead < 0 ? e.rowsRead() : rowsRead,
                    clock.instant()));
        }
    }

    /** The upload's progress, for the user who made it. */
    public Optional<Snapshot> of(String uploadId, String user) {
        Entry e = uploadId == null ? null : entries.get(uploadId);
        return e == null || !e.user().equals(user) ? Optional.empty()
                : Optional.of(new Snapshot(e.phase(), e.rowsRead()));
    }

    private void purge() {
        if (entries.size() > PURGE_ABOVE) {
            Instant old = clock.instant().minus(KEEP);
            entries.values().removeIf(e -> e.updated().isBefore(old));
        }
    }
}
