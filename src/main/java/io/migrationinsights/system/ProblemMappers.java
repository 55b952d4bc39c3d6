package io.migrationinsights.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.migrationinsights.security.Challenges;
import io.migrationinsights.security.SignInThrottled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The single place where exceptions become HTTP answers. Messages are written
 * for people; class names and stack traces never leave the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<String> messages = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted().toList();
        return respond(Problem.of(400, "Invalid request", String.join("; ", messages)));
    }

    /**
     * Jackson's own messages name Java types and fields, so the answer says only
     * where in the body the problem is.
     */
    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(Problem.of(400, "Invalid JSON", "The request body is not valid JSON or has a value of the "
                + "wrong kind" + where + ". Send the fields the API documentation shows."));
    }

    /** A value of the wrong kind (a list where text belongs): more specific than quarkus-rest-jackson's own mapper. */
    @ServerExceptionMapper
    public Response wrongKindOfValue(MismatchedInputException e) {
        return badJson(e);
    }

    /**
     * A role check (@RolesAllowed) that fails: problem+json naming the roles
     * that would be allowed, not an empty 403.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this." + neededRoles(resource)));
    }

    /** Too many failed sign-ins for a user name or address: 429 with Retry-After, before the password is checked. */
    public static Problem throttledProblem(long retryAfterSeconds) {
        return Problem.of(429, "Too many failed sign-ins", "Sign-in is paused for this user name or address after "
                + "repeated failures. Try again in " + retryAfterSeconds + " seconds.");
    }

    /**
     * No or wrong credentials on an API call. Authentication is lazy
     * (quarkus.http.auth.proactive=false), so both arrive here and get the same
     * problem+json as every other error, with the Basic challenge.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        Long wait = SignInThrottled.retryAfterSeconds(e);
        if (wait != null) {
            return Response.status(429).header("Retry-After", wait).type(Problem.MEDIA_TYPE)
                    .entity(throttledProblem(wait)).build();
        }
        return Response.status(401).header("WWW-Authenticate", Challenges.BOTH)
                .type(Problem.MEDIA_TYPE).entity(UNAUTHORIZED).build();
    }

    /** The answer to a missing or wrong sign-in, everywhere (also outside the REST endpoints, see SecurityFailures). */
    public static final Problem UNAUTHORIZED = Problem.of(401, "Unauthorized", "Sign in to realm \""
            + Challenges.REALM + "\": send a user name and password (HTTP Basic) or an API token "
            + "(Authorization: Bearer).");

    private static String neededRoles(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return "";
        }
        RolesAllowed roles = null;
        try {
            roles = resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes())
                    .getAnnotation(RolesAllowed.class);
        } catch (NoSuchMethodException e) {
            // falls back to the class
        }
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null ? "" : " It needs the role " + String.join(" or ", roles.value()) + ".";
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 401 -> "Sign in to use this endpoint.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "The requested format is not available here.";
            case 415 -> "This endpoint does not accept that content type.";
            default -> status >= 500 ? "The service could not complete the request." : title;
        };
        return respond(Problem.of(status, title, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unhandled error", e);
        return respond(Problem.of(500, "Internal error",
                "The service could not complete the request; nothing was changed. "
                        + "The error has been logged."));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
