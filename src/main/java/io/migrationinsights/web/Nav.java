package io.migrationinsights.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The navigation of an organisation's pages, in one place: a page is listed
 * here once, with the roles that may open it (empty = every role). A new page
 * adds a constant; its resource guards itself with the same roles.
 */
public enum Nav {

    OVERVIEW("overview", "Overview", "", Set.of()),
    IMPORTS("imports", "Imports", "/imports", Set.of()),
    RETURNS("returns", "Returns", "/returns", Set.of()),
    RECONCILIATION("reconciliation", "Reconciliation", "/reconciliation", Set.of()),
    BENEFITS("benefits", "Benefits and savings", "/benefits", Set.of()),
    DECOMMISSIONING("decommissioning", "Decommissioning", "/decommissioning", Set.of());

    /** One rendered link: {@code current} marks the page being shown (aria-current). */
    public record Link(String id, String label, String href, boolean current) {
    }

    private final String id;
    private final String label;
    private final String suffix;
    private final Set<String> roles;

    Nav(String id, String label, String suffix, Set<String> roles) {
        this.id = id;
        this.label = label;
        this.suffix = suffix;
        this.roles = roles;
    }

    public String id() {
        return id;
    }

    /** The path of this page for an organisation. */
    public String href(String ods) {
        return Pages.organisation(ods) + suffix;
    }

    static List<Link> links(String ods, String active, PageContext page) {
        List<Link> links = new ArrayList<>();
        if (ods == null) {
            return links;
        }
        for (Nav n : values()) {
            if (n.roles.isEmpty() || page.hasAny(n.roles.toArray(String[]::new))) {
                links.add(new Link(n.id, n.label, n.href(ods), n.id.equals(active)));
            }
        }
        return links;
    }
}
