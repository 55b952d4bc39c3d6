package io.migrationinsights.returns;

/**
 * The figures of the monthly return (CONTRACT section 5), in the order they
 * appear on the Return sheet, in the CSV and in the figures hash. The codes are
 * stable: NHS Digital and the hash depend on them.
 */
public enum ReturnCode {
    ACC_CREATED("NHSmail accounts created in the month"),
    ACC_REGISTERED("NHSmail accounts registered in the month"),
    ACC_REGISTERED_CUMULATIVE("NHSmail accounts registered to the end of the month (cumulative)"),
    ACC_NEEDED_NEXT_MONTH("NHSmail accounts still needed for next month's migrations"),
    STAFF_IN_SCOPE("Staff in scope of the migration"),
    STAFF_MIGRATED_CUMULATIVE("Staff migrated to the end of the month (cumulative)"),
    STAFF_OUTSTANDING("Staff in scope not yet migrated at the end of the month"),
    WASHUP_UNAVAILABLE("Staff unavailable on their designated migration day (to the end of the month)"),
    WASHUP_MIGRATED("Staff migrated at a wash-up appointment (to the end of the month)");

    private final String label;

    ReturnCode(String label) {
        this.label = label;
    }

    /** Plain-English label shown beside the code. */
    public String label() {
        return label;
    }
}
