package io.migrationinsights.security;

/** The WWW-Authenticate challenges of the service: HTTP Basic and API tokens, one realm. */
public final class Challenges {

    public static final String REALM = "Migration Insights";
    public static final String BASIC = "Basic realm=\"" + REALM + "\"";
    public static final String BEARER = "Bearer realm=\"" + REALM + "\"";

    private Challenges() {
    }
}
