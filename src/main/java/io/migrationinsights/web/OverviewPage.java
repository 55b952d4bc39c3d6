package io.migrationinsights.web;

import io.migrationinsights.metrics.MigrationMetrics;
import io.migrationinsights.metrics.MigrationProgress;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.Organisation;
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
import java.util.List;

/** {@code /organisations/{ods}}: an organisation's headline figures and charts, from the metric services. */
@Path("/organisations/{ods}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Organisation org, MigrationProgress migration, List<Table> tables);
    }

    private final OrganisationRepository organisations;
    private final MigrationMetrics migration;

    OverviewPage(OrganisationRepository organisations, MigrationMetrics migration) {
        this.organisations = organisations;
        this.migration = migration;
    }

    @GET
    public TemplateInstance overview(@PathParam("ods") @OdsCode String ods) {
        Organisation org = organisations.require(ods);
        MigrationProgress progress = migration.migration(org.id, null);
        return Templates.overview(org, progress, tables(ods, progress));
    }

    /** Every table of the page as a workbook. */
    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    public Response table(@PathParam("ods") @OdsCode String ods, @PathParam("table") String table) {
        Organisation org = organisations.require(ods);
        return TableWorkbook.download(tables(ods, migration.migration(org.id, null)), table, ods + "-overview");
    }

    private static List<Table> tables(String ods, MigrationProgress progress) {
        Table.Builder perSite = Table.on(Pages.organisation(ods), "per-site", "Migration progress per site")
                .columns("Site", "In scope", "Migrated", "Outstanding");
        for (MigrationProgress.GroupProgress g : progress.perSite()) {
            perSite.row(g.name(), g.inScope(), g.migrated(), g.inScope() - g.migrated());
        }
        return List.of(perSite.build());
    }
}
