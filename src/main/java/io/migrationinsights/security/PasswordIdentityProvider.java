package io.migrationinsights.security;

import io.migrationinsights.audit.AuditAction;
import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.users.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;

/**
 * Signs in with a user name and password (HTTP Basic now; a browser form
 * later goes through the same provider). Refuses throttled names and
 * addresses before looking at the password, counts failures, audits failures,
 * lockouts and the start of each session, and puts role and grants into the
 * identity.
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserService users;
    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final InsightsConfig config;

    PasswordIdentityProvider(UserService users, SignInThrottle throttle, AuditLog audit, InsightsConfig config) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        this.config = config;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String user = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String address = Identities.clientAddress(request);
        return context.runBlocking(() -> signIn(user, password, address));
    }

    private SecurityIdentity signIn(String user, String password, String address) {
        long wait = throttle.retryAfterSeconds(user, address);
        if (wait > 0) {
            throw SignInThrottled.exception(wait);
        }
        Optional<UserService.Access> access = users.checkPassword(user, password);
        if (access.isEmpty()) {
            EnumSet<SignInThrottle.Scope> locked = throttle.failed(user, address);
            audit.recordAlone(user, AuditAction.SIGN_IN, null, "method=password", "failed");
            for (SignInThrottle.Scope scope : locked) {
                audit.recordAlone(user, AuditAction.SIGN_IN, null, "method=password scope=" + scope.name().toLowerCase()
                        + " lockout=" + config.security().signIn().lockout().toSeconds() + "s", "locked");
            }
            throw new AuthenticationFailedException();
        }
        throttle.succeeded(user);
        QuarkusTransaction.requiringNew().run(() -> {
            if (users.markSignedIn(user, config.security().session())) {
                audit.recordAs(user, AuditAction.SIGN_IN, null, "method=password", "success");
            }
        });
        return Identities.of(access.get());
    }
}
