package io.migrationinsights.users;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Admin endpoints for users (CONTRACT section 7). Translates HTTP only. */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final SecurityIdentity identity;

    UserResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    /** Body of {@code PUT /api/users/{username}}; on update an omitted field keeps its value. */
    public record UserRequest(String password, String role, List<String> organisations) {
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a user with a role and organisations (201 created, 200 updated)",
            description = "Roles: admin, pm, finance, viewer. organisations: ODS codes, or [\"*\"] for every "
                    + "organisation; required for a new user other than an admin (admins act on every organisation). "
                    + "An update that omits a field keeps it. Passwords shorter than 12 characters, equal to the user "
                    + "name or rated weak by the nbvcxz strength estimator are refused (422, with the reason).")
    public Response put(@PathParam("username") String username, UserRequest body) {
        UserRequest req = body == null ? new UserRequest(null, null, null) : body;
        UserService.Saved saved = users.save(username, req.password(), req.role(), req.organisations());
        return Response.status(saved.created() ? 201 : 200).entity(saved.user()).build();
    }

    @GET
    @Operation(summary = "Users with role, organisations, created and last sign-in (never a password hash)",
            description = "lastSignInAt is the start of the user's latest session: HTTP Basic signs in on every "
                    + "request, and a new session starts after insights.security.session of no sign-in.")
    public List<UserService.UserView> list() {
        return users.list();
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete a user (204): its access ends at once and the API tokens it created are revoked",
            description = "404 for an unknown user; 409 for yourself or the last admin.")
    public Response delete(@PathParam("username") String username) {
        users.delete(username, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
