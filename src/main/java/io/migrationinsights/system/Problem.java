package io.migrationinsights.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the one error shape of the API.
 *
 * @param errors what was refused, item by item: the rows of a rejected import, the fields of an invalid
 *               request ({@link FieldError}) or the failed checks of a return; otherwise absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "RFC 9457 problem details (application/problem+json), the one error shape of the API.")
public record Problem(
        @Schema(description = "Always about:blank: the status and title say what happened.") String type,
        @Schema(description = "A short summary of the kind of problem.") String title,
        @Schema(description = "The HTTP status.") int status,
        @Schema(description = "What went wrong and what to do about it, for a person.") String detail,
        String instance,
        @Schema(description = "Item by item, when there are several: {row, column, value, message} for each "
                + "refused row of an import, {field, message} for each refused field of a request, the failed checks "
                + "of a return.", type = SchemaType.ARRAY, implementation = Object.class) List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
