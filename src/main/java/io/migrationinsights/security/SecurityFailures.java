package io.migrationinsights.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationinsights.system.Problem;
import io.migrationinsights.system.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sign-in and permission failures outside the REST endpoints ({@code /q/openapi},
 * {@code /q/metrics}, {@code /q/swagger-ui}, guarded by HTTP permissions) get the
 * same problem+json as the REST endpoints (see ProblemMappers), with the realm's
 * challenges, instead of an empty body. A refused browser sign-in
 * ({@code /j_security_check}) goes back to the form at {@code /} with a message.
 */
@ApplicationScoped
public class SecurityFailures {

    /** Where the browser sign-in form posts (quarkus.http.auth.form.post-location, the default). */
    public static final String SIGN_IN_FORM = "/j_security_check";

    private final ObjectMapper json;

    SecurityFailures(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        Long wait = SignInThrottled.retryAfterSeconds(failure);
        if (SIGN_IN_FORM.equals(rc.normalizedPath()) && (wait != null || failure instanceof AuthenticationFailedException
                || rc.statusCode() == 401)) {
            // the browser sign-in form: back to the form with a message, never a 401 body
            rc.response().setStatusCode(303).putHeader("Location",
                    wait != null ? "/?signin=paused&wait=" + wait : "/?signin=failed").end();
        } else if (wait != null) {
            rc.response().putHeader("Retry-After", Long.toString(wait));
            send(rc, ProblemMappers.throttledProblem(wait));
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || (failure == null && rc.statusCode() == 401)) {
            unauthorized(rc);
        } else if (failure instanceof ForbiddenException || (failure == null && rc.statusCode() == 403)) {
            send(rc, Problem.of(403, "Forbidden", "Your role does not allow this."));
        } else {
            rc.next();
        }
    }

    /** Answers 401 problem+json with the realm's challenges, unless an answer has been started. */
    void unauthorized(RoutingContext rc) {
        if (rc.response().headWritten()) {
            return;
        }
        rc.response().putHeader("WWW-Authenticate", Challenges.BOTH);
        send(rc, ProblemMappers.UNAUTHORIZED);
    }

    private void send(RoutingContext rc, Problem problem) {
        HttpServerResponse response = rc.response();
        try {
            response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            response.setStatusCode(problem.status()).end();
        }
    }
}
