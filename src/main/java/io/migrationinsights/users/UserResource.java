package io.migrationinsights.users;

import io.migrationinsights.system.ApiDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoint for users (CONTRACT section 7). Translates HTTP only. */
@Path("/api/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.USERS)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
public class UserResource {

    private final UserService users;

    UserResource(UserService users) {
        this.users = users;
    }

    /** Body of {@code PUT /api/users/{username}}. */
    public record UserRequest(
            @NotNull @Size(min = UserService.MIN_PASSWORD_LENGTH,
                    message = "must have at least " + UserService.MIN_PASSWORD_LENGTH + " characters") String password,
            @NotNull @Pattern(regexp = Roles.PATTERN, message = "must be one of admin, pm, finance, viewer") String role) {
    }

    /** What a user reads back: never the password or its hash. */
    public record UserView(String username, String role) {
    }

    @PUT
    @Path("{username}")
    @Operation(operationId = "putUser", summary = "Create or update a user with a role (201 created, 200 updated)",
            description = "Roles: admin, pm, finance, viewer. Passwords shorter than 12 characters are refused (422); "
                    + "so is a user name other than 1 to 100 letters, digits or . _ @ -.")
    @APIResponse(responseCode = "200", description = "Updated.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response put(@PathParam("username") String username, @Valid @NotNull UserRequest body) {
        boolean created = users.createOrUpdate(username, body.password(), body.role());
        return Response.status(created ? 201 : 200).entity(new UserView(username, body.role())).build();
    }
}
