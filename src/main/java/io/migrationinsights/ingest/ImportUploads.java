package io.migrationinsights.ingest;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An upload by the signed-in caller, the same for the API ({@link ImportResource})
 * and the imports page: which kinds the role may import, the audit of refusals
 * and duplicates, and the import of a file that is wholly on disk.
 */
@ApplicationScoped
public class ImportUploads {

    private final ImportService imports;
    private final UploadSpool spool;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    ImportUploads(ImportService imports, UploadSpool spool, SecurityIdentity identity, AuditLog audit) {
        this.imports = imports;
        this.spool = spool;
        this.identity = identity;
        this.audit = audit;
    }

    /**
     * Runs an upload and keeps its refusal or failure in the audit trail, in a transaction of its own since
     * the import's rolled back (an accepted import is recorded by ImportService in its own transaction).
     * Only a known kind goes into the trail, never text from the request.
     */
    public ImportResult audited(String ods, String kindName, Supplier<ImportResult> upload) {
        String user = identity.getPrincipal().getName();
        String kindParam = "kind=" + ImportKind.byUrlName(kindName).map(ImportKind::urlName).orElse("unknown");
        ImportResult result;
        try {
            result = upload.get();
        } catch (ProblemException e) {
            audit.recordAlone(user, AuditAction.IMPORT, ods, kindParam + " status=" + e.status(), "refused");
            throw e;
        } catch (RuntimeException e) {
            audit.recordAlone(user, AuditAction.IMPORT, ods, kindParam + " status=500", "failed");
            throw e;
        }
        if (result.duplicate()) {
            audit.recordAlone(user, AuditAction.IMPORT, ods, kindParam + " import=" + result.importId(), "duplicate");
        }
        return result;
    }

    /** The kind, if the caller's role may import it: 404 for an unknown kind, 403 for finance beyond its kinds. */
    public ImportKind permitted(String kindName) {
        ImportKind kind = ImportService.kind(kindName);
        if (!identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.PM)
                && !ImportKind.FINANCE_ROLE_KINDS.contains(kind)) {
            throw new ProblemException(403, "Forbidden",
                    "The finance role may import only " + ImportKind.inProse(ImportKind.FINANCE_ROLE_KINDS) + ".");
        }
        return kind;
    }

    /** 413 when a received form file is over the size limit. */
    public void refuseIfTooLarge(long size) {
        spool.refuseIfTooLarge(size);
    }

    /**
     * Imports a file that is wholly on disk: only now are a connection and the organisation lock taken.
     * {@code uploadId} (may be null) names the upload in {@link ImportProgress}.
     */
    public ImportResult run(String ods, ImportKind kind, Path file, String fileName, boolean allowEmpty,
                            String uploadId) {
        try (InputStream in = Files.newInputStream(file)) {
            return imports.importCsvWithProgress(ods, kind, in, Files.size(file), fileName, allowEmpty,
                    identity.getPrincipal().getName(), uploadId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
