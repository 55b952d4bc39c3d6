package io.migrationinsights.returns;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A scheduled notice was recorded (a row of return_notice): fired inside the
 * transaction that writes the row; {@link ReturnMail} mails it only after that
 * transaction commits, so a failed run mails nothing and the next run retries.
 */
public record ReturnNoticeRecorded(String odsCode, String organisationName, YearMonth period,
                                   ReturnNotice.Kind kind, LocalDate dueDate, String figuresSha256,
                                   List<String> recipients) {
}
