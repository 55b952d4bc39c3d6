package io.migrationinsights.system;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.core.transaction.NoOpTransactionHandler;

/**
 * The one {@link Jdbi} of the service: SQL-first reads (metric aggregations,
 * the import ledger) over the same Agroal pool as Hibernate (see DESIGN.md).
 *
 * <p>Transactions belong to JTA ({@code @Transactional}, {@code QuarkusTransaction}),
 * never to Jdbi. Inside a transaction Agroal hands every borrower (Hibernate,
 * this Jdbi, a raw JDBC writer) the one connection enlisted in it, so a Jdbi
 * read sees the transaction's own writes and a Jdbi write commits or rolls back
 * with it; outside a transaction each statement runs in auto-commit, as plain
 * JDBC did. {@link NoOpTransactionHandler} keeps Jdbi from reading or changing
 * the connection's transaction state: its default handler would roll back and
 * complain when a handle closes on a connection whose auto-commit is off,
 * which is exactly the state of a connection enlisted in JTA. Jdbi's own
 * {@code inTransaction} is therefore no transaction here: use {@code @Transactional}.
 *
 * <p>Parameters are {@code ?} (by position) or {@code :name}; values bind with
 * {@code setObject} for java.time types, as plain JDBC did.
 */
@ApplicationScoped
public class JdbiProducer {

    @Produces
    @Singleton
    Jdbi jdbi(AgroalDataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.setTransactionHandler(new NoOpTransactionHandler());
        // SQL runs as written: no template engine reading <...> (the queries use <> and <=).
        jdbi.setTemplateEngine(TemplateEngine.NOP);
        return jdbi;
    }
}
