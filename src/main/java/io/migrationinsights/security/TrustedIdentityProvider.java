package io.migrationinsights.security;

import io.migrationinsights.users.UserService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identities that arrive without a password on each request, such as a browser
 * session cookie from a form login: the user is looked up again every time, so
 * a deleted user's session ends with its next request and a role or grant
 * change applies at once.
 */
@ApplicationScoped
public class TrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserService users;

    TrustedIdentityProvider(UserService users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> users.access(request.getPrincipal()).map(Identities::of)
                .orElseThrow(AuthenticationFailedException::new));
    }
}
