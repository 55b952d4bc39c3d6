package io.migrationinsights.returns;

import static io.migrationinsights.returns.ReturnTest.finalise;
import static io.migrationinsights.returns.ReturnTest.organisationWithFixture;
import static io.migrationinsights.returns.ReturnTest.revise;
import static io.migrationinsights.returns.ReturnTest.url;
import static io.migrationinsights.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.migrationinsights.support.Api;
import io.migrationinsights.support.MailServer;
import io.migrationinsights.system.Sha256;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled work and delivery (CONTRACT section 8) over HTTP and real SMTP
 * (GreenMail in the test JVM): recipients on the organisation, the workbook
 * mailed on finalise and revise, due dates, the notices job invoked as the
 * schedule would on the fixed test day (Wednesday 15 April 2026: the month just
 * ended is March 2026, ready from 1 April, reminder from 14 April, due 16 April),
 * and a job whose database work fails. Each test uses its own organisation and
 * its own addresses.
 */
@QuarkusTest
@QuarkusTestResource(MailServer.class)
class ReturnDeliveryTest {

    static final String XLSX = ReturnWorkbook.MEDIA_TYPE;

    @Inject
    ReturnNotices notices;

    @AfterEach
    void noFailure() {
        FailingNoticeHook.failFor = null;
    }

    static String address(String ods, String who) {
        return who + "." + ods.toLowerCase() + "@migration.nhs.uk";
    }

    static Response setRecipients(String ods, Object recipients) {
        return as("pm").contentType("application/json")
                .body(Map.of("name", "Test organisation " + ods, "returnRecipients", recipients))
                .put("/api/organisations/" + ods);
    }

    static JsonPath returnsList(String ods) {
        return as("viewer").get(url(ods, "")).then().statusCode(200).extract().jsonPath();
    }

    // --- recipients ---------------------------------------------------------------------

