package io.migrationinsights.security;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/**
 * A sign-in refused without checking the password, because its user name or
 * address is locked out for a while: an AuthenticationFailedException (so the
 * security layer treats it as any failed sign-in) carrying the seconds to wait.
 */
public final class SignInThrottled {

    private static final String RETRY_AFTER = "insights.retry-after-seconds";

    private SignInThrottled() {
    }

    static AuthenticationFailedException exception(long retryAfterSeconds) {
        return new AuthenticationFailedException("Too many failed sign-ins", Map.of(RETRY_AFTER, retryAfterSeconds));
    }

    /** Seconds to wait when the failure is a lockout, else null. */
    public static Long retryAfterSeconds(Throwable failure) {
        return failure instanceof AuthenticationFailedException e ? e.getAttribute(RETRY_AFTER) : null;
    }
}
