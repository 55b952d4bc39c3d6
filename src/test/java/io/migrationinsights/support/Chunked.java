package io.migrationinsights.support;

import io.restassured.RestAssured;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends a request body with chunked transfer encoding (no Content-Length), as a
 * streaming client or a proxy does, so a test can prove limits that apply while
 * reading rather than from the declared size.
 */
public final class Chunked {

    private Chunked() {
    }

    /** A finished exchange: status, content type and body text. */
    public record Answer(int status, String contentType, String body) {
    }

    public static Answer post(String role, String path, String contentType, InputStream body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String auth = Base64.getEncoder().encodeToString(("test-" + role + ":" + Api.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        Api.as(role); // makes sure the user exists
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
