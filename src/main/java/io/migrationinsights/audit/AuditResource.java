package io.migrationinsights.audit;

import io.migrationinsights.system.ApiDocument;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/audit} (CONTRACT section 7): the audit trail for admins. There is no way to change it. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocument.AUDIT)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
public class AuditResource {

    static final int MAX_SIZE = 500;

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getAuditTrail", summary = "The audit trail, newest first, paged",
            description = "Filters: from and to (an instant such as 2026-03-01T09:00:00Z, or a date YYYY-MM-DD meaning "
                    + "its start, UTC; to is exclusive), user, action, organisation (ODS code). page counts from 0; size "
                    + "1 to 500, default 50. Answers {page, size, total, items: [{id, at, user, action, organisation, "
                    + "parameters, outcome}]}. Actions: import, return.download, return.finalise, return.revise, "
                    + "report.download, report.finalise, report.revise, personal-data.view, user.save, user.delete, "
                    + "token.create, token.revoke, sign-in, token.refused, backup.create.")
    @APIResponse(responseCode = "200", description = "One page of the trail, newest first.")
    public AuditTrail.Page audit(@QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("user") String user, @QueryParam("action") String action,
                                 @QueryParam("organisation") String organisation,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        if (action != null && !action.isBlank() && AuditAction.byCode(action).isEmpty()) {
            throw ProblemException.badRequest("Unknown action '" + action + "'. Actions: "
                    + Arrays.stream(AuditAction.values()).map(AuditAction::code).collect(Collectors.joining(", ")) + ".");
        }
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("page must be 0 or more and size 1 to " + MAX_SIZE + ".");
        }
        AuditTrail.Filter filter = new AuditTrail.Filter(instant("from", from), instant("to", to), blankToNull(user),
                blankToNull(action), blankToNull(organisation));
        return trail.page(filter, p, s);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a date (YYYY-MM-DD) or a UTC instant "
                    + "(2026-03-01T09:00:00Z), not '" + text + "'.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
