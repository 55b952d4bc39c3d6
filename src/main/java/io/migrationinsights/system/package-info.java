/**
 * Problem+json, typed configuration, the clock, request parameters, and the
 * parts of the OpenAPI document that belong to no one endpoint: the tags, the
 * security requirement and the shared error answers (names in
 * {@link io.migrationinsights.system.ApiDocument}). Title, version, contact,
 * licence and servers are in application.properties.
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
                @Tag(name = ApiDocument.USERS, description = "Users and their roles (admin only).")
        },
        components = @Components(responses = {
                @APIResponse(name = ApiDocument.BAD_REQUEST, responseCode = "400",
                        description = "A malformed parameter (ODS code, month, date, version), JSON or upload; "
                                + "the detail says which and how to correct it.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.UNAUTHORIZED, responseCode = "401",
                        description = "No or wrong credentials: sign in with HTTP Basic.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.FORBIDDEN, responseCode = "403",
                        description = "The caller's role does not allow this operation.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.NOT_FOUND, responseCode = "404",
                        description = "No organisation with this ODS code, or nothing at this address.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.NOT_ACCEPTABLE, responseCode = "406",
                        description = "None of the formats in the Accept header is available here.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.CONFLICT, responseCode = "409",
                        description = "The request conflicts with the current state; the detail says why.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.TOO_LARGE, responseCode = "413",
                        description = "The upload is larger than insights.import.max-upload-size.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                        description = "The body's Content-Type (or the uploaded file, e.g. a workbook) is not accepted here.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.IMPORT_REJECTED, responseCode = "422",
                        description = "Invalid rows or header: nothing was stored; errors lists the first 1000 "
                                + "findings as {row, column, value, message}, the header being row 1.",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDocument.INVALID_BODY, responseCode = "422",
                        description = "The body was read but its content is refused; errors lists each field "
                                + "({field, message}).",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
        }))
package io.migrationinsights.system;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
