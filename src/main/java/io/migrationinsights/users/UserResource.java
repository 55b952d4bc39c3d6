package io.migrationinsights.users;

import io.migrationinsights.system.ApiDocument;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoints for users (CONTRACT section 7). Translates HTTP only. */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.USERS)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
public class UserResource {

    private final UserService users;
    private final SecurityIdentity identity;

    UserResource(UserService users, SecurityIdentity identity) {
        this.users = users;
        this.identity = identity;
    }

    /**
     * Body of {@code PUT /api/users/{username}}. On update an omitted field keeps its value, so none is
     * required here; what a new user needs is checked by {@link UserService#save}.
     */
    public record UserRequest(
            @Size(min = UserService.MIN_PASSWORD_LENGTH,
                    message = "must have at least " + UserService.MIN_PASSWORD_LENGTH + " characters") String password,
            @Pattern(regexp = Roles.PATTERN, message = "must be one of admin, pm, finance, viewer") String role,
            List<String> organisations) {
    }

    @PUT
    @Path("{username}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putUser",
            summary = "Create or update a user with a role and organisations (201 created, 200 updated)",
            description = "Roles: admin, pm, finance, viewer. organisations: ODS codes, or [\"*\"] for every "
                    + "organisation; required for a new user other than an admin (admins act on every organisation). "
                    + "An update that omits a field keeps it. Passwords shorter than 12 characters, equal to the user "
                    + "name or rated weak by the nbvcxz strength estimator are refused (422, with the reason); so is "
                    + "a user name other than 1 to 100 letters, digits or . _ @ -.")
    @APIResponse(responseCode = "200", description = "Updated.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserService.UserView.class)))
    @APIResponse(responseCode = "201", description = "Created.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserService.UserView.class)))
    public Response put(@PathParam("username") String username, @Valid @NotNull UserRequest body) {
        UserService.Saved saved = users.save(username, body.password(), body.role(), body.organisations());
        return Response.status(saved.created() ? 201 : 200).entity(saved.user()).build();
    }

    @GET
    @Operation(operationId = "listUsers",
            summary = "Users with role, organisations, created and last sign-in (never a password hash)",
            description = "lastSignInAt is the start of the user's latest session: HTTP Basic signs in on every "
                    + "request, and a new session starts after insights.security.session of no sign-in.")
    @APIResponse(responseCode = "200", description = "The users.")
    public List<UserService.UserView> list() {
        return users.list();
    }

    @DELETE
    @Path("{username}")
    @Operation(operationId = "deleteUser",
            summary = "Delete a user (204): its access ends at once and the API tokens it created are revoked",
            description = "404 for an unknown user; 409 for yourself or the last admin.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Response delete(@PathParam("username") String username) {
        users.delete(username, identity.getPrincipal().getName());
        return Response.noContent().build();
    }
}
