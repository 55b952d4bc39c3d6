package io.migrationinsights.web;

import io.migrationinsights.ingest.ImportResult;
import io.migrationinsights.ingest.RowError;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of an upload from the imports page, kept a few minutes for the
 * page the browser is sent to after its post (Post/Redirect/Get), for the
 * user who uploaded only. In memory: a restart forgets them (the import
 * ledger keeps what was accepted).
 */
@ApplicationScoped
class UploadOutcomes {

    static final Duration KEEP = Duration.ofMinutes(15);

    /**
     * One outcome: accepted ({@code result}), or refused with a message and the refused rows.
     *
     * @param kind     the kind chosen (a known kind's name, or null)
     * @param fileName the uploaded file's name as the browser sent it
     */
    record Outcome(String user, String ods, String kind, String fileName, ImportResult result, int status,
                   String title, String detail, List<RowError> errors, Instant at) {

        public boolean accepted() {
            return result != null;
        }
    }

    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Clock clock;

    UploadOutcomes(Clock clock) {
        this.clock = clock;
    }

    void put(String uploadId, Outcome outcome) {
        Instant old = clock.instant().minus(KEEP);
        outcomes.values().removeIf(o -> o.at().isBefore(old));
        outcomes.put(uploadId, outcome);
    }

    Optional<Outcome> get(String uploadId, String user, String ods) {
        Outcome o = uploadId == null ? null : outcomes.get(uploadId);
        return o != null && o.user().equals(user) && o.ods().equals(ods) ? Optional.of(o) : Optional.empty();
    }

    Instant now() {
        return clock.instant();
    }
}
