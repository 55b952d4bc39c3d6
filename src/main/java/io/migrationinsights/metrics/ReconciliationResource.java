package io.migrationinsights.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * {@code GET /api/organisations/{ods}/reconciliation} (CONTRACT section 4), and each class's members
 * page by page or as a workbook (pm and admin). Translates HTTP only.
 */
@Path("/api/organisations/{ods}/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
@Tag(name = ApiDocument.METRICS)
public class ReconciliationResource {

    private final OrganisationRepository organisations;
    private final ReconciliationMetrics reconciliation;
    private final AuditLog audit;
    private final ObjectMapper json;

    ReconciliationResource(OrganisationRepository organisations, ReconciliationMetrics reconciliation,
                           AuditLog audit, ObjectMapper json) {
        this.organisations = organisations;
        this.reconciliation = reconciliation;
        this.audit = audit;
        this.json = json;
    }

    @GET
    @Operation(operationId = "getReconciliation",
            summary = "Reconciliation classes with counts, and members for pm and admin",
            description = "Accounts with status deleted count nowhere. on_nhsmail = active staff with a registered "
                    + "NHSmail account; awaiting_registration = active staff whose account is not registered; "
                    + "needs_account = active staff with no account; leaver_with_active_legacy_account = leavers with an "
                    + "active legacy mailbox (one member per mailbox); legacy_housekeeping = user mailboxes with status "
                    + "inactive, disabled or suspended; orphan_legacy_account = user mailboxes whose staff_id is empty or "
                    + "unknown; orphan_nhsmail_account = NHSmail accounts whose staff_id is empty, unknown or a leaver's; "
                    + "shared_mailbox_without_valid_owner = shared mailboxes whose owner is empty, unknown or a leaver. "
                    + "Members (staff id, name, address, status) are personal data: only pm and admin receive them; "
                    + "viewer and finance get the same classes and counts with membersIncluded=false and no members.")
    @APIResponse(responseCode = "200", description = "The eight classes.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reconciliation.class)))
    public Response reconciliation(@PathParam("ods") @OdsCode String ods) {
        long id = organisations.requireId(ods);
        if (!audit.personalDataShown(ods, "reconciliation")) {
            return Response.ok(reconciliation.counts(id)).build();
        }
        // Every member of every class, streamed from the database as it is written: a national organisation's
        // classes hold millions (1.5M orphan accounts took a 256 MB heap to its limit when they were listed first).
        // Each class's count is the members written, so it follows them and can never disagree with them.
        StreamingOutput body = out -> {
            try (JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeBooleanField("membersIncluded", true);
                g.writeArrayFieldStart("classes");
                for (String name : ReconciliationMetrics.classNames()) {
                    g.writeStartObject();
                    g.writeStringField("name", name);
                    g.writeArrayFieldStart("members");
                    long[] count = {0};
                    reconciliation.forEachMember(id, name, null, member -> {
                        try {
                            g.writeObject(member);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        count[0]++;
                    });
                    g.writeEndArray();
                    g.writeNumberField("count", count[0]);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /** The columns of a member list, in the workbook and on the page. */
    public static final List<String> MEMBER_HEADERS = List.of("Staff id", "Name", "Account", "Status");

    @GET
    @Path("{class}/members")
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "getReconciliationMembers",
            summary = "One page of a reconciliation class's members, with an optional search (pm and admin)",
            description = "Members as in GET reconciliation, ordered by staff id then account. page counts from 1 "
                    + "(default 1), size from 1 to " + Paging.MAX_SIZE + " (default " + Paging.DEFAULT_SIZE + "); "
                    + "other values are refused (400). q (at most " + Paging.MAX_QUERY + " characters) keeps the "
                    + "members whose staff id, name or account contains it, ignoring case. total = members matching, "
                    + "pages = pages of this size; a page past the last is empty. Personal data: each page served is "
                    + "recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "The page.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Page<Reconciliation.Member> members(
            @PathParam("ods") @OdsCode String ods,
            @PathParam("class") @Parameter(description = "A class name of GET reconciliation, e.g. needs_account")
            String className,
            @QueryParam("page") @Parameter(description = "Page number from 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String page,
            @QueryParam("size") @Parameter(description = "Members per page, 1 to " + Paging.MAX_SIZE,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + Paging.MAX_SIZE))
            String size,
            @QueryParam("q") @Parameter(description = "Search text: part of a staff id, name or account") String q) {
        String name = requireClass(className);
        Paging paging = Paging.of(page, size);
        String query = Paging.query(q);
        long id = organisations.requireId(ods);
        audit.personalDataShown(ods, "reconciliation/" + name);
        return reconciliation.members(id, name, query, paging);
    }

    @GET
    @Path("{class}/members.xlsx")
    @Produces(TableWorkbook.MEDIA_TYPE)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "downloadReconciliationMembers",
            summary = "A reconciliation class's members as a workbook, with an optional search (pm and admin)",
            description = "Every member matching q (as in the paged list), streamed: one row per member with staff "
                    + "id, name, account and status. Personal data: the download is recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "The workbook.", content = @Content(
            mediaType = TableWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Response membersWorkbook(
            @PathParam("ods") @OdsCode String ods,
            @PathParam("class") @Parameter(description = "A class name of GET reconciliation, e.g. needs_account")
            String className,
            @QueryParam("q") @Parameter(description = "Search text: part of a staff id, name or account") String q) {
        String name = requireClass(className);
        String query = Paging.query(q);
        long id = organisations.requireId(ods);
        audit.personalDataShown(ods, "reconciliation/" + name + ".xlsx");
        String caption = "Reconciliation " + ods + ": " + name + (query == null ? "" : " (search: " + query + ")");
        StreamingOutput body = out -> TableWorkbook.write(caption, MEMBER_HEADERS,
                sink -> reconciliation.forEachMember(id, name, query,
                        m -> sink.row(Arrays.asList(m.staffId(), m.name(), m.account(), m.status()))), out);
        return Response.ok(body, TableWorkbook.MEDIA_TYPE)
                .header("Content-Disposition", Downloads.attachment("reconciliation-" + ods + "-" + name + ".xlsx"))
                .build();
    }

    private static String requireClass(String name) {
        if (!ReconciliationMetrics.isClass(name)) {
            throw ProblemException.notFound("There is no reconciliation class '" + name + "': use one of "
                    + String.join(", ", ReconciliationMetrics.classNames()) + ".");
        }
        return name;
    }
}
