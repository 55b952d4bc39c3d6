package io.migrationinsights.web;

import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.metrics.Decommissioning;
import io.migrationinsights.metrics.DecommissioningMetrics;
import io.migrationinsights.metrics.DecommissioningResource;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.organisations.OrganisationView;
import io.migrationinsights.system.Page;
import io.migrationinsights.system.Paging;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /organisations/{ods}/decommissioning}: the legacy server's
 * decommissioning date, days left and mailboxes left (every role); for pm and
 * admin the approved exceptions, with forms to add and remove them, and the
 * active mailboxes with a search, paging and a workbook. The same
 * DecommissioningMetrics as the API; the forms carry the CSRF token and the
 * server refuses them to other roles.
 */
@Path("/organisations/{ods}/decommissioning")
@Produces(MediaType.TEXT_HTML)
public class DecommissioningPage {

    private static final int MAX_REASON = 2000;
    private static final int MAX_ACCOUNT = 320;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance decommissioning(OrganisationView org, Decommissioning tracker,
                                                       Lists lists, Form form, String message, String error);
    }

    /** The pm and admin part: exceptions (with the table to download) and one page of active mailboxes. */
    public record Lists(List<Decommissioning.ApprovedException> exceptions, Table exceptionsTable,
                        Page<Decommissioning.Mailbox> page, Table mailboxes, String q,
                        String previousHref, String nextHref) {
    }

    /** The add-exception form as sent, and what is wrong with it (null when nothing). */
    public record Form(String account, String reason, String keepUntil, String error) {
        static final Form EMPTY = new Form("", "", "", null);
    }

    private final OrganisationService organisations;
    private final OrganisationRepository repository;
    private final DecommissioningMetrics decommissioning;
    private final PageContext page;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    DecommissioningPage(OrganisationService organisations, OrganisationRepository repository,
                        DecommissioningMetrics decommissioning, PageContext page, AuditLog audit,
                        SecurityIdentity identity, Clock clock) {
        this.organisations = organisations;
        this.repository = repository;
        this.decommissioning = decommissioning;
        this.page = page;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public TemplateInstance show(@PathParam("ods") @OdsCode String ods, @QueryParam("q") String q,
                                 @QueryParam("page") String pageNumber, @QueryParam("done") String done) {
        String message = switch (done == null ? "" : done) {
            case "added" -> "The exception was recorded.";
            case "removed" -> "The exception was withdrawn.";
            default -> null;
        };
        return render(ods, q, pageNumber, Form.EMPTY, message, null);
    }

    @POST
    @Path("exceptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    public Response addException(@PathParam("ods") @OdsCode String ods, @FormParam("account") String account,
                                 @FormParam("reason") String reason, @FormParam("keepUntil") String keepUntil) {
        String a = account == null ? "" : account.strip();
        String r = reason == null ? "" : reason.strip();
        String k = keepUntil == null ? "" : keepUntil.strip();
        String error = null;
        LocalDate until = null;
        if (a.isEmpty() || a.length() > MAX_ACCOUNT) {
            error = "Give the legacy mailbox account (at most " + MAX_ACCOUNT + " characters), for example "
                    + "jane.doe@trust.nhs.uk.";
        } else if (r.isEmpty() || r.length() > MAX_REASON) {
            error = "Give the reason the mailbox may stay (at most " + MAX_REASON + " characters).";
        } else if (!k.isEmpty()) {
            try {
                until = LocalDate.parse(k);
            } catch (DateTimeException e) {
                error = "'" + k + "' is not a date for 'Keep until': use YYYY-MM-DD, for example 2026-12-31, "
                        + "or leave it empty.";
            }
        }
        if (error != null) {
            return Response.status(422).entity(render(ods, null, null, new Form(a, r, k, error), null, null)).build();
        }
        decommissioning.approveException(repository.require(ods).id, a, r, until,
                identity.getPrincipal().getName(), clock.instant());
        return Pages.seeOther(path(ods) + "?done=added#exceptions");
    }

    @POST
    @Path("exceptions/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    public Response removeException(@PathParam("ods") @OdsCode String ods, @FormParam("account") String account) {
        if (account == null || !decommissioning.withdrawException(repository.require(ods).id, account.strip())) {
            return Response.status(404).entity(render(ods, null, null, Form.EMPTY, null,
                    "There is no approved exception for that mailbox: it may have been withdrawn already.")).build();
        }
        return Pages.seeOther(path(ods) + "?done=removed#exceptions");
    }

    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public Response table(@PathParam("ods") @OdsCode String ods, @PathParam("table") String table) {
        long id = repository.require(ods).id;
        List<Table> tables = new ArrayList<>();
        tables.add(summary(ods, decommissioning.tracker(id, LocalDate.now(clock), false)));
        if ("exceptions".equals(table)) {
            if (!page.mayReadPersonalData()) {
                throw new ProblemException(403, "Forbidden", "The approved exceptions name mailboxes: project "
                        + "managers and administrators only.");
            }
            audit.personalDataShown(ods, "decommissioning/exceptions.xlsx");
            tables.add(exceptionsTable(ods, decommissioning.exceptions(id)));
        }
        return TableWorkbook.download(tables, table, ods);
    }

    private TemplateInstance render(String ods, String q, String pageNumber, Form form, String message,
                                    String error) {
        OrganisationView org = organisations.get(ods);
        long id = repository.require(ods).id;
        Decommissioning tracker = decommissioning.tracker(id, LocalDate.now(clock), false);
        Lists lists = null;
        if (page.mayReadPersonalData()) {
            String query = Paging.query(q);
            Paging paging = Paging.of(pageNumber, null);
            audit.personalDataShown(ods, "decommissioning");
            List<Decommissioning.ApprovedException> exceptions = decommissioning.exceptions(id);
            Page<Decommissioning.Mailbox> p = decommissioning.mailboxes(id, query, paging);
            String api = "/api/organisations/" + ods + "/metrics/decommissioning/mailboxes.xlsx"
                    + (query == null ? "" : "?q=" + encode(query));
            Table mailboxes = new Table("mailboxes", "Active user mailboxes" + (query == null ? ""
                    : " matching “" + query + "”") + ": page " + p.page() + " of " + Math.max(1, p.pages()) + ", "
                    + p.total() + " in all", DecommissioningResource.MAILBOX_HEADERS, p.items().stream()
                    .map(m -> Arrays.<Object>asList(m.account(), m.staffId(), m.onException())).toList(), api);
            String self = path(ods) + "?" + (query == null ? "" : "q=" + encode(query) + "&") + "page=";
            lists = new Lists(exceptions, exceptionsTable(ods, exceptions), p, mailboxes, query == null ? "" : query,
                    p.page() > 1 ? self + (Math.min(p.page(), p.pages() + 1) - 1) : null,
                    p.page() < p.pages() ? self + (p.page() + 1) : null);
        }
        return Templates.decommissioning(org, tracker, lists, form, message, error);
    }

    private static Table summary(String ods, Decommissioning t) {
        return Table.on(path(ods), "summary", "Decommissioning as of " + t.asOf()).columns("Figure", "Value")
                .row("Decommissioning date", t.decommissioningDate())
                .row("Days left", t.daysLeft())
                .row("Active user mailboxes", t.activeUserMailboxes())
                .row("On an approved exception", t.onException())
                .row("Without exception", t.withoutException())
                .build();
    }

    private static Table exceptionsTable(String ods, List<Decommissioning.ApprovedException> exceptions) {
        Table.Builder t = Table.on(path(ods), "exceptions", "Approved exceptions")
                .columns("Account", "Reason", "Keep until", "Approved by", "Approved at", "Mailbox still active");
        exceptions.forEach(e -> t.row(e.account(), e.reason(), e.keepUntil(), e.approvedBy(), e.approvedAt(),
                e.stillActive()));
        return t.build();
    }

    private static String path(String ods) {
        return Pages.organisation(ods) + "/decommissioning";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
