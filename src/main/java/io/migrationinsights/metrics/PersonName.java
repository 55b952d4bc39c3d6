package io.migrationinsights.metrics;

/** A person's name in the figures that list people, written once. */
final class PersonName {

    /**
     * The display name of the staff record aliased {@code s}: first and last
     * name joined by a space, null when both are empty (the JSON then has no
     * name rather than an empty one).
     */
    static final String SQL = "nullif(trim(concat(coalesce(s.first_name, ''), ' ', coalesce(s.last_name, ''))), '')";

    private PersonName() {
    }
}
