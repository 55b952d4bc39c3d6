package io.migrationinsights.metrics;

import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/organisations/{ods}/reconciliation} (CONTRACT section 4). Translates HTTP only. */
@Path("/api/organisations/{ods}/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
@Tag(name = ApiDocument.METRICS)
public class ReconciliationResource {

    private final OrganisationRepository organisations;
    private final ReconciliationMetrics reconciliation;
    private final AuditLog audit;

    ReconciliationResource(OrganisationRepository organisations, ReconciliationMetrics reconciliation,
                           AuditLog audit) {
        this.organisations = organisations;
        this.reconciliation = reconciliation;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "getReconciliation",
            summary = "Reconciliation classes with counts, and members for pm and admin",
            description = "Accounts with status deleted count nowhere. on_nhsmail = active staff with a registered "
                    + "NHSmail account; awaiting_registration = active staff whose account is not registered; "
                    + "needs_account = active staff with no account; leaver_with_active_legacy_account = leavers with an "
                    + "active legacy mailbox (one member per mailbox); legacy_housekeeping = user mailboxes with status "
                    + "inactive, disabled or suspended; orphan_legacy_account = user mailboxes whose staff_id is empty or "
                    + "unknown; orphan_nhsmail_account = NHSmail accounts whose staff_id is empty, unknown or a leaver's; "
                    + "shared_mailbox_without_valid_owner = shared mailboxes whose owner is empty, unknown or a leaver. "
                    + "Members (staff id, name, address, status) are personal data: only pm and admin receive them; "
                    + "viewer and finance get the same classes and counts with membersIncluded=false and no members.")
    @APIResponse(responseCode = "200", description = "The eight classes.")
    public Reconciliation reconciliation(@PathParam("ods") @OdsCode String ods) {
        boolean members = audit.personalDataShown(ods, "reconciliation");
        return reconciliation.reconciliation(organisations.require(ods).id, members);
    }
}
