package io.migrationinsights.system;

/**
 * A request that cannot be served now but may succeed later: answered with its
 * status, problem+json and a {@code Retry-After} header (RFC 9110) by {@link ProblemMappers}.
 */
public class RetryLaterException extends ProblemException {

    private final long retryAfterSeconds;

    public RetryLaterException(int status, String title, String detail, long retryAfterSeconds) {
        super(status, title, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
