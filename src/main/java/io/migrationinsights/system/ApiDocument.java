package io.migrationinsights.system;

/**
 * Names in the OpenAPI document (/q/openapi) that operations share: the tags
 * people find operations under, and the error answers, all
 * {@code application/problem+json} in the one {@link Problem} shape, defined
 * in this package's {@code package-info.java}. Operations refer to them by
 * name ({@code @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)}).
 */
public final class ApiDocument {

    public static final String ORGANISATIONS = "Organisations";
    public static final String IMPORTS = "Imports";
    public static final String METRICS = "Metrics";
    public static final String DECOMMISSIONING = "Decommissioning";
    public static final String RETURNS = "Returns";
    public static final String USERS = "Users";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String NOT_ACCEPTABLE = "NotAcceptable";
    public static final String CONFLICT = "Conflict";
    public static final String TOO_LARGE = "TooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String INVALID_BODY = "InvalidBody";
    public static final String IMPORT_REJECTED = "ImportRejected";

    private ApiDocument() {
    }
}
