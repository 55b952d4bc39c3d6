package io.migrationinsights.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.migrationinsights.security.Challenges;
import io.migrationinsights.security.SignInThrottled;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The single place where exceptions become HTTP answers. Messages are written
 * for people; class names and stack traces never leave the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Long enough for a restarted database or a failed-over connection to come back. */
    static final long DATABASE_RETRY_AFTER_SECONDS = 30;

    private final BooleanSupplier databaseReachable;

    @Inject
    ProblemMappers(DatabaseProbe probe) {
        this(probe::reachable);
    }

    ProblemMappers(BooleanSupplier databaseReachable) {
        this.databaseReachable = databaseReachable;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    /**
     * Bean Validation of a request. A refused JSON body is 422 (the request was
     * understood but its content is not acceptable); a refused path or query
     * parameter is 400, as every other malformed parameter. Each field is listed
     * in {@code errors} as {@link FieldError}.
     */
    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        boolean body = false;
        List<FieldError> errors = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            Violated where = Violated.of(v);
            body |= where.inBody();
            errors.add(new FieldError(where.field(), v.getMessage()));
            sentences.add(where.inBody() || v.getInvalidValue() == null
                    ? "'" + where.field() + "' " + v.getMessage()
                    : "'" + v.getInvalidValue() + "' " + v.getMessage());
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        Collections.sort(sentences);
        String detail = String.join("; ", sentences);
        return body
                ? respond(new Problem("about:blank", "Invalid request body", 422, detail, null, errors))
                : respond(new Problem("about:blank", "Invalid request", 400, detail, null, errors));
    }

    /**
     * Where a violation sits: a property of the JSON body (or the body itself)
     * or a path, query or header parameter, named as the API names it.
     */
    private record Violated(String field, boolean inBody) {

        static Violated of(ConstraintViolation<?> v) {
            Class<?>[] parameterTypes = null;
            String method = null;
            String parameter = null;
            int index = -1;
            List<String> properties = new ArrayList<>();
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.METHOD) {
                    Path.MethodNode m = node.as(Path.MethodNode.class);
                    method = m.getName();
                    parameterTypes = m.getParameterTypes().toArray(Class<?>[]::new);
                } else if (node.getKind() == ElementKind.PARAMETER) {
                    parameter = node.getName();
                    index = node.as(Path.ParameterNode.class).getParameterIndex();
                } else if (node.getName() != null) {
                    properties.add(node.getName());
                }
            }
            if (!properties.isEmpty()) {
                return new Violated(String.join(".", properties), true);
            }
            String name = parameter == null ? null
                    : httpName(v.getRootBeanClass(), method, parameterTypes, index, parameter);
            return name == null ? new Violated("body", true) : new Violated(name, false);
        }

        /**
         * The parameter's name in HTTP (the value of its @PathParam, @QueryParam...),
         * or null when it has none: then it is the request body. The class may be
         * the container's subclass of the resource, whose overriding method carries
         * no annotations, so the whole chain is read.
         */
        private static String httpName(Class<?> resource, String method, Class<?>[] types, int index,
                                       String javaName) {
            for (Class<?> c = resource; c != null; c = c.getSuperclass()) {
                try {
                    for (Annotation a : c.getDeclaredMethod(method, types).getParameterAnnotations()[index]) {
                        String name = a instanceof PathParam p ? p.value()
                                : a instanceof QueryParam q ? q.value()
                                : a instanceof HeaderParam h ? h.value()
                                : a instanceof CookieParam k ? k.value()
                                : a instanceof FormParam f ? f.value()
                                : a instanceof RestPath r ? or(r.value(), javaName)
                                : a instanceof RestQuery r ? or(r.value(), javaName)
                                : a instanceof RestHeader r ? or(r.value(), javaName)
                                : a instanceof RestForm r ? or(r.value(), javaName) : null;
                        if (name != null) {
                            return name;
                        }
                    }
                } catch (NoSuchMethodException e) {
                    // not declared at this level
                }
            }
            return null;
        }

        private static String or(String name, String fallback) {
            return name.isEmpty() ? fallback : name;
        }
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

    /**
     * JSON that parses but holds a value of the wrong type for a field (text
     * for a date, an object for a name...): refused like any other invalid body
     * field, 422 naming the field, without Java type names.
     */
    @ServerExceptionMapper
    public Response badJsonValue(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return respond(Problem.of(400, "Invalid JSON", "The request body is not the JSON object this address "
                    + "expects: see the API document (/q/openapi)."));
        }
        Object value = e instanceof InvalidFormatException f ? f.getValue() : null;
        String message = expected(e.getTargetType(), value);
        return respond(new Problem("about:blank", "Invalid request body", 422, "'" + field + "' " + message, null,
                List.of(new FieldError(field, message))));
    }

    private static String expected(Class<?> type, Object value) {
        if (type == LocalDate.class) {
            return (value == null ? "must be" : "is '" + value + "', not")
                    + " a date in the calendar: use YYYY-MM-DD, for example 2026-03-31.";
        }
        if (type == String.class) {
            return "must be text.";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class)) {
            return "must be a number.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false.";
        }
        if (type != null && (Iterable.class.isAssignableFrom(type) || type.isArray())) {
            return "must be a list.";
        }
        return "has a value of the wrong kind.";
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
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, SimpleResourceInfo resource) {
        if (isPage(resource)) {
            return Response.seeOther(java.net.URI.create("/")).build(); // a browser page: to the sign-in form
        }
        Long wait = SignInThrottled.retryAfterSeconds(e);
        return wait != null ? throttled(wait) : unauthorized();
    }

    /** The browser pages (package web) send a signed-out visitor to the sign-in form instead of a 401. */
    private static boolean isPage(SimpleResourceInfo resource) {
        return resource != null && resource.getResourceClass() != null
                && resource.getResourceClass().getPackageName().equals(WEB_PACKAGE);
    }

    private static final String WEB_PACKAGE = "io.migrationinsights.web";

    /**
     * Credentials that could not be accepted: throttled (429), or wrong (401).
     * The user store is in the database, and its failures reach here without
     * their cause, so the database is asked (off the event loop) whether it
     * answers: if not, 503 instead of a 401 that would tell a signed-up user
     * their password is wrong.
     */
    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e) {
        Long wait = SignInThrottled.retryAfterSeconds(e);
        if (wait != null) {
            return Uni.createFrom().item(throttled(wait));
        }
        return Uni.createFrom().item(databaseReachable::getAsBoolean)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(reachable -> reachable ? unauthorized() : databaseUnavailable(e));
    }

    private static Response throttled(long wait) {
        return Response.status(429).header("Retry-After", wait).type(Problem.MEDIA_TYPE)
                .entity(throttledProblem(wait)).build();
    }

    private static Response unauthorized() {
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
        if (e.getCause() instanceof ProblemException p) {
            return problem(p); // a parameter converter's refusal (TemporalParams), wrapped by the framework
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return badJson(j); // a body that is not JSON at all, wrapped by the framework's reader
        }
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

    /**
     * The transport failed while reading a request body: the client went away,
     * stopped sending (quarkus.http.read-timeout) or a form passed the body limit
     * (then the transport has already answered 413 and closed). One line, no stack trace.
     */
    @ServerExceptionMapper
    public Response bodyNotRead(IOException e) {
        LOG.warnf("Request body not read: %s", e.getMessage());
        return respond(Problem.of(400, "Upload interrupted",
                "The upload stopped before the end of the request; nothing was imported. Send it again."));
    }

    /** A request that may succeed later (a running import, ...): its status with {@code Retry-After}. */
    @ServerExceptionMapper
    public Response retryLater(RetryLaterException e) {
        return retryLaterResponse(e);
    }

    /**
     * Whether a failure is the database being out of reach (refused, ended by the
     * server, network gone) rather than a fault of the request or the service:
     * JDBC's connection-exception class (SQLSTATE 08xxx), PostgreSQL's shutdown
     * states (57P01-57P03) and Hibernate's connection exception, anywhere in the causes.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** 503 with {@code Retry-After} while the database cannot be reached; logged in one line, no stack trace. */
    static Response databaseUnavailable(Throwable e) {
        LOG.warnf("Database unreachable (%s): answered 503", rootMessage(e));
        return retryLaterResponse(new RetryLaterException(503, "Database unavailable",
                "The service cannot reach its database just now. Try again in a minute.",
                DATABASE_RETRY_AFTER_SECONDS));
    }

    private static Response retryLaterResponse(RetryLaterException e) {
        return Response.fromResponse(respond(e.toProblem()))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (databaseUnreachable(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("Unhandled error", e);
        return respond(Problem.of(500, "Internal error",
                "The service could not complete the request; nothing was changed. "
                        + "The error has been logged."));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

}
