package io.migrationinsights.organisations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the API shows of an organisation. {@code returnRecipients} (personal data) is shown to the roles
 * that may change it (admin, pm) and left out for the others.
 */
public record OrganisationView(String odsCode, String name,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "Email addresses that receive the return by mail; shown to "
                                       + "admin and pm only.") List<String> returnRecipients) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.odsCode, o.name, List.copyOf(o.returnRecipients));
    }

    /** The same without the recipients. */
    public OrganisationView withoutRecipients() {
        return new OrganisationView(odsCode, name, null);
    }
}
