package io.migrationinsights.system;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells every instance of the service, at once, that something one of them keeps in memory
 * ({@link RecentlyRead}: API tokens, organisations, an organisation's registrations) has changed, so the next
 * request on any instance reads it again. The owner of a cache calls {@link #changed} inside the transaction
 * that writes what it caches; once that transaction commits:
 * <ul>
 *   <li>this instance forgets it before the request that changed it answers, and</li>
 *   <li>on PostgreSQL every instance forgets it when its listener receives the notice: the transaction issued
 *       {@code pg_notify('insights_changes', '<cache> [<key>]')}, which PostgreSQL delivers only on commit,
 *       to every connection listening on the channel. Each instance keeps one such connection of its own
 *       (outside the pool, on a daemon thread). Its own notices come back to it too: having acted on them at
 *       the commit, it skips them, told apart by the backend that sent them and their text (an owner such as
 *       ImportedFigures, which computes again what a notice made it forget, would otherwise do it twice).</li>
 * </ul>
 *
 * <p>While that connection is not listening (at start, after it was lost, until it is back) nothing is served
 * from memory: every read goes to the database ({@link #serves}), because a notice sent meanwhile is lost.
 * Once it listens again, everything kept before is forgotten. So a revoked token is refused by every instance
 * as soon as the revocation commits (CONTRACT section 7, "revokes it at once"), never some seconds later.
 * The embedded H2 has one process, so there the local forgetting on commit is all there is.
 *
 * <p>Why: signed-in requests and the registrations figure read the same few rows again and again; kept in
 * memory they answered several times faster under wrk (reports/benchmarks.md, issue #11), and an expiry
 * alone left other instances trusting a revoked token for up to its length.
 */
@ApplicationScoped
public class Changes {

    /** The PostgreSQL channel of the notices. */
    static final String CHANNEL = "insights_changes";
    /** The listening connection's application_name, as pg_stat_activity shows it. */
    public static final String LISTENER_NAME = "insights-changes";

    private static final Logger LOG = Logger.getLogger(Changes.class);
    /** The longest wait between two attempts to connect the listener. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);
    /** After this long without a notice the listener checks its connection with a query. */
    private static final int QUIET_MILLIS = 10_000;
    /** Key of this transaction's notices among the transaction's resources. */
    private static final Object PENDING = new Object();

    /** A transaction's notices, and those sent to PostgreSQL as "pid notice" ({@link #ownNotices}). */
    private record Pending(Set<String> notices, List<String> sent) {
    }

    private final TransactionSynchronizationRegistry transactions;
    private final Jdbi jdbi;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Duration reconnectWait;
    private final boolean postgres;
    private final Map<String, List<RecentlyRead<?, ?>>> caches = new ConcurrentHashMap<>();
    /**
     * This instance's own notices on their way back to its listener, as "pid notice" (the sending connection's
     * backend) with how many: already acted on at the commit, so not a second time when they arrive.
     */
    private final Map<String, Integer> ownNotices = new ConcurrentHashMap<>();
    /** Whether a notice sent now would reach this instance (always on H2). */
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile Connection connection;
    private Thread listener;

    Changes(TransactionSynchronizationRegistry transactions, Jdbi jdbi, InsightsConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.transactions = transactions;
        this.jdbi = jdbi;
        this.url = url;
        this.user = user;
        this.password = password;
        this.reconnectWait = config.changes().reconnectWait();
        this.postgres = url.startsWith("jdbc:postgresql:");
        this.listening = !postgres;
    }

    /**
     * Records, inside the transaction that changes it, that {@code cache} changed: all of it when {@code key}
     * is null, else the entry of that key (its {@code toString()}; the cache turns it back into a key). The
     * notice is sent and acted on only if the transaction commits.
     *
     * @throws IllegalStateException outside a transaction: a change must commit before anyone forgets it
     */
    public void changed(String cache, Object key) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("Changes.changed(" + cache + ") outside a transaction");
        }
        if (transactions.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
            return; // nothing of it will commit
        }
        String notice = key == null ? cache : cache + " " + key;
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            Pending started = new Pending(new HashSet<>(), new ArrayList<>());
            transactions.putResource(PENDING, started);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        started.notices().forEach(Changes.this::received);
                    } else {
                        // PostgreSQL drops them with the rollback: none will come back
                        started.sent().forEach(Changes.this::arrived);
                    }
                }
            });
            pending = started;
        }
        if (pending.notices().add(notice) && postgres) {
            // on the transaction's own connection: PostgreSQL delivers it with the commit, or never
            try {
                int pid = jdbi.withHandle(h -> {
                    try (PreparedStatement ps = h.getConnection().prepareStatement(
                            "select pg_backend_pid() from pg_notify(?, ?)")) {
                        ps.setString(1, CHANNEL);
                        ps.setString(2, notice);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                });
                String own = pid + " " + notice;
                ownNotices.merge(own, 1, Integer::sum);
                pending.sent().add(own);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not send the notice " + notice, e);
            }
        }
    }

    /** Whether a notice the listener received is one of this instance's own (then no longer awaited). */
    private boolean arrived(String own) {
        boolean[] was = {false};
        ownNotices.computeIfPresent(own, (k, n) -> {
            was[0] = true;
            return n == 1 ? null : n - 1;
        });
        return was[0];
    }

    /**
     * Whether {@code cache} may answer from memory now: only while notices reach this instance, and not inside
     * a transaction that has itself changed it (it would keep what may yet be rolled back).
     */
    boolean serves(String cache) {
        return listening && !changedHere(cache);
    }

    private boolean changedHere(String cache) {
        if (transactions.getTransactionKey() == null) {
            return false;
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            return false;
        }
        for (String notice : pending.notices()) {
            if (notice.equals(cache) || notice.startsWith(cache + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Whether this instance hears every change (false on PostgreSQL while its listener is not connected). */
    public boolean listening() {
        return listening;
    }

    /** A cache that forgets on notices of {@code name}; called by its constructor. */
    void follow(String name, RecentlyRead<?, ?> cache) {
        caches.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(cache);
    }

    /** Acts on one notice, {@code <cache>} or {@code <cache> <key>}. */
    void received(String notice) {
        int space = notice.indexOf(' ');
        String name = space < 0 ? notice : notice.substring(0, space);
        String key = space < 0 ? null : notice.substring(space + 1);
        for (RecentlyRead<?, ?> cache : caches.getOrDefault(name, List.of())) {
            cache.forget(key);
        }
    }

    private void forgetEverything() {
        ownNotices.clear(); // those not yet back will not come back on this connection
        caches.values().forEach(list -> list.forEach(cache -> cache.forget(null)));
    }

    void start(@Observes StartupEvent event) {
        if (!postgres) {
            return;
        }
        listener = new Thread(this::listen, LISTENER_NAME);
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (listener != null) {
            listener.interrupt();
            closeQuietly(connection);
        }
    }

    /** The listener's loop: connect, listen, forget everything, then act on notices until the connection fails. */
    private void listen() {
        Duration wait = reconnectWait;
        boolean lostOnce = false;
        while (!stopped) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("listen " + CHANNEL);
                }
                // whatever was kept before may have changed unheard
                forgetEverything();
                listening = true;
                LOG.infof(lostOnce ? "Listening again for changes made by other instances; caches in use again"
                        : "Listening for changes made by other instances (PostgreSQL channel %s)", CHANNEL);
                wait = reconnectWait;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notices = pg.getNotifications(QUIET_MILLIS);
                    if (notices == null || notices.length == 0) {
                        try (Statement st = c.createStatement()) {
                            st.execute("select 1"); // a connection lost without a word fails here
                        }
                        continue;
                    }
                    for (PGNotification n : notices) {
                        // this instance acted on its own notices when they committed
                        if (!arrived(n.getPID() + " " + n.getParameter())) {
                            received(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                boolean was = listening;
                listening = false;
                // a value read while the connection was going may be kept after a notice it missed
                forgetEverything();
                if (stopped) {
                    return;
                }
                if (was || !lostOnce) {
                    LOG.warnf("Not listening for changes made by other instances (%s); everything is read from the "
                            + "database until the connection is back. Trying again in %d ms.", e.getMessage(),
                            wait.toMillis());
                }
                lostOnce = true;
            } finally {
                listening = false;
                connection = null;
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        user.ifPresent(u -> props.setProperty("user", u));
        password.ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", LISTENER_NAME);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", "10");
        // the check after a quiet spell gives up on a connection that no longer answers
        props.setProperty("socketTimeout", "30");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        c.setAutoCommit(true);
        return c;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // closing is all that was wanted
        }
    }
}
