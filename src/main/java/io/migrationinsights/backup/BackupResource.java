package io.migrationinsights.backup;

import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/backups}: an online backup of the embedded database (admin only, audited). */
@Path("/api/backups")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.BACKUPS)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
public class BackupResource {

    private final BackupService backups;

    BackupResource(BackupService backups) {
        this.backups = backups;
    }

    @POST
    @Operation(operationId = "createBackup", summary = "Back up the embedded H2 database now, while it runs",
            description = "Writes a consistent copy of the database (H2 BACKUP TO) as a zip into the data folder's "
                    + "backups/ and answers {file, bytes, sha256, createdAt}. Restore: stop the service, unzip the file "
                    + "into an empty data folder, start the service on that folder. Recorded in the audit trail as "
                    + "backup.create. On PostgreSQL the answer is 409: back up with pg_dump (README); likewise for an "
                    + "in-memory database, which has no file.")
    @APIResponse(responseCode = "201", description = "Written: {file, bytes, sha256, createdAt}.")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response create() {
        BackupService.Backup backup = backups.create();
        return Response.status(201).entity(backup).build();
    }
}
