package io.migrationinsights.web;

import io.migrationinsights.audit.AuditLog;
import io.migrationinsights.metrics.Reconciliation;
import io.migrationinsights.metrics.ReconciliationMetrics;
import io.migrationinsights.metrics.ReconciliationResource;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.organisations.OrganisationView;
import io.migrationinsights.system.Page;
import io.migrationinsights.system.Paging;
import io.migrationinsights.users.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /organisations/{ods}/reconciliation}: the reconciliation classes with
 * their counts (every role) and, for pm and admin, one class's members with a
 * search, paging and the workbook of every matching member (the API's
 * {@code members.xlsx}). Counts and members come from ReconciliationMetrics,
 * as the API's.
 */
@Path("/organisations/{ods}/reconciliation")
@Produces(MediaType.TEXT_HTML)
public class ReconciliationPage {

    /** What each class means, in a project manager's words (CONTRACT section 3). */
    static final Map<String, String> MEANINGS = Map.of(
            "on_nhsmail", "Active staff with a registered NHSmail account",
            "awaiting_registration", "Active staff whose NHSmail account is not registered yet",
            "needs_account", "Active staff with no NHSmail account",
            "leaver_with_active_legacy_account", "Leavers whose legacy mailbox is still active",
            "legacy_housekeeping", "User mailboxes that are inactive, disabled or suspended",
            "orphan_legacy_account", "User mailboxes whose staff id is empty or unknown",
            "orphan_nhsmail_account", "NHSmail accounts whose staff id is empty, unknown or a leaver's",
            "shared_mailbox_without_valid_owner", "Shared mailboxes whose owner is empty, unknown or a leaver");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reconciliation(OrganisationView org, Table classes, Members members);
    }

    /**
     * The members part of the page (pm and admin): the class shown, the search, the page of members as a
     * table whose download is every matching member, and the links to the pages before and after.
     */
    public record Members(String className, String q, Page<Reconciliation.Member> page, Table table,
                          List<String> classNames, String previousHref, String nextHref) {
    }

    private final OrganisationService organisations;
    private final OrganisationRepository repository;
    private final ReconciliationMetrics reconciliation;
    private final PageContext page;
    private final AuditLog audit;

    ReconciliationPage(OrganisationService organisations, OrganisationRepository repository,
                       ReconciliationMetrics reconciliation, PageContext page, AuditLog audit) {
        this.organisations = organisations;
        this.repository = repository;
        this.reconciliation = reconciliation;
        this.page = page;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public TemplateInstance show(@PathParam("ods") @OdsCode String ods, @QueryParam("class") String className,
                                 @QueryParam("q") String q, @QueryParam("page") String pageNumber) {
        OrganisationView org = organisations.get(ods);
        long id = repository.require(ods).id;
        Members members = null;
        if (page.mayReadPersonalData()) {
            String name = ReconciliationMetrics.isClass(className) ? className : "needs_account";
            String query = Paging.query(q);
            Paging paging = Paging.of(pageNumber, null);
            audit.personalDataShown(ods, "reconciliation/" + name);
            Page<Reconciliation.Member> p = reconciliation.members(id, name, query, paging);
            String api = "/api/organisations/" + ods + "/reconciliation/" + name + "/members.xlsx"
                    + (query == null ? "" : "?q=" + encode(query));
            Table table = new Table("members", "Members of " + name + (query == null ? "" : " matching “"
                    + query + "”") + ": page " + p.page() + " of " + Math.max(1, p.pages()) + ", " + p.total()
                    + " in all", ReconciliationResource.MEMBER_HEADERS, p.items().stream()
                    .map(m -> Arrays.<Object>asList(m.staffId(), m.name(), m.account(), m.status())).toList(), api);
            String self = Pages.organisation(ods) + "/reconciliation?class=" + name
                    + (query == null ? "" : "&q=" + encode(query)) + "&page=";
            members = new Members(name, query == null ? "" : query, p, table, ReconciliationMetrics.classNames(),
                    p.page() > 1 ? self + (Math.min(p.page(), p.pages() + 1) - 1) : null,
                    p.page() < p.pages() ? self + (p.page() + 1) : null);
        }
        return Templates.reconciliation(org, classes(ods, id), members);
    }

    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public Response table(@PathParam("ods") @OdsCode String ods, @PathParam("table") String table) {
        return TableWorkbook.download(List.of(classes(ods, repository.require(ods).id)), table, ods);
    }

    private Table classes(String ods, long id) {
        Table.Builder t = Table.on(Pages.organisation(ods) + "/reconciliation", "classes", "Reconciliation classes")
                .columns("Class", "What it holds", "Count");
        reconciliation.counts(id).classes()
                .forEach(c -> t.row(c.name(), MEANINGS.get(c.name()), c.count()));
        return t.build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
