package io.migrationinsights.system;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The parts of the OpenAPI document (/q/openapi) that operations share, so
 * each fact is stated once: the tags people find operations under, and the
 * error answers, all {@code application/problem+json} in the one
 * {@link Problem} shape.
 *
 * <p>As a filter (mp.openapi.filter) it defines the shared answers and adds
 * to every operation those that follow from its shape: 401 and 406 to all
 * (every endpoint needs a signed-in user and answers JSON), 400 and 404 where
 * the path names an organisation, 400, 415 and 422 where the body is JSON.
 * Operations declare the rest themselves by name, e.g.
 * {@code @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)}.
 * Tags and the security requirement are in this package's package-info;
 * title, version, contact, licence and servers in application.properties.
 */
public class ApiDocument implements OASFilter {

    public static final String ORGANISATIONS = "Organisations";
    public static final String IMPORTS = "Imports";
    public static final String METRICS = "Metrics";
    public static final String DECOMMISSIONING = "Decommissioning";
    public static final String RETURNS = "Returns";
    public static final String USERS = "Users";
    public static final String TOKENS = "Tokens";
    public static final String AUDIT = "Audit";
    public static final String REPORTS = "Reports";
    public static final String BACKUPS = "Backups";

    public static final String FORBIDDEN = "Forbidden";
    public static final String CONFLICT = "Conflict";
    public static final String TOO_LARGE = "TooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String IMPORT_REJECTED = "ImportRejected";

    public static final String BAD_REQUEST = "BadRequest";
    private static final String UNAUTHORIZED = "Unauthorized";
    public static final String NOT_FOUND = "NotFound";
    private static final String NOT_ACCEPTABLE = "NotAcceptable";
    private static final String INVALID_BODY = "InvalidBody";

    /** The shared answers: name, status, what it means. */
    private record Answer(String name, String status, String description) {
    }

    private static final Answer[] ANSWERS = {
            new Answer(BAD_REQUEST, "400", "A malformed parameter (ODS code, month, date, version), JSON or upload; "
                    + "the detail says which and how to correct it; errors lists each refused parameter as "
                    + "{field, message}."),
            new Answer(UNAUTHORIZED, "401", "No or wrong credentials: sign in with HTTP Basic."),
            new Answer(FORBIDDEN, "403", "The caller's role does not allow this operation."),
            new Answer(NOT_FOUND, "404", "No organisation with this ODS code, or nothing at this address."),
            new Answer(NOT_ACCEPTABLE, "406", "None of the formats in the Accept header is available here."),
            new Answer(CONFLICT, "409", "The request conflicts with the current state; the detail says why."),
            new Answer(TOO_LARGE, "413", "The upload is larger than insights.import.max-upload-size."),
            new Answer(UNSUPPORTED_MEDIA_TYPE, "415",
                    "The body's Content-Type (or the uploaded file, e.g. a workbook) is not accepted here."),
            new Answer(IMPORT_REJECTED, "422", "Invalid rows or header: nothing was stored; errors lists the first "
                    + "1000 findings as {row, column, value, message}, the header being row 1."),
            new Answer(INVALID_BODY, "422", "The body was read but its content is refused; errors lists each field "
                    + "as {field, message}."),
    };

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Answer a : ANSWERS) {
            openAPI.getComponents().addResponse(a.name(), OASFactory.createAPIResponse().description(a.description())
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(Problem.class.getSimpleName())))));
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean organisation = path.getKey().contains("{ods}");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                APIResponses responses = entry.getValue().getResponses();
                add(responses, "401", UNAUTHORIZED);
                add(responses, "406", NOT_ACCEPTABLE);
                if (organisation) {
                    add(responses, "400", BAD_REQUEST);
                    // PUT /api/organisations/{ods} creates the organisation it names: never 404
                    if (!(path.getKey().endsWith("/{ods}") && entry.getKey() == PathItem.HttpMethod.PUT)) {
                        add(responses, "404", NOT_FOUND);
                    }
                }
                Operation op = entry.getValue();
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null
                        && op.getRequestBody().getContent().hasMediaType("application/json")) {
                    add(responses, "400", BAD_REQUEST);
                    add(responses, "415", UNSUPPORTED_MEDIA_TYPE);
                    add(responses, "422", INVALID_BODY);
                }
            }
        }
    }

    private static void add(APIResponses responses, String status, String answer) {
        if (!responses.hasAPIResponse(status)) {
            APIResponse ref = OASFactory.createAPIResponse().ref(answer);
            responses.addAPIResponse(status, ref);
        }
    }
}
