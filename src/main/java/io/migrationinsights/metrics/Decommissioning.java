package io.migrationinsights.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The legacy server's decommissioning tracker as of a date. The date is the
 * organisation's override when one is set ({@code dateSource} "setting"),
 * otherwise the latest end_date of its legacy_running_cost finance lines
 * ("finance"), otherwise null ("none"). {@code daysLeft} is negative once
 * the date has passed. Mailboxes and exceptions are listed only for roles
 * that may see personal data ({@code membersIncluded}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decommissioning(LocalDate asOf, LocalDate decommissioningDate, String dateSource, Long daysLeft,
                              long activeUserMailboxes, long onException, long withoutException,
                              boolean membersIncluded, List<Mailbox> mailboxes, List<ApprovedException> exceptions) {

    /** A user mailbox still active on the legacy server. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Mailbox(String account, String staffId, boolean onException) {
    }

    /** An approved exception: the mailbox may stay active until {@code keepUntil} (open-ended when null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApprovedException(String account, String reason, LocalDate keepUntil, String approvedBy,
                            Instant approvedAt, boolean stillActive) {
    }
}
