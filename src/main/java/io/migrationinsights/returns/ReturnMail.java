package io.migrationinsights.returns;

import io.migrationinsights.system.MailOut;
import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The return's mail to its recipients (CONTRACT section 8): the workbook when
 * a return is finalised or revised, the monthly "ready" notice and the
 * reminder. Each is sent only after the transaction that recorded it has
 * committed (AFTER_SUCCESS), so nothing is mailed for work that rolled back.
 * The mails hold aggregates only: no names, staff ids or other addresses.
 */
@ApplicationScoped
class ReturnMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final MailOut out;

    ReturnMail(MailOut out) {
        this.out = out;
    }

    void sealed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReturnSealed e) {
        if (e.recipients().isEmpty()) {
            return;
        }
        String what = (e.revised() ? "Revised" : "Final") + " return " + e.odsCode() + " " + e.period()
                + " version " + e.version();
        String logged = (e.revised() ? "revised" : "final") + " return " + e.odsCode() + " " + e.period()
                + " version " + e.version();
        String text = "The monthly NHS Digital return of " + e.organisationName() + " (" + e.odsCode() + ") for "
                + e.period() + " was " + (e.revised() ? "revised" : "finalised") + ".\n\n"
                + "Period: " + e.period() + "\n"
                + "Version: " + e.version() + (e.revised() ? " (revised)" : "") + "\n"
                + "Figures SHA-256: " + e.figuresSha256() + "\n"
                + "Due date: " + day(e.dueDate()) + "\n\n"
                + "The workbook is attached: " + e.fileName() + "\n";
        Mail mail = new Mail().setTo(e.recipients()).setSubject(what + " (" + e.organisationName() + ")")
                .setText(text).addAttachment(e.fileName(), e.workbook(), ReturnWorkbook.MEDIA_TYPE);
        out.send(mail, logged);
    }

    void noticed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReturnNoticeRecorded e) {
        if (e.recipients().isEmpty()) {
            return;
        }
        boolean ready = e.kind() == ReturnNotice.Kind.READY;
        String subject = (ready ? "Return ready to check: " : "Reminder: return not final yet: ")
                + e.odsCode() + " " + e.period() + ", due " + day(e.dueDate());
        String text = (ready
                ? "The month " + e.period() + " has ended. The draft of the monthly NHS Digital return of "
                        + e.organisationName() + " (" + e.odsCode() + ") is recorded and ready to check.\n\n"
                : "The monthly NHS Digital return of " + e.organisationName() + " (" + e.odsCode() + ") for "
                        + e.period() + " is not final yet, and it is due in two working days.\n\n")
                + "Period: " + e.period() + "\n"
                + "Due date: " + day(e.dueDate()) + "\n"
                + "Draft figures SHA-256: " + e.figuresSha256() + "\n\n"
                + "Check and finalise it: POST /api/organisations/" + e.odsCode() + "/returns/" + e.period()
                + "/finalise (download the draft from GET /api/organisations/" + e.odsCode() + "/returns/"
                + e.period() + ".xlsx).\n";
        out.send(new Mail().setTo(e.recipients()).setSubject(subject).setText(text),
                e.kind().column() + " notice " + e.odsCode() + " " + e.period());
    }

    private static String day(LocalDate date) {
        return DAY.format(date);
    }
}
