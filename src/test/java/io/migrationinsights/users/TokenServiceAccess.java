package io.migrationinsights.users;

/** Lets tests outside the package find a token's row the way the service does. */
public final class TokenServiceAccess {

    private TokenServiceAccess() {
    }

    public static String sha256(String token) {
        return TokenService.sha256(token);
    }
}
