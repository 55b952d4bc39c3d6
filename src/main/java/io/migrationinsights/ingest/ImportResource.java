package io.migrationinsights.ingest;

import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Uploads of CSV exports and the import ledger (CONTRACT section 2). Translates HTTP only. */
@Path("/api/organisations/{ods}/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.IMPORTS)
public class ImportResource {

    private final ImportUploads uploads;
    private final ImportLedger ledger;
    private final UploadSpool spool;
    private final SecurityIdentity identity;

    ImportResource(ImportUploads uploads, ImportLedger ledger, UploadSpool spool, SecurityIdentity identity) {
        this.uploads = uploads;
        this.ledger = ledger;
        this.spool = spool;
        this.identity = identity;
    }

    @POST
    @Path("{kind}")
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE})
    @Operation(operationId = "importCsv", summary = "Import a CSV export sent as the request body",
            description = "All or nothing. 201 when stored; 200 with duplicate=true when the bytes equal this "
                    + "organisation's latest import of the kind; 422 problem+json listing {row, column, value, message} "
                    + "(the header is row 1) when any row is invalid. Snapshot kinds replace the dataset and refuse an "
                    + "empty file unless allowEmpty=true; event kinds upsert by key.")
    @APIResponse(responseCode = "200", description = "The same bytes as the latest import of this kind: nothing "
            + "changed (duplicate=true).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", description = "Imported.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", ref = ApiDocument.IMPORT_REJECTED)
    public Response uploadBody(@PathParam("ods") @OdsCode String ods, @PathParam("kind") String kind,
                               @QueryParam("allowEmpty") boolean allowEmpty, InputStream body) {
        return answer(uploads.audited(ods, kind, () -> {
            ImportKind importKind = uploads.permitted(kind);
            // The whole body is received into a file before the import takes a connection and the organisation lock.
            java.nio.file.Path file = spool.receive(body, importKind + " for " + ods + " by "
                    + identity.getPrincipal().getName());
            try {
                return uploads.run(ods, importKind, file, null, allowEmpty, null);
            } finally {
                spool.delete(file);
            }
        }));
    }

    @POST
    @Path("{kind}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE})
    // The OpenAPI document has one operation per path and method: uploadBody's describes both bodies.
    public Response uploadForm(@PathParam("ods") @OdsCode String ods, @PathParam("kind") String kind,
                               @QueryParam("allowEmpty") boolean allowEmpty, @RestForm("file") FileUpload file) {
        return answer(uploads.audited(ods, kind, () -> {
            if (file == null) {
                throw ProblemException.badRequest("The form has no field 'file': attach the CSV export as 'file'.");
            }
            // The transport has already received the whole form into a file (within its size limit).
            spool.refuseIfTooLarge(file.size());
            return uploads.run(ods, uploads.permitted(kind), file.uploadedFile(), file.fileName(), allowEmpty, null);
        }));
    }

    private Response answer(ImportResult result) {
        return Response.status(result.duplicate() ? 200 : 201).entity(result).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "listImports", summary = "The import ledger, newest first: who, when, kind, rows, sha256",
            description = "Every import of the organisation, newest first, with the file name and the columns it "
                    + "ignored.")
    @APIResponse(responseCode = "200", description = "The ledger, newest first.")
    public List<ImportLedger.ImportView> list(@PathParam("ods") @OdsCode String ods) {
        return ledger.list(ods);
    }
}
