package io.migrationinsights.metrics;

import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.documents.TableWorkbook;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.system.Downloads;
import io.migrationinsights.system.Page;
import io.migrationinsights.system.Paging;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The legacy server decommissioning tracker: read by every role, its date and
 * exceptions set by project managers. Translates HTTP only.
 */
@Path("/api/organisations/{ods}/metrics/decommissioning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.DECOMMISSIONING)
public class DecommissioningResource {

    private final OrganisationRepository organisations;
    private final DecommissioningMetrics decommissioning;
    private final DecommissioningHistory history;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final AuditLog audit;

    DecommissioningResource(OrganisationRepository organisations, DecommissioningMetrics decommissioning,
                            DecommissioningHistory history, SecurityIdentity identity, Clock clock, AuditLog audit) {
        this.organisations = organisations;
        this.decommissioning = decommissioning;
        this.history = history;
        this.identity = identity;
        this.clock = clock;
        this.audit = audit;
    }

    private static final String ACCOUNT = "is not a legacy mailbox account: at most 320 characters.";

    /** Body of {@code PUT metrics/decommissioning/date}. */
    public record DateRequest(@NotNull LocalDate date) {
    }

    /** Body of {@code PUT metrics/decommissioning/exceptions/{account}}; {@code keepUntil} is optional. */
    public record ExceptionRequest(@NotBlank @Size(max = 2000) String reason, LocalDate keepUntil) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "getDecommissioningTracker",
            summary = "Legacy server decommissioning tracker, as of a date (default today)",
            description = "activeUserMailboxes = user mailboxes with status active on the legacy server; "
                    + "decommissioningDate = the date set with PUT metrics/decommissioning/date, otherwise the latest "
                    + "end_date of the legacy_running_cost finance lines (dateSource says which; none when neither); "
                    + "daysLeft = days from asOf to that date (negative once passed); onException / withoutException = "
                    + "active user mailboxes with / without an approved exception. Mailbox and exception lists only for "
                    + "pm and admin.")
    @APIResponse(responseCode = "200", description = "The tracker as of asOf.")
    public Decommissioning tracker(@PathParam("ods") @OdsCode String ods, @QueryParam("asOf") LocalDate asOf) {
        return decommissioning.tracker(organisationId(ods), asOf != null ? asOf : LocalDate.now(clock),
                audit.personalDataShown(ods, "decommissioning"));
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "getDecommissioningHistory",
            summary = "The legacy burn-down: one point per legacy-accounts import, oldest first",
            description = "activeUserMailboxes = the user mailboxes with status active in that import's file, as the "
                    + "tracker counts them, recorded when the import was accepted and never recomputed; importId and "
                    + "importedAt name the import. Refused and duplicate uploads add no point.")
    @APIResponse(responseCode = "200", description = "One point per legacy-accounts import, oldest first.")
    public List<DecommissioningHistory.Point> history(@PathParam("ods") @OdsCode String ods) {
        return history.history(organisationId(ods));
    }

    /** The columns of the mailbox list, in the workbook and on the page. */
    public static final List<String> MAILBOX_HEADERS = List.of("Account", "Staff id", "On exception");

    @GET
    @Path("mailboxes")
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "getDecommissioningMailboxes",
            summary = "One page of the user mailboxes still active on the legacy server, with an optional search "
                    + "(pm and admin)",
            description = "The tracker's active user mailboxes, ordered by account, each with its staff id and whether "
                    + "an approved exception covers it. page counts from 1 (default 1), size from 1 to "
                    + Paging.MAX_SIZE + " (default " + Paging.DEFAULT_SIZE + "); other values are refused (400). q (at "
                    + "most " + Paging.MAX_QUERY + " characters) keeps the mailboxes whose account or staff id contains "
                    + "it, ignoring case. total = mailboxes matching, pages = pages of this size; a page past the last "
                    + "is empty. Personal data: each page served is recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "The page.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Page<Decommissioning.Mailbox> mailboxes(
            @PathParam("ods") @OdsCode String ods,
            @QueryParam("page") @Parameter(description = "Page number from 1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String page,
            @QueryParam("size") @Parameter(description = "Mailboxes per page, 1 to " + Paging.MAX_SIZE,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + Paging.MAX_SIZE))
            String size,
            @QueryParam("q") @Parameter(description = "Search text: part of an account or staff id") String q) {
        Paging paging = Paging.of(page, size);
        String query = Paging.query(q);
        long id = organisationId(ods);
        audit.personalDataShown(ods, "decommissioning/mailboxes");
        return decommissioning.mailboxes(id, query, paging);
    }

    @GET
    @Path("mailboxes.xlsx")
    @Produces(TableWorkbook.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "downloadDecommissioningMailboxes",
            summary = "The user mailboxes still active on the legacy server as a workbook (pm and admin)",
            description = "Every active user mailbox matching q (as in the paged list), streamed: account, staff id "
                    + "and whether an exception covers it. Personal data: the download is recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "The workbook.", content = @Content(
            mediaType = TableWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Response mailboxesWorkbook(
            @PathParam("ods") @OdsCode String ods,
            @QueryParam("q") @Parameter(description = "Search text: part of an account or staff id") String q) {
        String query = Paging.query(q);
        long id = organisationId(ods);
        audit.personalDataShown(ods, "decommissioning/mailboxes.xlsx");
        String caption = "Active legacy user mailboxes " + ods + (query == null ? "" : " (search: " + query + ")");
        StreamingOutput body = out -> TableWorkbook.write(caption, MAILBOX_HEADERS,
                sink -> decommissioning.forEachMailbox(id, query,
                        m -> sink.row(Arrays.asList(m.account(), m.staffId(), m.onException()))), out);
        return Response.ok(body, TableWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.attachment("legacy-mailboxes-" + ods + ".xlsx"))
                .build();
    }

    @PUT
    @Path("date")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "setDecommissioningDate", summary = "Set the decommissioning date, overriding the finance lines",
            description = "Body {\"date\": \"YYYY-MM-DD\"}. Answers the tracker as of today.")
    @APIResponse(responseCode = "200", description = "The tracker as of today, with the new date.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Decommissioning setDate(@PathParam("ods") @OdsCode String ods, @Valid @NotNull DateRequest body) {
        long id = organisationId(ods);
        decommissioning.setDate(id, body.date(), user(), clock.instant());
        return decommissioning.tracker(id, LocalDate.now(clock), audit.personalDataShown(ods, "decommissioning"));
    }

    @DELETE
    @Path("date")
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "clearDecommissioningDate",
            summary = "Remove the decommissioning date override (204; 404 when none was set)",
            description = "The date comes from the legacy_running_cost finance lines again.")
    @APIResponse(responseCode = "204", description = "Removed: the date comes from the finance lines again.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Response clearDate(@PathParam("ods") @OdsCode String ods) {
        if (!decommissioning.clearDate(organisationId(ods))) {
            throw ProblemException.notFound("No decommissioning date is set for " + ods
                    + ": the date already comes from the legacy_running_cost finance lines.");
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("exceptions/{account}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "approveDecommissioningException",
            summary = "Approve an exception: a legacy mailbox may stay active after decommissioning (201 new, 200 replaced)",
            description = "Body {\"reason\": \"...\", \"keepUntil\": \"YYYY-MM-DD\" (optional)}. The reason is required, "
                    + "at most 2000 characters. The approver and time are recorded.")
    @APIResponse(responseCode = "200", description = "An earlier exception for this mailbox was replaced.")
    @APIResponse(responseCode = "201", description = "The exception was recorded.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Response approveException(@PathParam("ods") @OdsCode String ods,
                                     @PathParam("account") @NotBlank @Size(max = 320, message = ACCOUNT) String account,
                                     @Valid @NotNull ExceptionRequest body) {
        boolean created = decommissioning.approveException(organisationId(ods), account, body.reason().trim(),
                body.keepUntil(), user(), clock.instant());
        return Response.status(created ? 201 : 200).build();
    }

    @DELETE
    @Path("exceptions/{account}")
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "withdrawDecommissioningException", summary = "Withdraw an exception (204; 404 when there is none)",
            description = "The mailbox counts as without exception again; the account matches whatever its case.")
    @APIResponse(responseCode = "204", description = "Withdrawn.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Response withdrawException(@PathParam("ods") @OdsCode String ods, @PathParam("account") String account) {
        if (!decommissioning.withdrawException(organisationId(ods), account)) {
            throw ProblemException.notFound("There is no approved exception for " + account + ".");
        }
        return Response.noContent().build();
    }

    private long organisationId(String ods) {
        return organisations.requireId(ods);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
