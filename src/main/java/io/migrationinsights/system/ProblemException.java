package io.migrationinsights.system;

import java.util.List;

/**
 * Thrown where a request cannot be served for a reason the caller can act on.
 * Rendered as problem+json by {@link ProblemMappers}; the message is shown to users.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final transient List<?> errors;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ProblemException(int status, String title, String detail, List<?> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors);
    }

    /** The HTTP status the problem is answered with (the audit trail records it for refused imports). */
    public int status() {
        return status;
    }
}
