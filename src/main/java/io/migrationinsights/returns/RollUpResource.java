package io.migrationinsights.returns;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.security.Grants;
import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.system.Downloads;
import io.migrationinsights.system.Months;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The roll-up of a month's return across the organisations the caller may see
 * (CONTRACT section 4). Translates HTTP only. Which organisations a caller may
 * name in {@code ?ods=} is enforced by {@code security/OrganisationAccessFilter},
 * as for an {@code {ods}} path; without {@code ?ods} the caller's own are taken.
 */
@Path("/api/returns")
@Tag(name = ApiDocument.RETURNS)
public class RollUpResource {

    private static final String PERIOD_FILE = "^" + Months.MONTH + "(\\.(xlsx|json))?$";

    private final ReturnService returns;
    private final OrganisationService organisations;
    private final OrganisationRepository repository;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    RollUpResource(ReturnService returns, OrganisationService organisations, OrganisationRepository repository,
                   SecurityIdentity identity, AuditLog audit) {
        this.returns = returns;
        this.organisations = organisations;
        this.repository = repository;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @Path("{period}")
    @Produces({MediaType.APPLICATION_JSON, ReturnWorkbook.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "getReturnRollUp",
            summary = "One month's return across your organisations: JSON or the workbook (.xlsx or its Accept)",
            description = "Each organisation's latest final version, or else its draft from today's data (status says "
                    + "which), and the total of each code over them. Only organisations you may see are included; "
                    + "?ods=A,B narrows to those codes, and a code you may not see answers 404 as an unknown one "
                    + "does. The workbook has one row per organisation (ODS code, name, status, version, one numeric "
                    + "column per code) and a total row.")
    @APIResponse(responseCode = "200", description = "The roll-up, in the format the suffix or Accept names.",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RollUp.class)),
                    @Content(mediaType = ReturnWorkbook.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            format = "binary", description = "The workbook (sheet Roll-up)."))})
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Response get(@PathParam("period") @Parameter(description = "The month, YYYY-MM, optionally with the "
                                + "format as a suffix: .xlsx or .json.", schema = @Schema(type = SchemaType.STRING,
                                pattern = PERIOD_FILE)) String segment,
                        @QueryParam("ods") @Parameter(description = "ODS codes separated by commas; default: every "
                                + "organisation you may see.", schema = @Schema(type = SchemaType.STRING,
                                pattern = "^[A-Z0-9]{3,5}(,[A-Z0-9]{3,5})*$")) String ods,
                        @Context HttpHeaders headers) {
        boolean xlsx = segment.endsWith(".xlsx") || (!segment.endsWith(".json") && prefersWorkbook(headers));
        String periodText = segment.matches(".*\\.(xlsx|json)$") ? segment.substring(0, segment.lastIndexOf('.'))
                : segment;
        YearMonth period = Months.parse("period", periodText);
        RollUp rollUp = returns.rollUp(period, selected(ods));
        for (RollUp.Line line : rollUp.organisations()) {
            audit.record(AuditAction.RETURN_DOWNLOAD, line.odsCode(), "period=" + period + " version="
                    + ("final".equals(line.status()) ? line.version() : "draft") + " format=roll-up-"
                    + (xlsx ? "xlsx" : "json"), "served");
        }
        Response.ResponseBuilder out = xlsx
                ? Response.ok(RollUpWorkbook.render(rollUp), ReturnWorkbook.MEDIA_TYPE)
                        .header("Content-Disposition", Downloads.attachment(Downloads.fileName("return-roll-up-"
                                + period) + ".xlsx"))
                : Response.ok(rollUp, MediaType.APPLICATION_JSON);
        return out.header("Cache-Control", "no-store").build();
    }

    /** The organisations named (each well formed, else 400; visibility was checked by the filter), else the caller's. */
    private List<Organisation> selected(String ods) {
        if (ods == null || ods.isBlank()) {
            Grants grants = Grants.of(identity);
            return organisations.listEntities().stream().filter(o -> grants.allows(o.odsCode)).toList();
        }
        TreeSet<String> codes = new TreeSet<>();
        for (String code : ods.split(",", -1)) {
            OrganisationRepository.checkCode(code.strip());
            codes.add(code.strip());
        }
        List<Organisation> out = new ArrayList<>();
        for (String code : codes) {
            out.add(repository.require(code));
        }
        return out;
    }

    /** The workbook when the Accept header asks for it before JSON; JSON otherwise (and for * / *). */
    private static boolean prefersWorkbook(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(ReturnWorkbook.MEDIA_TYPE))) {
                return true;
            }
        }
        return false;
    }
}
