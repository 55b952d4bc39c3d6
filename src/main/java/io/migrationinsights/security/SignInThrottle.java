package io.migrationinsights.security;

import io.migrationinsights.system.InsightsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and per client address
 * ({@code insights.security.sign-in.*}). At the limit, the name or address is
 * refused for a short lockout; a successful sign-in clears its user name's count.
 * Counts live in memory: each instance throttles what it sees, and a restart
 * clears them.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Past this many tracked keys, expired ones are dropped so memory stays bounded. */
    private static final int PURGE_ABOVE = 10_000;

    private final InsightsConfig.Security.SignIn config;
    private final Clock clock;
    private final Map<String, Counter> users = new ConcurrentHashMap<>();
    private final Map<String, Counter> addresses = new ConcurrentHashMap<>();

    SignInThrottle(InsightsConfig config, Clock clock) {
        this.config = config.security().signIn();
        this.clock = clock;
    }

    /** Failures since {@code since}, and the end of a lockout (or null). */
    private record Counter(int failures, Instant since, Instant lockedUntil) {
    }

    /** Which key a lockout was started for. */
    public enum Scope { USER, ADDRESS }

    /** Seconds until the user name and the address may try again; 0 when they may now. */
    public long retryAfterSeconds(String user, String address) {
        Instant now = clock.instant();
        return Math.max(wait(users.get(key(user)), now), wait(addresses.get(address), now));
    }

    /**
     * Counts a failed sign-in.
     *
     * @return the scopes whose lockout this failure started (empty when none)
     */
    public EnumSet<Scope> failed(String user, String address) {
        EnumSet<Scope> locked = EnumSet.noneOf(Scope.class);
        if (count(users, key(user), config.maxFailuresPerUser())) {
            locked.add(Scope.USER);
        }
        if (count(addresses, address, config.maxFailuresPerAddress())) {
            locked.add(Scope.ADDRESS);
        }
        return locked;
    }

    /** A successful sign-in clears the user name's failures (not the address's). */
    public void succeeded(String user) {
        users.remove(key(user));
    }

    /** Forgets every count (tests use it to leave no lockout behind). */
    void clear() {
        users.clear();
        addresses.clear();
    }

    private boolean count(Map<String, Counter> counters, String key, int max) {
        Instant now = clock.instant();
        if (counters.size() > PURGE_ABOVE) {
            counters.values().removeIf(c -> expired(c, now));
        }
        boolean[] started = {false};
        counters.compute(key, (k, c) -> {
            if (c == null || expired(c, now)) {
                c = new Counter(0, now, null);
            }
            int failures = c.failures() + 1;
            if (failures >= max) {
                started[0] = true;
                return new Counter(0, now, now.plus(config.lockout()));
            }
            return new Counter(failures, c.since(), c.lockedUntil());
        });
        return started[0];
    }

    private boolean expired(Counter c, Instant now) {
        boolean lockOver = c.lockedUntil() == null || !c.lockedUntil().isAfter(now);
        return lockOver && c.since().plus(config.window()).isBefore(now);
    }

    private static long wait(Counter c, Instant now) {
        if (c == null || c.lockedUntil() == null || !c.lockedUntil().isAfter(now)) {
            return 0;
        }
        long millis = c.lockedUntil().toEpochMilli() - now.toEpochMilli();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }
}
