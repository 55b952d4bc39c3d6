package io.migrationinsights.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port, started with
 * every Quarkus boot of the tests: the service's mailer points at it
 * ({@code quarkus.mailer.host/port}, {@code quarkus.mailer.mock=false}), so a
 * test reads back what really went over SMTP. Registered for every test class
 * by {@code @QuarkusTestResource(MailServer.class)} on ReturnDeliveryTest.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        server = mail;
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * Every mail received so far that names this address (GreenMail keeps one copy per recipient's
     * mailbox: copies of one mail, same Message-ID, count once).
     */
    public static List<MimeMessage> receivedBy(String address) {
        List<MimeMessage> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                Address[] to = m.getAllRecipients();
                String id = m.getMessageID() != null ? m.getMessageID() : m.getSubject() + "|" + m.getContent().hashCode();
                if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))
                        && seen.add(id)) {
                    out.add(m);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /**
     * Waits (up to 60 s: long enough for MailOut's retries on a busy machine) until the address has received
     * {@code count} messages, and returns them.
     */
    public static List<MimeMessage> awaitFor(String address, int count) {
        long until = System.nanoTime() + 60_000_000_000L;
        List<MimeMessage> got = receivedBy(address);
        while (got.size() < count && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            got = receivedBy(address);
        }
        if (got.size() < count) {
            throw new AssertionError("expected " + count + " message(s) for " + address + " within 60 s, got "
                    + got.size());
        }
        return got;
    }
}
