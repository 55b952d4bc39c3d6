package io.migrationinsights.benefits;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.system.Downloads;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.system.Sha256;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The 6- and 12-month benefits-realisation report (CONTRACT section 4). Translates HTTP only. */
@Path("/api/organisations/{ods}/benefits-report")
@Tag(name = ApiDocument.REPORTS)
public class BenefitsReportResource {

    private final BenefitsReportService reports;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    BenefitsReportResource(BenefitsReportService reports, SecurityIdentity identity, AuditLog audit) {
        this.reports = reports;
        this.identity = identity;
        this.audit = audit;
    }

    /** Body of {@code POST benefits-report/{months}/revise}. */
    public record ReviseRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    private enum Format { JSON, XLSX, PDF }

    @GET
    @Produces({BenefitsReportWorkbook.MEDIA_TYPE, BenefitsReportPdf.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "getBenefitsReport",
            summary = "The 6- or 12-month benefits-realisation report: workbook (default), PDF or JSON by Accept",
            description = "Taken at the report date = migration completion date (last migrated appointment) + months, "
                    + "clamped to the month's last day. While that date is in the future the report is provisional "
                    + "and its figures are as of today. The latest final version, ?version=N an earlier one, or the "
                    + "draft from today's data before any (?draft=true previews the next revision). ?format=xlsx|pdf|json "
                    + "overrides Accept. Headers X-Report-Status, X-Report-Version and X-Content-SHA256.")
    @APIResponse(responseCode = "200", description = "The report, in the format ?format or Accept names.")
    public Response get(@PathParam("ods") @OdsCode String ods, @QueryParam("months") String months,
                        @QueryParam("version") String version, @QueryParam("draft") boolean draft,
                        @QueryParam("format") String format, @Context HttpHeaders headers) {
        int m = BenefitsReportService.parseMonths(months);
        Format f = format(format, headers);
        BenefitsReportService.Rendered r = reports.get(ods, m, VersionParam.parse(version), draft);
        String base = Downloads.fileName("benefits-report-" + ods + "-" + m + "m-"
                + (r.status() == BenefitsReport.Status.FINAL ? "v" + r.version() : r.status().label()));
        audit.record(AuditAction.REPORT_DOWNLOAD, ods, "months=" + m + " version="
                + (r.status() == BenefitsReport.Status.FINAL ? r.version() : r.status().label())
                + " format=" + f.name().toLowerCase(java.util.Locale.ROOT), "served");
        byte[] body = switch (f) {
            case JSON -> r.json();
            case XLSX -> r.workbook();
            case PDF -> r.pdf();
        };
        Response.ResponseBuilder out = switch (f) {
            case JSON -> Response.ok(body, MediaType.APPLICATION_JSON);
            case XLSX -> Response.ok(body, BenefitsReportWorkbook.MEDIA_TYPE)
                    .header("Content-Disposition", Downloads.attachment(base + ".xlsx"));
            case PDF -> Response.ok(body, BenefitsReportPdf.MEDIA_TYPE)
                    .header("Content-Disposition", "inline; filename=\"" + base + ".pdf\"");
        };
        return out.header("X-Report-Status", r.status().label())
                .header("X-Report-Version", r.version())
                .header("X-Content-SHA256", Sha256.of(body))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("{months}/finalise")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE})
    @Operation(operationId = "finaliseBenefitsReport",
            summary = "Freeze the report as version 1 (201): JSON, workbook and PDF bytes",
            description = "409 while provisional (report date in the future) or when already final.")
    @APIResponse(responseCode = "201", description = "Version 1, frozen; Location names its download.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response finalise(@PathParam("ods") @OdsCode String ods, @PathParam("months") String months) {
        return created(ods, reports.finalise(ods, BenefitsReportService.parseMonths(months), user()));
    }

    @POST
    @Path("{months}/revise")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE})
    @Operation(operationId = "reviseBenefitsReport",
            summary = "Freeze version N+1 from today's data, marked revised with the reason (201)",
            description = "422 without a reason; 409 before any final version.")
    @APIResponse(responseCode = "201", description = "Version N+1, frozen; Location names its download.")
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response revise(@PathParam("ods") @OdsCode String ods, @PathParam("months") String months,
                           @Valid @NotNull ReviseRequest body) {
        return created(ods, reports.revise(ods, BenefitsReportService.parseMonths(months), body.reason(), user()));
    }

    private static Response created(String ods, BenefitsReportService.Rendered r) {
        return Response.status(201).type(MediaType.APPLICATION_JSON).entity(r.json())
                .header("Location", "/api/organisations/" + ods + "/benefits-report?months=" + r.months()
                        + "&version=" + r.version())
                .header("X-Workbook-SHA256", r.workbookSha256())
                .header("X-PDF-SHA256", r.pdfSha256())
                .build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }


    /** ?format wins; otherwise the first acceptable of JSON, PDF, workbook; the workbook for none or * / *. */
    private static Format format(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "pdf" -> Format.PDF;
                case "xlsx" -> Format.XLSX;
                default -> throw ProblemException.badRequest("format must be xlsx, pdf or json.");
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return Format.XLSX;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
            if (accepted.isCompatible(MediaType.valueOf(BenefitsReportPdf.MEDIA_TYPE))) {
                return Format.PDF;
            }
            if (accepted.isCompatible(MediaType.valueOf(BenefitsReportWorkbook.MEDIA_TYPE))) {
                return Format.XLSX;
            }
        }
        return Format.XLSX;
    }
}
