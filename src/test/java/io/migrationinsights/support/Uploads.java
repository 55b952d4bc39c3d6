package io.migrationinsights.support;

import static io.migrationinsights.support.Api.as;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** CSV uploads as the API receives them: bytes, never re-encoded by the HTTP client. */
public final class Uploads {

    private Uploads() {
    }

    /** POSTs a CSV body to an organisation's import of a kind, signed in as pm. */
    public static Response upload(String ods, String kind, String csv) {
        return upload("pm", ods, kind, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs bytes as text/csv, signed in with the given role. */
    public static Response upload(String role, String ods, String kind, byte[] body) {
        return as(role).contentType("text/csv").body(body).post(path(ods, kind));
    }

    /** Imports CSV bytes as pm and expects them stored (201): for tests that need data, not the import rules. */
    public static void imported(String ods, String kind, byte[] csv) {
        upload("pm", ods, kind, csv).then().log().ifValidationFails().statusCode(201);
    }

    public static String path(String ods, String kind) {
        return "/api/organisations/" + ods + "/imports/" + kind;
    }

    /** The bytes of a named fixture under src/test/resources/csv, e.g. {@code staff/valid-all-formats.csv}. */
    public static byte[] fixture(String name) {
        try (InputStream in = Uploads.class.getResourceAsStream("/csv/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture csv/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header and rows joined with LF line ends. */
    public static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
