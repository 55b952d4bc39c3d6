package io.migrationinsights.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.migrationinsights.organisations.OrganisationRepository;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The Jdbi of {@link JdbiProducer} takes part in the JTA transaction of its
 * caller, as DESIGN.md promises: it reads what Hibernate and raw JDBC wrote
 * earlier in the same transaction, and what it writes commits or rolls back
 * with that transaction. Outside a transaction each statement commits alone.
 */
@QuarkusTest
class JdbiTransactionTest {

    @Inject
    Jdbi jdbi;
    @Inject
    DataSource dataSource;
    @Inject
    OrganisationService organisations;
    @Inject
    OrganisationRepository repository;

    private long organisationsCoded(String ods) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from organisation where ods_code = ?")
                .bind(0, ods).mapTo(Long.class).one());
    }

    private long settingsOf(long organisationId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from decommissioning_setting "
                        + "where organisation_id = ?")
                .bind(0, organisationId).mapTo(Long.class).one());
    }

    @Test
    void readsWhatTheTransactionWroteAndForgetsItOnRollback() {
        String ods = Api.nextCode();
        long[] seen = new long[2];
        assertThrows(Abandoned.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            organisations.createOrRename(ods, "Written by Hibernate, not yet committed");
            seen[0] = organisationsCoded(ods);
            seen[1] = countWithRawJdbc(ods);
            throw new Abandoned();
        }));
        assertEquals(1, seen[0], "a Jdbi read inside the transaction sees its uncommitted insert");
        assertEquals(1, seen[1], "so does raw JDBC from the same pool (the import writer's path)");
        assertEquals(0, organisationsCoded(ods), "after the rollback nobody does");
    }

    @Test
    void writesCommitAndRollBackWithTheCallersTransaction() {
        String ods = Api.newOrganisation();
        long id = QuarkusTransaction.requiringNew().call(() -> repository.require(ods).id);
        String insert = "insert into decommissioning_setting (organisation_id, decommission_on, updated_by, updated_at) "
                + "values (?, date '2026-06-30', 'test', ?)";
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

        assertThrows(Abandoned.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            jdbi.useHandle(h -> h.createUpdate(insert).bind(0, id).bind(1, at).execute());
            throw new Abandoned();
        }));
        assertEquals(0, settingsOf(id), "a Jdbi write in a rolled-back transaction is gone");

        QuarkusTransaction.requiringNew().run(() ->
                jdbi.useHandle(h -> h.createUpdate(insert).bind(0, id).bind(1, at).execute()));
        assertEquals(1, settingsOf(id), "a Jdbi write in a committed transaction stays");

        jdbi.useHandle(h -> h.createUpdate("delete from decommissioning_setting where organisation_id = ?")
                .bind(0, id).execute());
        assertEquals(0, settingsOf(id), "outside a transaction a statement commits on its own");
    }

    /** Thrown to end a transaction with a rollback. */
    private static final class Abandoned extends RuntimeException {
    }

    private long countWithRawJdbc(String ods) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from organisation where ods_code = ?")) {
            ps.setString(1, ods);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
