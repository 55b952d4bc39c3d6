package io.migrationinsights.web;

import io.migrationinsights.system.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a form post without a valid token with a bare
 * 400. On the pages that happens when a form was left open past the token's
 * life or did not come from this service: say so, as problem+json like every
 * other refusal, with what to do.
 */
public class FormRefusals {

    static final Problem EXPIRED = Problem.of(400, "Form expired",
            "The form was not accepted: it was open too long or did not come from this service's page. "
                    + "Go back, reload the page and send the form again.");

    @ServerResponseFilter
    public void explainBareRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && !"GET".equals(request.getMethod())
                && Pages.isPage(request.getUriInfo().getPath())) {
            response.setEntity(EXPIRED, null, jakarta.ws.rs.core.MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }
}
