package io.migrationinsights.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * MailOut's delivery rules with a mailer that fails on purpose: a failed send
 * is tried again a bounded number of times, then given up; with no SMTP host
 * nothing is handed to the mailer at all. (Real SMTP is ReturnDeliveryTest's.)
 */
class MailOutTest {

    /** A mailer that fails the first {@code failures} sends and counts every attempt. */
    static final class FlakyMailer implements ReactiveMailer {
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final int failures;

        FlakyMailer(int failures) {
            this.failures = failures;
        }

        @Override
        public Uni<Void> send(Mail... mails) {
            return Uni.createFrom().deferred(() -> {
                if (attempts.incrementAndGet() <= failures) {
                    return Uni.createFrom().failure(new IllegalStateException("SMTP 451 try later"));
                }
                delivered.incrementAndGet();
                return Uni.createFrom().voidItem();
            });
        }
    }

    static final InsightsConfig.Mail FAST = new InsightsConfig.Mail() {
        @Override
        public int retries() {
            return 3;
        }

        @Override
        public Duration backoff() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(40);
        }
    };

    static Mail mail() {
        return Mail.withText("lead@trust.nhs.uk", "Final return X26 2026-03 version 1", "body");
    }

    @Test
    void aFailedSendIsTriedAgainUntilItGoes() throws InterruptedException {
        FlakyMailer mailer = new FlakyMailer(2);
        new MailOut(mailer, FAST, true).send(mail(), "final return X26 2026-03 version 1");
        awaitValue(() -> mailer.delivered.get(), 1);
        assertEquals(3, mailer.attempts.get(), "two failures, then delivered");
    }

    @Test
    void retriesAreBoundedThenTheSendIsGivenUp() throws InterruptedException {
        FlakyMailer mailer = new FlakyMailer(Integer.MAX_VALUE);
        new MailOut(mailer, FAST, true).send(mail(), "final return X26 2026-03 version 1");
        awaitValue(() -> mailer.attempts.get(), 4);
        Thread.sleep(300); // longer than the remaining back-off: no fifth attempt follows
        assertEquals(4, mailer.attempts.get(), "the first try and 3 retries");
        assertEquals(0, mailer.delivered.get());
    }

    @Test
    void withoutAnSmtpHostNothingIsHandedToTheMailer() {
        FlakyMailer mailer = new FlakyMailer(0);
        MailOut out = new MailOut(mailer, FAST, false);
        out.send(mail(), "final return X26 2026-03 version 1");
        out.send(mail(), "final return X26 2026-04 version 1");
        assertEquals(0, mailer.attempts.get());
    }

    private static void awaitValue(IntSupplier value, int expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (value.getAsInt() < expected && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(expected, value.getAsInt());
    }
}
