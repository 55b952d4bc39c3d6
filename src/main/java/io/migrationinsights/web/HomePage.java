package io.migrationinsights.web;

import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.organisations.OrganisationView;
import io.migrationinsights.security.Grants;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /}: the sign-in form, or once signed in the organisations granted to
 * the user (CONTRACT section 7). The form posts to {@code /j_security_check}
 * (Quarkus form authentication); a refused sign-in comes back here with
 * {@code ?signin=failed} or {@code ?signin=paused&wait=N} (security.SecurityFailures).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String message, boolean signedOut);

        static native TemplateInstance organisations(List<OrganisationView> organisations);
    }

    private final OrganisationService organisations;
    private final PageContext page;

    private final String sessionCookie;

    HomePage(OrganisationService organisations, PageContext page,
             @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie) {
        this.organisations = organisations;
        this.page = page;
        this.sessionCookie = sessionCookie;
    }

    @GET
    @PermitAll
    public TemplateInstance home(@QueryParam("signin") String signin, @QueryParam("wait") Long wait) {
        if (!page.signedIn()) {
            String message = switch (signin == null ? "" : signin) {
                case "failed" -> "The user name or password is not right. Check them and try again.";
                case "paused" -> "Sign-in is paused after repeated failures. Try again in "
                        + (wait == null ? "a minute" : wait + " seconds") + ".";
                default -> null;
            };
            return Templates.signIn(message, "out".equals(signin));
        }
        Grants grants = page.grants();
        return Templates.organisations(organisations.list().stream().filter(o -> grants.allows(o.odsCode())).toList());
    }

    /**
     * Ends the browser session and shows the sign-in form. The session is the
     * encrypted cookie alone (nothing on the server), so removing it ends it;
     * this is what FormAuthenticationMechanism.logout does, which needs the
     * mechanism to have run in this application first.
     */
    @POST
    @Path("sign-out")
    @Authenticated
    public Response signOut() {
        return Response.seeOther(java.net.URI.create(Pages.HOME + "?signin=out"))
                .cookie(new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }
}
