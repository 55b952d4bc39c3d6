package io.migrationinsights.security;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.users.TokenService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns a live API token into an identity with its role and grants; unknown, revoked or expired tokens fail (401). */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final TokenService tokens;
    private final AuditLog audit;

    TokenIdentityProvider(TokenService tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.authenticate(request.token()).map(Identities::of).orElseThrow(() -> {
            audit.recordAlone("anonymous", AuditAction.TOKEN_REFUSED, null, null, "refused");
            return new AuthenticationFailedException();
        }));
    }
}
