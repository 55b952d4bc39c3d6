package io.migrationinsights.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Addresses of the pages and the redirects between them (Post/Redirect/Get). */
public final class Pages {

    /** The sign-in page, which lists the user's organisations once signed in. */
    public static final String HOME = "/";
    /** Where page paths start; everything under it is a page (HTML), never the API. */
    public static final String ORGANISATIONS = "/organisations";

    private Pages() {
    }

    /** The overview of an organisation; its other pages are below it. */
    public static String organisation(String ods) {
        return ORGANISATIONS + "/" + ods;
    }

    /** 303 See Other: after a form post the browser GETs the page (a reload does not post again). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** Whether a request path is a page (pages redirect to sign-in; the API and /q answer 401). */
    public static boolean isPage(String path) {
        return path != null && (path.equals(HOME) || path.equals(ORGANISATIONS) || path.startsWith(ORGANISATIONS + "/")
                || path.equals("/sign-out") || path.equals(UsersPage.PATH) || path.startsWith(UsersPage.PATH + "/"));
    }
}
