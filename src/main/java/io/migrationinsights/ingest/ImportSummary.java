package io.migrationinsights.ingest;

/**
 * A summary a domain keeps of one kind's rows (for example registrations per
 * month), counted while an import streams its rows and saved in the import's
 * transaction, so a figure reads a few rows however large the import was and
 * nobody reads the rows a second time to count them. A rejected import saves
 * nothing. Implementations are CDI beans; {@link ImportService} finds them.
 */
public interface ImportSummary {

    /** The kind whose rows this summary counts. */
    ImportKind kind();

    /** A new count for one import. */
    Tally begin();

    /** One import's count. */
    interface Tally {

        /** Counts one row of the import, once it is valid. */
        void add(ImportedRow row);

        /**
         * Replaces the organisation's summary with this count, in the import's transaction, once every row is
         * counted and the import is accepted (a snapshot kind: the rows counted are all the organisation has).
         */
        void save(long organisationId);
    }

    /** A valid row of an import: its typed values by the field names of CONTRACT section 2. */
    interface ImportedRow {
        Object get(String field);
    }
}
