package io.migrationinsights.security;

import io.migrationinsights.users.UserService;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.vertx.ext.web.RoutingContext;

/** Builds the one shape of identity every provider returns: principal, one role, grants. */
final class Identities {

    private Identities() {
    }

    static SecurityIdentity of(UserService.Access access) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(access.username()))
                .addRole(access.role())
                .addAttribute(Grants.ATTRIBUTE, access.grants())
                .build();
    }

    /** The client address of the HTTP request behind an authentication request. */
    static String clientAddress(AuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || rc.request().remoteAddress() == null) {
            return "unknown";
        }
        return rc.request().remoteAddress().hostAddress();
    }
}
