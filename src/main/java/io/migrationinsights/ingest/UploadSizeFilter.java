package io.migrationinsights.ingest;

import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.system.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 413 before an oversized upload is read, when the client says its size.
 * Uploads without a length are cut off while streaming by {@link LimitedInputStream}.
 */
public class UploadSizeFilter {

    private final InsightsConfig config;

    UploadSizeFilter(InsightsConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversized(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        long limit = config.importing().maxUploadSize().asLongValue();
        try {
            if (Long.parseLong(length.strip()) > limit) {
                Problem p = LimitedInputStream.tooLarge(limit).toProblem();
                return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE).entity(p).build());
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