    @Test
    void organisationKeepsItsReturnRecipientsAndRefusesAMalformedAddressNamingIt() {
        String ods = Api.newOrganisation();
        String lead = address(ods, "lead");
        setRecipients(ods, List.of(lead, "finance.team@trust.nhs.uk")).then().statusCode(200);

        setRecipients(ods, List.of(lead, "not-an-address")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("'not-an-address' is not an email address"))
                .body("errors[0].field", containsString("returnRecipients"));
        setRecipients(ods, List.of("lead@nodot")).then().statusCode(422);

        JsonPath org = as("pm").get("/api/organisations/" + ods).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(lead, "finance.team@trust.nhs.uk"), org.getList("returnRecipients"));
        // a rename without the field keeps the list; viewers do not see the addresses
        as("admin").contentType("application/json").body(Map.of("name", "Renamed")).put("/api/organisations/" + ods)
                .then().statusCode(200);
        assertEquals(2, as("admin").get("/api/organisations/" + ods).jsonPath().getList("returnRecipients").size());
        assertNull(as("viewer").get("/api/organisations/" + ods).jsonPath().get("returnRecipients"));
        setRecipients(ods, List.of()).then().statusCode(200);
        assertEquals(List.of(), as("pm").get("/api/organisations/" + ods).jsonPath().getList("returnRecipients"));
    }

    // --- a return only for a month that has ended ------------------------------------------

    @Test
    void aMonthThatHasNotEndedCannotBeFinalisedButAnEndedOneCanAndBeRevised() {
        String ods = organisationWithFixture();
        finalise(ods, "2026-04").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot be finalised before the month has ended"))
                .body("detail", containsString("30 April 2026"))
                .body("detail", containsString("15 April 2026"));
        finalise(ods, "2026-05").then().statusCode(409);
        assertEquals("draft", ReturnTest.json(ods, "2026-04").getString("status"));
        finalise(ods, "2026-03").then().statusCode(201);
        revise(ods, "2026-03", "Late HR export").then().statusCode(201);
    }

    @Test
    void returnsListShowsEachPeriodsDueDate() {
        String ods = organisationWithFixture();
        JsonPath list = returnsList(ods);
        // 10th working day after the period: Easter 2026 (3 and 6 April) falls inside March's count
        assertEquals("2026-03-13", list.getString("find { it.period == '2026-02' }.dueDate"));
        assertEquals("2026-04-16", list.getString("find { it.period == '2026-03' }.dueDate"));
        assertEquals("2026-05-15", list.getString("find { it.period == '2026-04' }.dueDate"));
    }

    // --- mail on finalise and revise ---------------------------------------------------------

    @Test
    void finaliseAndReviseMailTheWorkbookToEveryRecipient() throws Exception {
        String ods = organisationWithFixture();
        String lead = address(ods, "lead");
        String deputy = address(ods, "deputy");
        setRecipients(ods, List.of(lead, deputy)).then().statusCode(200);

        Response created = finalise(ods, "2026-03");
        created.then().statusCode(201);
        MimeMessage first = MailServer.awaitFor(lead, 1).get(0);
        assertEquals(1, MailServer.awaitFor(deputy, 1).size());
        assertTrue(first.getSubject().startsWith("Final return " + ods + " 2026-03 version 1"), first.getSubject());
        String body = text(first);
        assertTrue(body.contains("Period: 2026-03"), body);
        assertTrue(body.contains("Version: 1"), body);
        assertTrue(body.contains("Figures SHA-256: " + created.jsonPath().getString("sha256")), body);
        assertTrue(body.contains("Due date: Thursday 16 April 2026"), body);
        byte[] attached = attachment(first, "return-" + ods + "-2026-03-v1.xlsx");
        assertEquals(created.header("X-Workbook-SHA256"), Sha256.of(attached), "the stored workbook's bytes");
        try (XSSFWorkbook wb = Workbooks.open(attached)) {
            assertEquals("FINAL", Workbooks.coverValue(wb, "Status").getStringCellValue());
            assertEquals(ReturnTest.MARCH.get("STAFF_MIGRATED_CUMULATIVE"),
                    (long) Workbooks.returnRow(wb, "STAFF_MIGRATED_CUMULATIVE").getCell(2).getNumericCellValue());
        }
        ReturnTest.assertNoFormulaAnywhere(Workbooks.open(attached));

        Response revised = revise(ods, "2026-03", "Late HR export");
        revised.then().statusCode(201);
        List<MimeMessage> both = MailServer.awaitFor(lead, 2);
        MimeMessage second = both.stream().filter(m -> subject(m).startsWith("Revised")).findFirst().orElseThrow();
        assertTrue(text(second).contains("Version: 2 (revised)"), text(second));
        assertEquals(revised.header("X-Workbook-SHA256"),
                Sha256.of(attachment(second, "return-" + ods + "-2026-03-v2.xlsx")));
        assertFalse(text(second).contains("Late HR export"), "the free-text reason stays out of the mail");
    }

    @Test
    void anOrganisationWithoutRecipientsFinalisesAndNobodyIsMailed() {
        String ods = organisationWithFixture();
        finalise(ods, "2026-03").then().statusCode(201);
        assertEquals(List.of(), as("pm").get("/api/organisations/" + ods).jsonPath().getList("returnRecipients"));
    }

    // --- the scheduled notices ------------------------------------------------------------------

    @Test
    void theJobRecordsTheDraftMailsReadyAndReminderOnceAndARerunMailsNothing() throws Exception {
        String ods = organisationWithFixture();
        String lead = address(ods, "lead");
        setRecipients(ods, List.of(lead)).then().statusCode(200);
        String draftSha = ReturnTest.json(ods, "2026-03").getString("sha256");

        ReturnNotices.Outcome outcome = notices.run();
        assertEquals("2026-03", outcome.period().toString());
        assertFalse(outcome.failed().contains(ods));
        List<MimeMessage> mails = MailServer.awaitFor(lead, 2);
        MimeMessage ready = mails.stream().filter(m -> subject(m).startsWith("Return ready")).findFirst().orElseThrow();
        MimeMessage reminder = mails.stream().filter(m -> subject(m).startsWith("Reminder")).findFirst().orElseThrow();
        assertEquals("Return ready to check: " + ods + " 2026-03, due Thursday 16 April 2026", subject(ready));
        assertTrue(text(ready).contains("Draft figures SHA-256: " + draftSha), text(ready));
        assertTrue(text(reminder).contains("Due date: Thursday 16 April 2026"), text(reminder));

        JsonPath list = returnsList(ods);
        assertEquals(List.of("ready", "reminder"), list.getList("find { it.period == '2026-03' }.notices.kind"));
        assertEquals(List.of(draftSha, draftSha), list.getList("find { it.period == '2026-03' }.notices.figuresSha256"));
        assertEquals(List.of(1, 1), list.getList("find { it.period == '2026-03' }.notices.recipients"));
        assertEquals("2026-04-15T09:30:00.123456Z", list.getString("find { it.period == '2026-03' }.notices[0].recordedAt"));

        ReturnNotices.Outcome again = notices.run();
        assertEquals(0, again.ready() + again.reminders(), "a re-run records (and so mails) nothing: " + again);
        finalise(ods, "2026-03").then().statusCode(201);
        // the finalise mail arrives after any stray notice would have: three mails in all
        List<MimeMessage> after = MailServer.awaitFor(lead, 3);
        assertEquals(3, after.size());
        assertEquals(1, after.stream().filter(m -> subject(m).startsWith("Reminder")).count());
    }

    @Test
    void aFinalPeriodGetsNoNotices() {
        String ods = organisationWithFixture();
        String lead = address(ods, "lead");
        setRecipients(ods, List.of(lead)).then().statusCode(200);
        finalise(ods, "2026-03").then().statusCode(201);
        notices.run();
        assertEquals(List.of(), returnsList(ods).getList("find { it.period == '2026-03' }.notices"));
        assertEquals(1, MailServer.awaitFor(lead, 1).size());
    }

    @Test
    void aJobWhoseDatabaseWorkFailsMailsNothingAndTheNextRunDoesIt() {
        String ods = organisationWithFixture();
        String lead = address(ods, "lead");
        setRecipients(ods, List.of(lead)).then().statusCode(200);

        FailingNoticeHook.failFor = ods;
        ReturnNotices.Outcome failed = notices.run();
        assertEquals(List.of(ods), failed.failed());
        assertEquals(List.of(), returnsList(ods).getList("find { it.period == '2026-03' }.notices"),
                "nothing recorded: the transaction rolled back");

        FailingNoticeHook.failFor = null;
        ReturnNotices.Outcome next = notices.run();
        assertEquals(List.of(), next.failed());
        List<MimeMessage> mails = MailServer.awaitFor(lead, 2);
        assertEquals(List.of("ready", "reminder"),
                returnsList(ods).getList("find { it.period == '2026-03' }.notices.kind"));
        // the failed run sent nothing: the two mails are the second run's (one ready, one reminder)
        assertEquals(1, mails.stream().filter(m -> subject(m).startsWith("Return ready")).count());
        assertEquals(1, mails.stream().filter(m -> subject(m).startsWith("Reminder")).count());
    }

    // --- reading mail -----------------------------------------------------------------------------

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part. */
    static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                String found = text(multi.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static byte[] attachment(MimeMessage m, String fileName) throws Exception {
        Multipart multi = (Multipart) m.getContent();
        for (int i = 0; i < multi.getCount(); i++) {
            BodyPart p = multi.getBodyPart(i);
            if (fileName.equals(p.getFileName())) {
                assertTrue(p.isMimeType(XLSX), p.getContentType());
                try (InputStream in = p.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment " + fileName);
    }

}
