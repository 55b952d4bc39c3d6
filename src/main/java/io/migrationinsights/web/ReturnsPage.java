package io.migrationinsights.web;

import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.returns.ReturnCheck;
import io.migrationinsights.returns.ReturnCode;
import io.migrationinsights.returns.ReturnService;
import io.migrationinsights.system.ClockProducer;
import io.migrationinsights.system.Months;
import io.migrationinsights.system.ProblemException;
import io.migrationinsights.users.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * {@code /organisations/{ods}/returns}: the monthly returns with their status
 * and versions; one month's figures and checks (errors block finalising,
 * warnings show), downloads (workbook, CSV: the API's own), finalise after a
 * confirmation, revise with a reason. All through {@link ReturnService}, as the API.
 */
@Path("/organisations/{ods}/returns")
@Produces(MediaType.TEXT_HTML)
public class ReturnsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance returns(Organisation org, Table periods);

        static native TemplateInstance period(Organisation org, Month month, Table figures, Table history,
                                              String confirm, String message);
    }

    /**
     * One month as the page shows it.
     *
     * @param latestFinal the latest final version's number, 0 before any
     * @param download    the workbook address of what is shown (the API's)
     */
    record Month(String period, String status, int version, int latestFinal, boolean revised, String revisionReason,
                 String finalisedAt, String finalisedBy, String dueDate, List<ReturnCheck> errors,
                 List<ReturnCheck> warnings, String download, String csv, String figuresSha256) {

        public String pageTitle() {
            return "Return " + period;
        }

        public int nextVersion() {
            return latestFinal + 1;
        }
    }

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK)
            .withZone(ClockProducer.UK);

    private final OrganisationRepository organisations;
    private final ReturnService returns;
    private final SecurityIdentity identity;

    ReturnsPage(OrganisationRepository organisations, ReturnService returns, SecurityIdentity identity) {
        this.organisations = organisations;
        this.returns = returns;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public TemplateInstance list(@PathParam("ods") @OdsCode String ods) {
        return Templates.returns(organisations.require(ods), periods(ods));
    }

    /** One month; {@code ?confirm=finalise} or {@code ?confirm=revise} shows that form first (pm, admin). */
    @GET
    @Path("{period}")
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public TemplateInstance period(@PathParam("ods") @OdsCode String ods, @PathParam("period") String period,
                                   @QueryParam("confirm") String confirm, @QueryParam("done") String done) {
        YearMonth month = Months.parse("period", period);
        String message = switch (done == null ? "" : done) {
            case "finalised" -> "Finalised: this version is frozen. Later imports do not change it.";
            case "revised" -> "Revised: a new final version was stored with your reason.";
            default -> null;
        };
        boolean mayConfirm = "finalise".equals(confirm) || "revise".equals(confirm);
        return show(ods, month, mayConfirm && mayFinalise() ? confirm : null, message);
    }

    @POST
    @Path("{period}/finalise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    public Response finalise(@PathParam("ods") @OdsCode String ods, @PathParam("period") String period) {
        YearMonth month = Months.parse("period", period);
        try {
            returns.finalise(ods, month, user());
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(show(ods, month, null, e.toProblem().detail())).build();
        }
        return Pages.seeOther(path(ods, month) + "?done=finalised");
    }

    @POST
    @Path("{period}/revise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.ADMIN, Roles.PM})
    public Response revise(@PathParam("ods") @OdsCode String ods, @PathParam("period") String period,
                           @RestForm String reason) {
        YearMonth month = Months.parse("period", period);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            return Response.status(422).entity(show(ods, month, "revise",
                    "Give the reason for the revision (at most 2000 characters): it is stored with the version.")).build();
        }
        try {
            returns.revise(ods, month, reason.strip(), user());
        } catch (ProblemException e) {
            return Response.status(e.status()).entity(show(ods, month, null, e.toProblem().detail())).build();
        }
        return Pages.seeOther(path(ods, month) + "?done=revised");
    }

    /** The page's tables as workbooks: the list of months, and a month's figures and versions. */
    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public Response listTable(@PathParam("ods") @OdsCode String ods, @PathParam("table") String table) {
        return TableWorkbook.download(List.of(periods(ods)), table, ods + "-returns");
    }

    @GET
    @Path("{period}/tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public Response periodTable(@PathParam("ods") @OdsCode String ods, @PathParam("period") String period,
                                @PathParam("table") String table) {
        YearMonth month = Months.parse("period", period);
        ReturnService.Rendered r = returns.get(ods, month, null, false);
        return TableWorkbook.download(List.of(figures(ods, month, r), history(ods, month)), table,
                ods + "-return-" + month);
    }

    private TemplateInstance show(String ods, YearMonth month, String confirm, String message) {
        Organisation org = organisations.require(ods);
        ReturnService.Rendered r = returns.get(ods, month, null, false);
        ReturnService.Listed listed = returns.list(ods).stream().filter(l -> l.period().equals(month.toString()))
                .findFirst().orElse(null);
        int latestFinal = listed == null || !"final".equals(listed.status()) ? 0 : listed.version();
        var doc = r.document();
        String api = "/api/organisations/" + ods + "/returns/" + month;
        String version = r.isFinal() ? "?version=" + doc.version() : "";
        Month m = new Month(month.toString(), r.isFinal() ? "final" : "draft", doc.version(), latestFinal,
                doc.revised(), doc.revisionReason(), stamp(r.finalisedAt()), r.finalisedBy(), dueDate(listed),
                doc.checks().stream().filter(ReturnCheck::isError).toList(),
                doc.checks().stream().filter(c -> !c.isError()).toList(),
                api + ".xlsx" + version, api + ".csv" + version, doc.figures().sha256());
        return Templates.period(org, m, figures(ods, month, r), history(ods, month), confirm, message);
    }

    /** The due date of a period (CONTRACT section 8), as GET returns gives it. */
    private static String dueDate(ReturnService.Listed listed) {
        return listed == null || listed.dueDate() == null ? null : listed.dueDate().toString();
    }

    private Table periods(String ods) {
        Table.Builder t = Table.on(Pages.organisation(ods) + "/returns", "periods", "Monthly returns")
                .columns("Month", "Status", "Version", "Due", "Finalised at (UK)", "Finalised by");
        for (ReturnService.Listed l : returns.list(ods)) {
            t.row(l.period(), l.status(), l.version(), dueDate(l), stamp(l.finalisedAt()), l.finalisedBy());
        }
        return t.build();
    }

    private static Table figures(String ods, YearMonth month, ReturnService.Rendered r) {
        Table.Builder t = Table.on(path(ods, month), "figures", "Figures of the return for " + month
                        + (r.isFinal() ? " (version " + r.document().version() + ", final)" : " (draft)"))
                .columns("Code", "Figure", "Value");
        for (Map.Entry<ReturnCode, Long> e : r.document().figures().values().entrySet()) {
            t.row(e.getKey().name(), e.getKey().label(), e.getValue());
        }
        return t.build();
    }

    private Table history(String ods, YearMonth month) {
        Table.Builder t = Table.on(path(ods, month), "versions", "Final versions of " + month)
                .columns("Version", "Finalised at (UK)", "Finalised by", "Reason for revision", "Figures SHA-256 (first 12)");
        returns.list(ods).stream().filter(l -> l.period().equals(month.toString())).findFirst()
                .ifPresent(l -> l.versions().forEach(v -> t.row(v.version(), stamp(v.finalisedAt()), v.finalisedBy(),
                        v.revisionReason(), v.sha256() == null ? null : v.sha256().substring(0, 12))));
        return t.build();
    }

    private static String path(String ods, YearMonth month) {
        return Pages.organisation(ods) + "/returns/" + month;
    }

    private static String stamp(Instant at) {
        return at == null ? null : STAMP.format(at);
    }

    private boolean mayFinalise() {
        return identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.PM);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
