package io.migrationinsights.organisations;

/** What the API shows of an organisation. */
public record OrganisationView(String odsCode, String name) {
    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.odsCode, o.name);
    }
}
