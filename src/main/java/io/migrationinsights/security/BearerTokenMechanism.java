package io.migrationinsights.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>}; requests without one are left to
 * HTTP Basic. Asked first (highest priority), it also sends the challenge for
 * every mechanism: a 401 problem+json naming the realm with both the Basic
 * and the Bearer challenge, also where no REST exception mapper runs
 * ({@code /q/openapi}, {@code /q/metrics}).
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    static final String SCHEME = "Bearer ";

    private final SecurityFailures failures;

    BearerTokenMechanism(SecurityFailures failures) {
        this.failures = failures;
    }

    @Override
    public int getPriority() {
        // above HTTP Basic (and a later form login), so its challenge is the one sent; a tie would order at random
        return DEFAULT_PRIORITY + 5000;
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        failures.unauthorized(context);
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Uni.createFrom().nullItem();
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(header.substring(SCHEME.length()).strip());
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", Challenges.BASIC));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
