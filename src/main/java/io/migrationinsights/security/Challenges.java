package io.migrationinsights.security;

/** The WWW-Authenticate challenges of the service: HTTP Basic and API tokens, one realm. */
public final class Challenges {

    public static final String REALM = "Migration Insights";
    public static final String BASIC = "Basic realm=\"" + REALM + "\"";
    public static final String BEARER = "Bearer realm=\"" + REALM + "\"";
    /** Both challenges in one header value (RFC 9110 allows a list), Basic first as browsers and curl expect. */
    public static final String BOTH = BASIC + ", " + BEARER;

    private Challenges() {
    }
}
