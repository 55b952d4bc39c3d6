package io.migrationinsights.organisations;

import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.security.CreatesOrganisation;
import io.migrationinsights.security.Grants;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Organisations by ODS code (CONTRACT section 1). Translates HTTP only. */
@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.ORGANISATIONS)
public class OrganisationResource {

    private final OrganisationService service;
    private final SecurityIdentity identity;

    OrganisationResource(OrganisationService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** A plain address: something, @, a domain with a dot (Bean Validation's own check accepts {@code a@b}). */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /**
     * Body of {@code PUT /api/organisations/{ods}}.
     *
     * @param returnRecipients who receives the return by mail: finalised and revised workbooks, the
     *                         monthly "ready" notice and the reminder; omitted keeps the list, {@code []} empties it
     */
    public record OrganisationRequest(@NotBlank @Size(max = 200) String name,
                                      @Size(max = 50) @Schema(description = "Email addresses that receive the "
                                              + "return; omitted keeps the current list, [] empties it.",
                                              examples = "[\"migration.lead@nhs.net\"]")
                                      List<@NotBlank @Size(max = 254) @Email(regexp = EMAIL,
                                              message = "'${validatedValue}' is not an email address: write it "
                                                      + "as name@organisation.nhs.uk") String> returnRecipients) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "listOrganisations", summary = "The organisations you may use, by ODS code (admins: all)",
            description = "Every organisation as {odsCode, name}, ordered by ODS code.")
    @APIResponse(responseCode = "200", description = "The organisations, by ODS code.")
    public List<OrganisationView> list() {
        Grants grants = Grants.of(identity);
        return service.list().stream().filter(o -> grants.allows(o.odsCode())).map(this::shown).toList();
    }

    @GET
    @Path("{ods}")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(operationId = "getOrganisation", summary = "One organisation (404 if unknown)",
            description = "The organisation as {odsCode, name}; 404 when no organisation has this ODS code.")
    @APIResponse(responseCode = "200", description = "The organisation.")
    public OrganisationView get(@PathParam("ods") @OdsCode String ods) {
        return shown(service.get(ods));
    }

    /** The recipients are personal data: shown to the roles that set them. */
    private OrganisationView shown(OrganisationView view) {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.PM) ? view : view.withoutRecipients();
    }

    @PUT
    @Path("{ods}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @CreatesOrganisation
    @Operation(operationId = "putOrganisation", summary = "Create (201, admin only) or rename (200, admin or a pm it is granted to) an organisation",
            description = "The ODS code is 3 to 5 upper-case letters or digits; the name is required, at most 200 "
                    + "characters. returnRecipients (optional, at most 50 email addresses) receive the return by "
                    + "mail; a malformed address is refused with 422 naming it.")
    @APIResponse(responseCode = "200", description = "Renamed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Response put(@PathParam("ods") @OdsCode String ods, @Valid @NotNull OrganisationRequest body) {
        OrganisationService.Saved saved = service.createOrRename(ods, body.name(), body.returnRecipients(),
                identity.hasRole(Roles.ADMIN));
        return Response.status(saved.created() ? 201 : 200).entity(saved.organisation()).build();
    }
}
