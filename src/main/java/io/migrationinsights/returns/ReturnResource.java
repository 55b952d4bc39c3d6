package io.migrationinsights.returns;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.system.Downloads;
import io.migrationinsights.system.Months;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.VersionParam;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The monthly NHS Digital return (CONTRACT sections 4 and 5). Translates HTTP only. */
@Path("/api/organisations/{ods}/returns")
@Tag(name = ApiDocument.RETURNS)
public class ReturnResource {

    static final String CSV = "text/csv";

    /** The {period} of a download: a month, optionally with the format as a file suffix. */
    private static final String PERIOD_FILE = "^" + Months.MONTH + "(\\.(xlsx|csv|json))?$";

    private final ReturnService returns;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    ReturnResource(ReturnService returns, SecurityIdentity identity, AuditLog audit) {
        this.returns = returns;
        this.identity = identity;
        this.audit = audit;
    }

    /** Body of {@code POST returns/{period}/revise}. */
    public record ReviseRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private enum Format { JSON, XLSX, CSV }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "listReturns", summary = "Finalised periods (latest version, history) and the migration months still in draft",
            description = "A period is listed when it has a final version, or (as a draft) when the organisation has "
                    + "appointments in that month or the scheduled job recorded its draft. dueDate: the Nth working "
                    + "day (insights.returns.due-working-day, default 10; England and Wales) after the period. "
                    + "notices: what the scheduled job recorded (ready: the draft's figures when the month had "
                    + "ended; reminder: two working days before the due date).")
    @APIResponse(responseCode = "200", description = "Finalised and draft periods, by period.")
    public List<ReturnService.Listed> list(@PathParam("ods") @OdsCode String ods) {
        return returns.list(ods);
    }

    @GET
    @Path("{period}")
    @Produces({MediaType.APPLICATION_JSON, ReturnWorkbook.MEDIA_TYPE, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "getReturn",
            summary = "The return for a month: JSON, the workbook (.xlsx or its Accept) or the figures CSV (.csv)",
            description = "The latest final version, ?version=N an earlier one, or the draft from today's data before "
                    + "any (?draft=true previews the next revision). Headers X-Figures-SHA256 and X-Workbook-SHA256.")
    @APIResponse(responseCode = "200", description = "The return, in the format the suffix or Accept names.",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)),
                    @Content(mediaType = ReturnWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            format = "binary", description = "The workbook (sheets Cover and Return).")),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                            description = "The figures' canonical CSV: code,value per line."))})
    public Response get(@PathParam("ods") @OdsCode String ods,
                        @PathParam("period") @Parameter(description = "The month, YYYY-MM, optionally with the format "
                                + "as a suffix: .xlsx, .csv or .json.", schema = @Schema(type = SchemaType.STRING,
                                pattern = PERIOD_FILE)) String segment,
                        @QueryParam("version") @Parameter(description = "A final version, from 1.",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String version,
                        @QueryParam("draft") boolean draft, @Context HttpHeaders headers) {
        Format format = format(segment, headers);
        String periodText = segment.matches(".*\\.(xlsx|csv|json)$")
                ? segment.substring(0, segment.lastIndexOf('.')) : segment;
        YearMonth period = Months.parse("period", periodText);
        ReturnService.Rendered r = returns.get(ods, period, VersionParam.parse(version), draft);
        String base = Downloads.fileName("return-" + ods + "-" + period
                + (r.isFinal() ? "-v" + r.document().version() : "-draft"));
        audit.record(AuditAction.RETURN_DOWNLOAD, ods, "period=" + period + " version="
                + (r.isFinal() ? r.document().version() : "draft") + " format=" + format.name().toLowerCase(), "served");
        Response.ResponseBuilder out = switch (format) {
            case JSON -> Response.ok(ReturnView.of(r), MediaType.APPLICATION_JSON);
            case XLSX -> Response.ok(r.workbook(), ReturnWorkbook.MEDIA_TYPE)
                    .header("Content-Disposition", Downloads.attachment(base + ".xlsx"))
                    .header("ETag", "\"" + r.workbookSha256() + "\"");
            case CSV -> Response.ok(r.document().figures().canonicalCsv().getBytes(StandardCharsets.UTF_8),
                            CSV + "; charset=UTF-8")
                    .header("Content-Disposition", Downloads.attachment(base + ".csv"));
        };
        return out.header("X-Figures-SHA256", r.document().figures().sha256())
                .header("X-Workbook-SHA256", r.workbookSha256())
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("{period}/finalise")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "finaliseReturn",
            summary = "Freeze the return as version 1 (201); 409 if already final, the month has not ended or the checks find errors",
            description = "From then on the period's figures and workbook bytes are frozen, whatever is imported later, "
                    + "and the workbook is mailed to the organisation's returnRecipients after the commit. "
                    + "409 when a final version exists (revise it instead), when the month's last day is after "
                    + "today (UK date) or when the return's checks find errors.")
    @APIResponse(responseCode = "201", description = "Version 1, frozen; Location names its download.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response finalise(@PathParam("ods") @OdsCode String ods, @PathParam("period") YearMonth period) {
        ReturnService.Rendered r = returns.finalise(ods, period, user());
        return created(ods, r);
    }

    @POST
    @Path("{period}/revise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(operationId = "reviseReturn",
            summary = "Freeze version N+1 from today's data, marked Revised with the reason (201)",
            description = "422 without a reason (at most 2000 characters); 409 before any final version or when the "
                    + "checks find errors. The new version's workbook is mailed to the returnRecipients.")
    @APIResponse(responseCode = "201", description = "Version N+1, frozen; Location names its download.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReturnView.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response revise(@PathParam("ods") @OdsCode String ods, @PathParam("period") YearMonth period,
                           @Valid @NotNull ReviseRequest body) {
        ReturnService.Rendered r = returns.revise(ods, period, body.reason(), user());
        return created(ods, r);
    }

    private Response created(String ods, ReturnService.Rendered r) {
        String period = r.document().figures().period().toString();
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(ReturnView.of(r))
                .header("Location", "/api/organisations/" + ods + "/returns/" + period + "?version="
                        + r.document().version())
                .header("X-Workbook-SHA256", r.workbookSha256())
                .build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }


    /** The path suffix wins; otherwise the first acceptable of JSON, workbook, CSV (JSON for * / *). */
    private static Format format(String segment, HttpHeaders headers) {
        if (segment.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (segment.endsWith(".csv")) {
            return Format.CSV;
        }
        if (segment.endsWith(".json")) {
            return Format.JSON;
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
            if (accepted.isCompatible(MediaType.valueOf(ReturnWorkbook.MEDIA_TYPE))) {
                return Format.XLSX;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return Format.CSV;
            }
        }
        return Format.JSON;
    }
}
