package io.migrationinsights.web;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.security.Grants;
import io.migrationinsights.users.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/**
 * What every page knows about the signed-in person, read in templates as
 * {@code inject:page} (for example {@code {#if inject:page.mayFinalise}}).
 * Controls a role may not use are hidden with these; the server refuses them
 * anyway through the same {@code @RolesAllowed} the API uses.
 */
@RequestScoped
@Named("page")
public class PageContext {

    private final SecurityIdentity identity;

    PageContext(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String user() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    /** The one role of the signed-in user (admin, pm, finance or viewer). */
    public String role() {
        return Roles.ALL.stream().filter(identity::hasRole).findFirst().orElse("");
    }

    /** Whether the user has one of the roles. */
    public boolean hasAny(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Imports of some kind (admin and pm: all kinds; finance: finance and benefit kinds). */
    public boolean mayImport() {
        return hasAny(Roles.ADMIN, Roles.PM, Roles.FINANCE);
    }

    /** The kinds the user may upload, in dependency order. */
    public List<ImportKind> importKinds() {
        if (hasAny(Roles.ADMIN, Roles.PM)) {
            return List.of(ImportKind.values());
        }
        if (identity.hasRole(Roles.FINANCE)) {
            return Arrays.stream(ImportKind.values()).filter(ImportKind.FINANCE_ROLE_KINDS::contains).toList();
        }
        return List.of();
    }

    /** Finalising and revising returns (pm, admin). */
    public boolean mayFinalise() {
        return hasAny(Roles.ADMIN, Roles.PM);
    }

    /** Names, staff ids and email addresses (pm, admin), as Roles.mayReadPersonalData. */
    public boolean mayReadPersonalData() {
        return Roles.mayReadPersonalData(identity);
    }

    public Grants grants() {
        return Grants.of(identity);
    }

    /** The navigation for a page of organisation {@code ods} (or the top level when null), filtered by role. */
    public List<Nav.Link> nav(String ods, String active) {
        return Nav.links(ods, active, this);
    }
}
