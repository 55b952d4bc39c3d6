package io.migrationinsights.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Admin endpoint for users (CONTRACT section 7). */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    /** Body of {@code PUT /api/users/{username}}. */
    public record UserRequest(String password, String role) {
    }

    /** What a user reads back: never the password or its hash. */
    public record UserView(String username, String role) {
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Create or update a user with a role (201 created, 200 updated)",
            description = "Roles: admin, pm, finance, viewer. Passwords shorter than 12 characters are refused (422).")
    public Response put(@PathParam("username") String username, UserRequest body) {
        UserRequest req = body == null ? new UserRequest(null, null) : body;
        boolean created = users.createOrUpdate(username, req.password(), req.role());
        return Response.status(created ? 201 : 200).entity(new UserView(username, req.role())).build();
    }
}
