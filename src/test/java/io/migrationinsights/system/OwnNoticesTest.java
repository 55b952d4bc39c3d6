package io.migrationinsights.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migrationinsights.support.Db;
import io.migrationinsights.support.Waits;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An instance's own notices come back to its listener ({@link Changes}): it has acted on them when their
 * transaction committed, and does not a second time. PostgreSQL only (-Ppostgres): H2 sends no notices.
 */
@QuarkusTest
class OwnNoticesTest {

    @Inject
    Changes changes;

    @Test
    void anInstanceActsOnItsOwnNoticeOnce() throws Exception {
        assumeTrue(Db.postgres(), "PostgreSQL only");
        Waits.until("the listener connected", () -> changes.listening());
        String name = "own-notices-" + System.nanoTime();
        List<String> forgotten = new CopyOnWriteArrayList<>();
        RecentlyRead<String, String> cache = new RecentlyRead<>(changes, name, 10, key -> key, Duration.ofMinutes(1),
                (key, value) -> forgotten.add(key + "=" + value));
        cache.get("a", key -> Optional.of("first"));
        cache.get("b", key -> Optional.of("kept"));

        QuarkusTransaction.requiringNew().run(() -> changes.changed(name, "a"));
        assertEquals(List.of("a=first"), forgotten, "forgotten at the commit");
        assertEquals(Optional.of("second"), cache.get("a", key -> Optional.of("second")));

        // another instance's notice, committed after ours: once it is acted on, ours has come back as well
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select pg_notify(?, ?)")) {
            ps.setString(1, Changes.CHANNEL);
            ps.setString(2, name + " b");
            ps.execute();
        }
        Waits.until("the other notice acted on", () -> forgotten.contains("b=kept"));
        assertEquals(List.of("a=first", "b=kept"), forgotten, "a forgotten once, b on the other's notice");
        assertEquals(Optional.of("second"), cache.get("a", key -> Optional.of("third")));
    }
}
