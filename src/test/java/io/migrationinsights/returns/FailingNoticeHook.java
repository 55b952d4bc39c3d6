package io.migrationinsights.returns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jdbi.v3.core.Jdbi;

/**
 * Test hook: while {@link #failFor} names an organisation, recording its notice
 * meets a database call that fails inside the job's transaction (a statement
 * on a table that does not exist), as an outage in the middle of the job would.
 */
@ApplicationScoped
public class FailingNoticeHook {

    static volatile String failFor;

    private final Jdbi jdbi;

    FailingNoticeHook(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void recorded(@Observes ReturnNoticeRecorded e) {
        if (e.odsCode().equals(failFor)) {
            jdbi.useHandle(h -> h.execute("update table_lost_in_the_outage set x = 1"));
        }
    }
}
