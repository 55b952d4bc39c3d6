package io.migrationinsights.web;

import io.migrationinsights.system.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A refusal on a page, shown as a page. Every refusal leaves the service as
 * problem+json (system.ProblemMappers, and {@link FormRefusals}); when a
 * browser asked for a page (a page path, and HTML named in its Accept header)
 * the same problem, with the same status, is shown inside the site's layout
 * with a way back, instead of raw JSON: a link to another organisation's page
 * (404), a page the role may not open (403), an expired form (400). Clients
 * that do not name HTML, as REST clients and scripts, still get problem+json.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance problem(Problem problem);
    }

    /** After {@link FormRefusals} (response filters run from the highest priority to the lowest). */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void showAsPage(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && Pages.isPage(request.getUriInfo().getPath())
                && namesHtml(request.getHeaderString(HttpHeaders.ACCEPT))) {
            response.setEntity(Templates.problem(problem).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    /** Whether an Accept header names text/html itself (browsers do), not only through a wildcard. */
    static boolean namesHtml(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML);
    }
}
