package io.migrationinsights.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * quarkus-rest-csrf checks every form post to any endpoint, but the CSRF token
 * belongs to the pages: a REST client that uploads a CSV as a multipart form
 * ({@code curl -u ... -F file=@staff.csv}, CONTRACT section 2) with HTTP Basic
 * or a token never loaded a page and has no token. For such a request (under
 * {@code /api/}, with an {@code Authorization} header, which a cross-site
 * form cannot set) this hands the CSRF filter a matching cookie and header, so
 * the filter passes it; page forms (signed in by the session cookie) are
 * checked as usual.
 */
@ApplicationScoped
class ApiFormCsrfExemption {

    private final SecureRandom random = new SecureRandom();
    private final String cookieName;
    private final String headerName;

    ApiFormCsrfExemption(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String cookieName,
                         @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
                         String headerName) {
        this.cookieName = cookieName;
        this.headerName = headerName;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest request = rc.request();
            if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD
                    && request.getHeader(HttpHeaders.AUTHORIZATION) != null && isForm(request)) {
                String cookies = request.getHeader(HttpHeaders.COOKIE);
                String token = existing(cookies);
                if (token == null) {
                    byte[] bytes = new byte[16];
                    random.nextBytes(bytes);
                    token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    String pair = cookieName + "=" + token;
                    request.headers().set(HttpHeaders.COOKIE, cookies == null ? pair : cookies + "; " + pair);
                }
                request.headers().set(headerName, token);
            }
            rc.next();
        });
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        type = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
    }

    private String existing(String cookies) {
        if (cookies == null) {
            return null;
        }
        for (String part : cookies.split(";")) {
            String p = part.strip();
            if (p.startsWith(cookieName + "=")) {
                return p.substring(cookieName.length() + 1);
            }
        }
        return null;
    }
}
