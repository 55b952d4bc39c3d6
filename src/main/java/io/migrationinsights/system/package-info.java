/**
 * Problem+json, typed configuration, the clock, month and date parameters,
 * and the parts of the OpenAPI document that belong to no one endpoint: here
 * the tags, the security requirement and the problem+json schema; the shared
 * error answers in {@link io.migrationinsights.system.ApiDocument}; title,
 * version, contact, licence and servers in application.properties.
 */
@OpenAPIDefinition(
        info = @Info(title = "Migration Insights API", version = "see application.properties"),
        security = @SecurityRequirement(name = "basicAuth"),
        tags = {
                @Tag(name = ApiDocument.ORGANISATIONS, description = "Organisations by ODS code: every dataset, figure "
                        + "and return belongs to one."),
                @Tag(name = ApiDocument.IMPORTS, description = "CSV exports uploaded per organisation and kind, and the "
                        + "import ledger."),
                @Tag(name = ApiDocument.METRICS, description = "The figures of the product contract, section 3, each "
                        + "defined in its operation's description."),
                @Tag(name = ApiDocument.DECOMMISSIONING, description = "The legacy server decommissioning tracker: "
                        + "the date and the mailboxes allowed to stay."),
                @Tag(name = ApiDocument.RETURNS, description = "The monthly NHS Digital return: drafts, finalised and "
                        + "revised versions, as JSON, workbook or CSV."),
                @Tag(name = ApiDocument.REPORTS, description = "The 6- and 12-month benefits-realisation report: "
                        + "drafts, finalised and revised versions, as JSON, workbook or PDF."),
                @Tag(name = ApiDocument.USERS, description = "Users, their roles and organisations (admin only)."),
                @Tag(name = ApiDocument.TOKENS, description = "API tokens for REST clients (admin only)."),
                @Tag(name = ApiDocument.AUDIT, description = "The audit trail: who did what, when (admin only)."),
                @Tag(name = ApiDocument.BACKUPS, description = "Online backups of the embedded database into the data "
                        + "folder (admin only); PostgreSQL is backed up with pg_dump.")
        },
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
package io.migrationinsights.system;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
