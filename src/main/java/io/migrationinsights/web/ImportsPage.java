package io.migrationinsights.web;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportLedger;
import io.migrationinsights.ingest.ImportProgress;
import io.migrationinsights.ingest.ImportResult;
import io.migrationinsights.ingest.ImportUploads;
import io.migrationinsights.ingest.RowError;
import io.migrationinsights.organisations.OdsCode;
import io.migrationinsights.organisations.Organisation;
import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.system.ClockProducer;
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
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code /organisations/{ods}/imports}: choose a kind and upload a CSV export
 * (through the same {@link ImportUploads} as the API), see the refused rows
 * (row, column, value, message) or the accepted import, and the import
 * history with who and when. The form works without JavaScript; with it, a
 * progress bar shows the upload and then the rows the server has read
 * ({@code progress/{uploadId}}, fed by the import's row counter).
 */
@Path("/organisations/{ods}/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(Organisation org, String uploadId, UploadOutcomes.Outcome outcome,
                                               Table rowErrors, Table history);
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.UK)
            .withZone(ClockProducer.UK);

    private final OrganisationRepository organisations;
    private final ImportLedger ledger;
    private final ImportUploads uploads;
    private final ImportProgress progress;
    private final UploadOutcomes outcomes;
    private final SecurityIdentity identity;
    private final SecureRandom random = new SecureRandom();

    ImportsPage(OrganisationRepository organisations, ImportLedger ledger, ImportUploads uploads,
                ImportProgress progress, UploadOutcomes outcomes, SecurityIdentity identity) {
        this.organisations = organisations;
        this.ledger = ledger;
        this.uploads = uploads;
        this.progress = progress;
        this.outcomes = outcomes;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public TemplateInstance page(@PathParam("ods") @OdsCode String ods, @QueryParam("upload") String upload) {
        Organisation org = organisations.require(ods);
        UploadOutcomes.Outcome outcome = outcomes.get(upload, user(), ods).orElse(null);
        Table errors = outcome == null || outcome.errors().isEmpty() ? null : rowErrors(ods, upload, outcome.errors());
        return Templates.imports(org, newUploadId(), outcome, errors, history(ods));
    }

    /** The page's form: imports the file, then sends the browser to the page showing the outcome. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE})
    public Response upload(@PathParam("ods") @OdsCode String ods, @RestForm String kind,
                           @RestForm("file") FileUpload file, @RestForm boolean allowEmpty,
                           @RestForm String uploadId) {
        organisations.require(ods);
        String id = ImportProgress.valid(uploadId) ? uploadId : newUploadId();
        String kindName = kind == null ? "" : kind;
        String fileName = file == null ? null : file.fileName();
        progress.received(id, user());
        UploadOutcomes.Outcome outcome;
        try {
            ImportResult result = uploads.audited(ods, kindName, () -> {
                ImportKind k = uploads.permitted(kindName);
                if (file == null || file.size() == 0 && (file.fileName() == null || file.fileName().isBlank())) {
                    throw ProblemException.badRequest("Choose a CSV file to upload.");
                }
                uploads.refuseIfTooLarge(file.size());
                return uploads.run(ods, k, file.uploadedFile(), file.fileName(), allowEmpty, id);
            });
            outcome = new UploadOutcomes.Outcome(user(), ods, result.kind(), fileName, result, result.duplicate() ? 200
                    : 201, null, null, List.of(), outcomes.now());
        } catch (ProblemException e) {
            var p = e.toProblem();
            List<RowError> errors = new ArrayList<>();
            if (p.errors() != null) {
                p.errors().stream().filter(RowError.class::isInstance).map(RowError.class::cast).forEach(errors::add);
            }
            String known = ImportKind.byUrlName(kindName).map(ImportKind::urlName).orElse(null);
            outcome = new UploadOutcomes.Outcome(user(), ods, known, fileName, null, p.status(), p.title(),
                    p.detail(), errors, outcomes.now());
        }
        outcomes.put(id, outcome);
        return Pages.seeOther(Pages.organisation(ods) + "/imports?upload=" + id + "#outcome");
    }

    /** How far the upload has got: {@code {"phase": "READING", "rowsRead": 1200}} (the page's script polls it). */
    @GET
    @Path("progress/{uploadId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE})
    public Response progress(@PathParam("ods") @OdsCode String ods, @PathParam("uploadId") String uploadId) {
        return progress.of(uploadId, user())
                .map(s -> Response.ok(Map.of("phase", s.phase().name(), "rowsRead", s.rowsRead())).build())
                .orElseGet(() -> Response.ok(Map.of("phase", "WAITING", "rowsRead", 0)).build());
    }

    /** The page's tables as workbooks: the history, and the refused rows of an upload ({@code ?upload=}). */
    @GET
    @Path("tables/{table}.xlsx")
    @Produces(TableWorkbook.XLSX)
    @RolesAllowed({Roles.ADMIN, Roles.PM, Roles.FINANCE, Roles.VIEWER})
    public Response table(@PathParam("ods") @OdsCode String ods, @PathParam("table") String table,
                          @QueryParam("upload") String upload) {
        organisations.require(ods);
        List<Table> tables = new ArrayList<>();
        tables.add(history(ods));
        outcomes.get(upload, user(), ods).filter(o -> !o.errors().isEmpty())
                .ifPresent(o -> tables.add(rowErrors(ods, upload, o.errors())));
        return TableWorkbook.download(tables, table, ods + "-imports");
    }

    private Table history(String ods) {
        Table.Builder t = Table.on(Pages.organisation(ods) + "/imports", "history", "Import history, newest first")
                .columns("Imported at (UK)", "Kind", "Rows", "Imported by", "File", "Import", "SHA-256 (first 12)");
        for (ImportLedger.ImportView v : ledger.list(ods)) {
            t.row(v.importedAt() == null ? null : STAMP.format(v.importedAt()), v.kind(), v.rows(), v.importedBy(),
                    v.fileName(), v.importId(), v.sha256() == null ? null : v.sha256().substring(0, 12));
        }
        return t.build();
    }

    private static Table rowErrors(String ods, String upload, List<RowError> errors) {
        Table.Builder t = Table.on(Pages.organisation(ods) + "/imports", "row-errors", "Rows refused (row 1 is the header)")
                .columns("Row", "Column", "Value", "Problem");
        errors.forEach(e -> t.row(e.row(), e.column(), e.value(), e.message()));
        Table built = t.build();
        return new Table(built.id(), built.caption(), built.columns(), built.rows(),
                built.exportHref() + "?upload=" + upload);
    }

    private String newUploadId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
