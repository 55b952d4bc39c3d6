package io.migrationinsights.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The reconciliation classes of CONTRACT section 3, in the contract's order.
 * {@code membersIncluded} is false when the caller may see counts only: the
 * members (names, staff ids, addresses are personal data) are then omitted.
 */
public record Reconciliation(boolean membersIncluded, List<ReconciliationClass> classes) {

    /** One class: its name, how many it holds and, when allowed, who. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReconciliationClass(String name, long count, List<Member> members) {
    }

    /**
     * One member. {@code account} is the address the class is about (the
     * NHSmail address, or the legacy mailbox); {@code status} its status.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(String staffId, String name, String account, String status) {
    }
}
