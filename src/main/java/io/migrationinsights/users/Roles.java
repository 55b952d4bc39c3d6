package io.migrationinsights.users;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Set;

/** The four roles of the product contract (section 7). */
public final class Roles {
    /** Everything, including users. */
    public static final String ADMIN = "admin";
    /** Imports, returns, finalise; reads everything. */
    public static final String PM = "pm";
    /** Finance and benefit imports; reads everything. */
    public static final String FINANCE = "finance";
    /** Reads metrics, returns and reports. */
    public static final String VIEWER = "viewer";

    /** The four roles. */
    public static final Set<String> ALL = Set.of(ADMIN, PM, FINANCE, VIEWER);

    /** One of the four roles, as a regular expression (request validation, OpenAPI). */
    public static final String PATTERN = "^(" + ADMIN + "|" + PM + "|" + FINANCE + "|" + VIEWER + ")$";

    /**
     * Whether the caller may see personal data (names, staff ids, email
     * addresses): project managers and admins only; other roles get counts.
     */
    public static boolean mayReadPersonalData(SecurityIdentity identity) {
        return identity.hasRole(ADMIN) || identity.hasRole(PM);
    }

    private Roles() {
    }
}
