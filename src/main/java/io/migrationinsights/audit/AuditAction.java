package io.migrationinsights.audit;

import java.util.Arrays;
import java.util.Optional;

/** What the audit trail records; {@link #code()} is what {@code GET /api/audit?action=} filters on. */
public enum AuditAction {
    /** A CSV import: outcome accepted, duplicate or refused (with the HTTP status). */
    IMPORT("import"),
    /** A monthly return read or downloaded (JSON, workbook or CSV). */
    RETURN_DOWNLOAD("return.download"),
    RETURN_FINALISE("return.finalise"),
    RETURN_REVISE("return.revise"),
    /** A benefits report downloaded, finalised or revised (issue 8 records these). */
    REPORT_DOWNLOAD("report.download"),
    REPORT_FINALISE("report.finalise"),
    REPORT_REVISE("report.revise"),
    /** Personal data shown: reconciliation members, mailbox and account lists. */
    PERSONAL_DATA_VIEW("personal-data.view"),
    USER_SAVE("user.save"),
    USER_DELETE("user.delete"),
    TOKEN_CREATE("token.create"),
    TOKEN_REVOKE("token.revoke"),
    /** A sign-in with a password: success, failure or throttled. */
    SIGN_IN("sign-in"),
    /** A request with an API token that is unknown, revoked or expired. */
    TOKEN_REFUSED("token.refused"),
    /** An online backup of the embedded (H2) database written to the data folder. */
    BACKUP_CREATE("backup.create");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AuditAction> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
