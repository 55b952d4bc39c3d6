package io.migrationinsights.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationinsights.benefits.BenefitsReport;
import io.migrationinsights.benefits.BenefitsReportService;
import io.migrationinsights.metrics.BenefitMetrics;
import io.migrationinsights.metrics.BenefitStatus;
import io.migrationinsights.metrics.Savings;
import io.migrationinsights.metrics.SavingsMetrics;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.organisations.OrganisationView;
import io.migrationinsights.system.ProblemException;
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
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /organisations/{ods}/benefits}: the benefits register with each
 * benefit's RAG (a word and a colour), savings as of a chosen date, and the
 * 6- and 12-month benefits-realisation reports with their status and their
 * workbook and PDF downloads (the API's, so each download is audited there).
 * Figures from BenefitMetrics, SavingsMetrics and BenefitsReportService, as the API's.
 */
@Path("/organisations/{ods}/benefits")
@Produces(MediaType.TEXT_HTML)
public class BenefitsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance benefits(OrganisationView org, LocalDate asOf, Table savings,
                                                Table register, List<Report> reports);
    }

    /**
     * One benefits-realisation report as the page lists it: its status (provisional, draft or final),
     * version, contractual report date and the date its figures are taken at, and where to download it;
     * {@code unavailable} says why there is none yet (for example no migrated appointment).
     */
    public record Report(int months, String status, int version, String reportDate, String asOf,
                         String workbookHref, String pdfHref, String unavailable) {
    }

    private final OrganisationService organisations;
    private final OrganisationRepository repository;
    private final BenefitMetrics benefits;
    private final SavingsMetrics savings;
    private final BenefitsReportService reports;
    private final ObjectMapper json;
    private final Clock clock;

    BenefitsPage(OrganisationService organisations, OrganisationRepository repository, BenefitMetrics benefits,
                 SavingsMetrics savings, BenefitsReportService reports, ObjectMapper json, Clock clock) {
        this.organisations = organisations;
        this.repository = repository;
        this.benefits = benefits;
        this.savings = savings;
        this.reports = reports;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public TemplateInstance show(@PathParam("ods") @OdsCode String ods, @QueryParam("asOf") LocalDate asOf) {
        OrganisationView org = organisations.get(ods);
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        long id = repository.require(ods).id;
        List<Report> list = new ArrayList<>();
        for (int months : new int[] {6, 12}) {
            list.add(report(ods, months));
        }
        return Templates.benefits(org, date, savingsTable(ods, id, date), register(ods, id, date), list);
    }

    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public Response table(@PathParam("ods") @OdsCode String ods, @PathParam("table") String table,
                          @QueryParam("asOf") LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : LocalDate.now(clock);
        long id = repository.require(ods).id;
        return TableWorkbook.download(List.of(savingsTable(ods, id, date), register(ods, id, date)), table, ods);
    }

    private static String path(String ods) {
        return Pages.organisation(ods) + "/benefits";
    }

    private Table savingsTable(String ods, long id, LocalDate date) {
        Savings s = savings.savings(id, date);
        Table t = Table.on(path(ods), "savings", "Savings as of " + date + " (£)")
                .columns("Figure", "Total", "Cashable", "Non-cashable")
                .row("Cost avoided", s.costAvoided(), s.cashable().costAvoided(), s.nonCashable().costAvoided())
                .row("Legacy running cost saved", s.legacyRunningSaved(), s.cashable().legacyRunningSaved(),
                        s.nonCashable().legacyRunningSaved())
                .row("Project cost", s.projectCost(), s.cashable().projectCost(), s.nonCashable().projectCost())
                .row("New running cost", s.newRunningCost(), s.cashable().newRunningCost(),
                        s.nonCashable().newRunningCost())
                .row("Net saving", s.netSaving(), s.cashable().netSaving(), s.nonCashable().netSaving())
                .build();
        return withDate(t, date);
    }

    private Table register(String ods, long id, LocalDate date) {
        Table.Builder t = Table.on(path(ods), "register", "Benefits register, RAG as of " + date)
                .columns("Benefit", "Title", "Owner", "Measure", "Direction", "Baseline", "Target", "Target date",
                        "Latest value", "Measured on", "RAG", "Kind");
        for (BenefitStatus b : benefits.rag(id, date)) {
            t.row(b.benefitId(), b.title(), b.owner(), b.measure() + " (" + b.unit() + ")", b.direction(),
                    b.baselineValue(), b.targetValue(), b.targetDate(), b.value(), b.measuredOn(), b.rag(),
                    b.disBenefit() ? "dis-benefit" : b.cashable() ? "cashable" : "non-cashable");
        }
        return withDate(t.build(), date);
    }

    /** The table with its download taken at the same date as the page. */
    private static Table withDate(Table t, LocalDate date) {
        return new Table(t.id(), t.caption(), t.columns(), t.rows(), t.exportHref() + "?asOf=" + date);
    }

    private Report report(String ods, int months) {
        String api = "/api/organisations/" + ods + "/benefits-report?months=" + months;
        try {
            BenefitsReportService.Rendered r = reports.get(ods, months, null, false);
            JsonNode content = json.readTree(r.json());
            return new Report(months, r.status().label(), r.version(), content.path("reportDate").asText(""),
                    content.path("asOf").asText(""),
                    api + (r.status() == BenefitsReport.Status.FINAL ? "&version=" + r.version() : "") + "&format=xlsx",
                    api + (r.status() == BenefitsReport.Status.FINAL ? "&version=" + r.version() : "") + "&format=pdf",
                    null);
        } catch (ProblemException e) {
            return new Report(months, "not available", 0, "", "", null, null, e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("The report's JSON cannot be read", e);
        }
    }
}
