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
 * PostgreSQL: once a snapshot import's own table is in place (committed), the
 * statistics of the kind's partitioned table are gathered in the background, so
 * the planner knows the new rows at once instead of when autovacuum next passes.
 * ANALYZE of the partitioned table samples every partition and analyzes each
 * (the new one included); autovacuum never does the partitioned table itself,
 * and without its statistics PostgreSQL guessed 40,000 groups where 1.5M staff
 * had appointments and sorted on disk instead of hashing (the migration figure
 * took 7.4 s instead of 4.2 s at national size). The import does not wait for
 * it (about 0.5 s for 1.5M rows); until it is done the planner estimates from
 * the table's size on disk.
 */
@ApplicationScoped
class PartitionStatistics {

    private static final Logger LOG = Logger.getLogger(PartitionStatistics.class);

    /** A snapshot import's own table, attached to {@code partitioned} in the transaction that fired this. */
    record Swapped(String table, String partitioned) {
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
                s.execute("analyze " + swapped.partitioned());
            } catch (SQLException e) {
                // nothing depends on this but plans: the next import's gathers them
                LOG.infof("Statistics of %s not gathered now (%s)", swapped.partitioned(), e.getMessage());
            }
        });
    }
}
