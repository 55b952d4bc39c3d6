package io.migrationinsights.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API token from an {@code Authorization: Bearer} header. */
public class TokenAuthenticationRequest extends BaseAuthenticationRequest {

    private final String token;

    public TokenAuthenticationRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
