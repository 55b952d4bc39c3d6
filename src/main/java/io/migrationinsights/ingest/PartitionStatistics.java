package io.migrationinsights.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * PostgreSQL: once a snapshot import's own table is in place (committed), its
 * statistics are gathered in the background, so the planner knows its size and
 * values at once instead of when autovacuum next passes. The import does not
 * wait for it (ANALYZE of 1.5M accounts takes about 0.4 s); until it is done the
 * planner estimates from the table's size on disk, which is also right.
 */
@ApplicationScoped
class PartitionStatistics {

    private static final Logger LOG = Logger.getLogger(PartitionStatistics.class);
    private static final String UNDEFINED_TABLE = "42P01";

    /** A snapshot import's own table, attached in the transaction that fired this. */
    record Swapped(String table) {
    }

    private final DataSource dataSource;
    private final ManagedExecutor executor;

    PartitionStatistics(DataSource dataSource, ManagedExecutor executor) {
        this.dataSource = dataSource;
        this.executor = executor;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Swapped swapped) {
        executor.runAsync(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("analyze " + swapped.table());
            } catch (SQLException e) {
                if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                    return; // a later import of the organisation has already replaced it
                }
                // nothing depends on this but plans: autovacuum gathers them in its next pass
                LOG.infof("Statistics of %s not gathered now (%s); autovacuum will", swapped.table(), e.getMessage());
            }
        });
    }
}
