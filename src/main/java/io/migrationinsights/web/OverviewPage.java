package io.migrationinsights.web;

import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.users.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /organisations/{ods}}: an organisation's headline figures, charts
 * (inline SVG, each with its data as a table) and the go-live table, from the
 * metric services ({@link Overview}); every table exports to a workbook.
 */
@Path("/organisations/{ods}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Overview.View view);
    }

    private final OrganisationRepository organisations;
    private final Overview overview;

    OverviewPage(OrganisationRepository organisations, Overview overview) {
        this.organisations = organisations;
        this.overview = overview;
    }

    @GET
    public TemplateInstance overview(@PathParam("ods") @OdsCode String ods) {
        return Templates.overview(overview.of(organisations.require(ods)));
    }

    /** Every table of the page as a workbook. */
    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    public Response table(@PathParam("ods") @OdsCode String ods, @PathParam("table") String table) {
        return TableWorkbook.download(overview.of(organisations.require(ods)).allTables(), table, ods + "-overview");
    }
}
