package io.migrationinsights.security;

import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The organisations a user or token may act on (CONTRACT section 7): a set of
 * ODS codes, or every organisation ({@code ["*"]}). Admins act on every
 * organisation whatever they were granted. The identity providers put the
 * grants into the {@link SecurityIdentity} under {@link #ATTRIBUTE}, so that
 * {@link OrganisationAccessFilter} reads one thing.
 */
public record Grants(boolean all, Set<String> codes) {

    /** The SecurityIdentity attribute holding a caller's grants. */
    public static final String ATTRIBUTE = "insights.grants";
    /** Every organisation. */
    public static final String EVERY = "*";
    public static final Grants NONE = new Grants(false, Set.of());
    public static final Grants ALL = new Grants(true, Set.of());

    private static final Pattern ODS = Pattern.compile("^[A-Z0-9]{3,5}$");

    public Grants {
        codes = Set.copyOf(new TreeSet<>(codes));
    }

    /** Whether these grants cover the organisation. */
    public boolean allows(String ods) {
        return all || codes.contains(ods);
    }

    /** Grants as the API reads and writes them: {@code ["*"]} or the codes in order. */
    public List<String> asList() {
        return all ? List.of(EVERY) : List.copyOf(new TreeSet<>(codes));
    }

    /** The stored form: {@code *} or codes separated by commas. */
    public String stored() {
        return String.join(",", asList());
    }

    public static Grants parseStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        return fromList(Arrays.asList(stored.split(",")));
    }

    /** Grants from a request body; 422 when a code is malformed or {@code "*"} is mixed with codes. */
    public static Grants fromList(List<String> list) {
        if (list.contains(EVERY)) {
            if (list.size() > 1) {
                throw invalid("\"*\" (every organisation) stands alone: send [\"*\"] or a list of ODS codes.");
            }
            return ALL;
        }
        TreeSet<String> codes = new TreeSet<>();
        for (String code : list) {
            if (code == null || !ODS.matcher(code).matches()) {
                throw invalid("'" + code + "' is not an ODS code: organisations is a list of codes such as [\"QSL\"] "
                        + "or [\"*\"] for every organisation.");
            }
            codes.add(code);
        }
        return new Grants(false, codes);
    }

    /** The grants of the caller: every organisation for an admin, otherwise what its identity carries. */
    public static Grants of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return NONE;
        }
        if (identity.hasRole(Roles.ADMIN)) {
            return ALL;
        }
        Grants grants = identity.getAttribute(ATTRIBUTE);
        return grants == null ? NONE : grants;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(422, "Invalid organisations", detail);
    }
}
