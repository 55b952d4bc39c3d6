package io.migrationinsights.returns;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A return was finalised or revised: fired inside the transaction that stores
 * the version; {@link ReturnMail} mails the workbook only once it has committed.
 *
 * @param recipients the organisation's returnRecipients, read in that transaction (personal data)
 */
public record ReturnSealed(String odsCode, String organisationName, YearMonth period, int version,
                           boolean revised, String figuresSha256, byte[] workbook, String fileName,
                           LocalDate dueDate, List<String> recipients) {
}
