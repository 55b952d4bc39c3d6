package io.migrationinsights.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in a test for something the service does in the background (a listener connecting, a notice acted on). */
public final class Waits {

    /** The longest a test waits for it. */
    static final Duration AT_MOST = Duration.ofSeconds(20);

    private Waits() {
    }

    /** Returns once {@code condition} holds; fails the test after {@link #AT_MOST}, naming {@code what}. */
    public static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + AT_MOST.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + AT_MOST.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
