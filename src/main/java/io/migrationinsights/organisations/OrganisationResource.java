package io.migrationinsights.organisations;

import io.migrationinsights.security.CreatesOrganisation;
import io.migrationinsights.security.Grants;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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

@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    private final OrganisationService service;
    private final SecurityIdentity identity;

    OrganisationResource(OrganisationService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** Body of {@code PUT /api/organisations/{ods}}. */
    public record OrganisationRequest(String name) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "The organisations you may use, by ODS code (admins: all)")
    public List<OrganisationView> list() {
        Grants grants = Grants.of(identity);
        return service.list().stream().filter(o -> grants.allows(o.odsCode())).toList();
    }

    @GET
    @Path("{ods}")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    @Operation(summary = "One organisation (404 if unknown)")
    public OrganisationView get(@PathParam("ods") String ods) {
        return service.get(ods);
    }

    @PUT
    @Path("{ods}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    @CreatesOrganisation
    @Operation(summary = "Create (201, admin only) or rename (200, admin or a pm it is granted to) an organisation",
            description = "The ODS code is 3 to 5 upper-case letters or digits.")
    public Response put(@PathParam("ods") String ods, OrganisationRequest body) {
        OrganisationService.Saved saved = service.createOrRename(ods, body == null ? null : body.name(),
                identity.hasRole(Roles.ADMIN));
        return Response.status(saved.created() ? 201 : 200).entity(saved.organisation()).build();
    }
}
