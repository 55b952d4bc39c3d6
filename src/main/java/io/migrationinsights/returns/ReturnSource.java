package io.migrationinsights.returns;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportLedger.ImportSource;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** A source of a finalised version, frozen with it (table return_source, V8). */
@Embeddable
class ReturnSource {

    String kind;

    @Column(name = "import_id")
    long importId;

    String sha256;

    @Column(name = "row_count")
    long rows;

    @Column(name = "imported_at")
    Instant importedAt;

    static ReturnSource of(ImportSource s) {
        ReturnSource r = new ReturnSource();
        r.kind = s.kind();
        r.importId = s.importId();
        r.sha256 = s.sha256();
        r.rows = s.rows();
        r.importedAt = s.importedAt();
        return r;
    }

    /** The stored sources in the order of the kinds (as a draft lists them). */
    static List<ImportSource> load(Set<ReturnSource> stored) {
        return stored.stream()
                .sorted(Comparator.comparing(s -> ImportKind.byUrlName(s.kind).map(Enum::ordinal).orElse(Integer.MAX_VALUE)))
                .map(s -> new ImportSource(s.kind, s.importId, s.sha256, s.rows, s.importedAt))
                .toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReturnSource other && kind.equals(other.kind) && importId == other.importId;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Long.hashCode(importId);
    }
}
