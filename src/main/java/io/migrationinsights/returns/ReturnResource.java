package io.migrationinsights.returns;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.system.Downloads;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The monthly NHS Digital return (CONTRACT sections 4 and 5). Translates HTTP only. */
@Path("/api/organisations/{ods}/returns")
public class ReturnResource {

    static final String CSV = "text/csv";

    private final ReturnService returns;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    ReturnResource(ReturnService returns, SecurityIdentity identity, AuditLog audit) {
        this.returns = returns;
        this.identity = identity;
        this.audit = audit;
    }

    /** Body of {@code POST returns/{period}/revise}. */
    public record ReviseRequest(String reason) {
    }

    private enum Format { JSON, XLSX, CSV }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "Finalised periods (latest version, history) and the migration months still in draft",
            description = "A period is listed when it has a final version, or (as a draft) when the organisation has "
                    + "appointments in that month.")
    public List<ReturnService.Listed> list(@PathParam("ods") String ods) {
        return returns.list(ods);
    }

    @GET
    @Path("{period}")
    @Produces({MediaType.APPLICATION_JSON, ReturnWorkbook.MEDIA_TYPE, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "The return for a month: JSON, the workbook (.xlsx or its Accept) or the figures CSV (.csv)",
            description = "The latest final version, ?version=N an earlier one, or the draft from today's data before "
                    + "any (?draft=true previews the next revision). Headers X-Figures-SHA256 and X-Workbook-SHA256.")
    public Response get(@PathParam("ods") String ods, @PathParam("period") String segment,
                        @QueryParam("version") String version, @QueryParam("draft") boolean draft,
                        @Context HttpHeaders headers) {
        Format format = format(segment, headers);
        String periodText = segment.matches(".*\\.(xlsx|csv|json)$")
                ? segment.substring(0, segment.lastIndexOf('.')) : segment;
        YearMonth period = ReturnService.parsePeriod(periodText);
        ReturnService.Rendered r = returns.get(ods, period, version(version), draft);
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
    @Operation(summary = "Freeze the return as version 1 (201); 409 if already final or the checks find errors")
    public Response finalise(@PathParam("ods") String ods, @PathParam("period") String period) {
        ReturnService.Rendered r = returns.finalise(ods, ReturnService.parsePeriod(period), user());
        return created(ods, r);
    }

    @POST
    @Path("{period}/revise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @Operation(summary = "Freeze version N+1 from today's data, marked Revised with the reason (201)",
            description = "422 without a reason; 409 before any final version or when the checks find errors.")
    public Response revise(@PathParam("ods") String ods, @PathParam("period") String period, ReviseRequest body) {
        ReturnService.Rendered r = returns.revise(ods, ReturnService.parsePeriod(period),
                body == null ? null : body.reason(), user());
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

    private static Integer version(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("version must be a whole number from 1, for example ?version=1.");
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
