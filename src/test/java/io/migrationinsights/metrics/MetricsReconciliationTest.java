package io.migrationinsights.metrics;

import static io.migrationinsights.metrics.MetricsFixtures.org;
import static io.migrationinsights.metrics.MetricsFixtures.uploadFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reconciliation classes on csv/metrics/reconciliation-*.csv. */
@QuarkusTest
class MetricsReconciliationTest {

    @Inject
    ReconciliationMetrics reconciliation;

    static String load() {
        String ods = Api.newOrganisation();
        uploadFile(ods, "staff", "reconciliation-staff.csv");
        uploadFile(ods, "legacy-accounts", "reconciliation-legacy.csv");
        uploadFile(ods, "nhsmail-accounts", "reconciliation-nhsmail.csv");
        return ods;
    }

    /** Every class with its members as the API streams them (ReconciliationMetrics.forEachMember), counted here. */
    private Reconciliation full(long organisationId) {
        List<Reconciliation.ReconciliationClass> classes = new ArrayList<>();
        for (String name : ReconciliationMetrics.classNames()) {
            List<Reconciliation.Member> members = new ArrayList<>();
            reconciliation.forEachMember(organisationId, name, null, members::add);
            classes.add(new Reconciliation.ReconciliationClass(name, members.size(), members));
        }
        return new Reconciliation(true, classes);
    }

    static Map<String, List<String>> accounts(Reconciliation r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        r.classes().forEach(c -> out.put(c.name(), c.members().stream()
                .map(m -> m.staffId() + "|" + m.account()).toList()));
        return out;
    }

    @Test
    void sortsStaffAndAccountsIntoTheContractClasses() {
        Reconciliation r = full(org(load()));
        Map<String, List<String>> expected = new LinkedHashMap<>();
        // S6 has a registered and an unregistered account: on NHSmail only
        expected.put("on_nhsmail", List.of("S1|ann@nhs.net", "S6|fay@nhs.net"));
        expected.put("awaiting_registration", List.of("S2|bob@nhs.net"));
        // S4's only account is deleted, so it counts as no account
        expected.put("needs_account", List.of("S3|cat@trust.nhs.uk", "S4|dan@trust.nhs.uk"));
        expected.put("leaver_with_active_legacy_account", List.of("S5|eve@trust.nhs.uk"));
        expected.put("legacy_housekeeping", List.of("S2|bob.old@trust.nhs.uk", "null|ghost@trust.nhs.uk"));
        expected.put("orphan_legacy_account", List.of("ZZZ|zed@trust.nhs.uk", "null|ghost@trust.nhs.uk"));
        // the deleted gone@nhs.net counts nowhere
        expected.put("orphan_nhsmail_account", List.of("Q99|unknown@nhs.net", "S5|eve@nhs.net", "null|noid@nhs.net"));
        expected.put("shared_mailbox_without_valid_owner",
                List.of("S5|finance@trust.nhs.uk", "null|rooms@trust.nhs.uk"));
        assertEquals(expected, accounts(r));
        assertEquals(new Reconciliation.Member("S1", "Ann Able", "ann@nhs.net", "active"),
                r.classes().get(0).members().get(0));
    }

    @Test
    void countsWithoutMembersMatchTheMemberLists() {
        long id = org(load());
        Reconciliation counts = reconciliation.counts(id);
        Reconciliation full = full(id);
        for (int i = 0; i < full.classes().size(); i++) {
            assertEquals(full.classes().get(i).count(), counts.classes().get(i).count());
            assertNull(counts.classes().get(i).members());
        }
        assertEquals(List.of(2L, 1L, 2L, 1L, 2L, 2L, 3L, 2L),
                counts.classes().stream().map(Reconciliation.ReconciliationClass::count).toList());
        assertEquals(3, counts.classes().stream().filter(c -> c.name().equals("orphan_nhsmail_account"))
                .findFirst().orElseThrow().count());
    }

    @Test
    void anEmptyOrganisationHasEveryClassAtZero() {
        Reconciliation r = full(org(Api.newOrganisation()));
        assertEquals(8, r.classes().size());
        r.classes().forEach(c -> assertEquals(0, c.count()));
    }
}
