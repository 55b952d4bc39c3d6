package io.migrationinsights.users;

import io.migrationinsights.system.ApiDocument;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoints for API tokens (CONTRACT section 7). Translates HTTP only. */
@Path("/api/tokens")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.TOKENS)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
public class TokenResource {

    private final TokenService tokens;
    private final SecurityIdentity identity;

    TokenResource(TokenService tokens, SecurityIdentity identity) {
        this.tokens = tokens;
        this.identity = identity;
    }

    /** Body of {@code POST /api/tokens}. */
    public record TokenRequest(String name, String role, String expiresAt, List<String> organisations) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createToken", summary = "Create an API token (201 {id, token}); the token is shown this once",
            description = "Send it as Authorization: Bearer <token>. role as for users; organisations: ODS codes or "
                    + "[\"*\"], required unless the role is admin; expiresAt (required): a date YYYY-MM-DD (the token "
                    + "ends as that day starts, UK time) or an instant. Only its SHA-256 is stored.")
    @APIResponse(responseCode = "201", description = "Created: {id, token}; the token is not shown again.")
    public Response create(TokenRequest body) {
        TokenRequest req = body == null ? new TokenRequest(null, null, null, null) : body;
        TokenService.Created created = tokens.create(req.name(), req.role(), req.expiresAt(), req.organisations(),
                identity.getPrincipal().getName());
        return Response.status(201).entity(created)
                .header("Location", "/api/tokens/" + created.id())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(operationId = "listTokens",
            summary = "API tokens with role, organisations, expiry, creator, revocation and last use (never the token)",
            description = "Every token, newest first; the token itself is never shown again after its creation.")
    @APIResponse(responseCode = "200", description = "The tokens.")
    public List<TokenService.TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeToken", summary = "Revoke a token at once (204); 404 when there is no such token",
            description = "The next request with the token is refused (401), on every instance of the service on "
                    + "the same database: each is told when the revocation commits.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }
}
