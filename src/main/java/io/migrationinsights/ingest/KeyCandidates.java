package io.migrationinsights.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The duplicate-key check of one import. While the rows stream, a
 * {@link KeyFilter} names the keys that may stand twice in the file (the
 * candidates, kept up to {@link #MAX_CANDIDATES}); afterwards only their rows
 * are read back from the written rows and checked exactly. A file with no
 * duplicate key (the usual case) costs no query at all; with more candidates
 * than kept, every row is checked in SQL as before the filter. Either way the
 * findings are the same: each row whose key stands on an earlier row, with the
 * earliest such row, in row order, the first {@link CsvRows#MAX_ERRORS}.
 */
final class KeyCandidates {

    static final int MAX_CANDIDATES = 10_000;
    private static final int IN_LIST = 500;
    private static final int BATCH = 256;

    private final ImportKind kind;
    private final int[] keyFields;
    private final List<String> keyColumns;
    private final KeyFilter filter;
    private final List<Object[]> candidates = new ArrayList<>();
    private final long[] pendingHashes = new long[BATCH];
    private final boolean[] fresh = new boolean[BATCH];
    private final Object[] pendingKeys;
    private int pending;
    private long candidateCount;

    /** {@code expectedRows}: about how many rows the file has (0 when unknown), to size the filter once. */
    KeyCandidates(ImportKind kind, long expectedRows) {
        this.kind = kind;
        this.filter = new KeyFilter(expectedRows);
        this.keyFields = kind.key().stream().mapToInt(k -> kind.fields().indexOf(kind.field(k))).toArray();
        this.keyColumns = kind.key().stream().map(k -> kind.field(k).dbColumn()).toList();
        this.pendingKeys = new Object[BATCH * keyFields.length];
    }

    /** Records a valid row's key: in batches of {@value #BATCH}, so the filter reads ahead (KeyFilter#addAll). */
    void add(Row row) {
        int at = pending * keyFields.length;
        long h = KeyFilter.START;
        int length = 0;
        for (int field : keyFields) {
            String value = String.valueOf(row.values[field]);
            h = KeyFilter.feedEnd(KeyFilter.feed(h, value));
            length += value.length() + 1;
            pendingKeys[at++] = row.values[field];
        }
        pendingHashes[pending++] = KeyFilter.finish(h, length);
        if (pending == BATCH) {
            flush();
        }
    }

    /** Runs the keys added since the last flush through the filter, keeping those it names as candidates. */
    private void flush() {
        filter.addAll(pendingHashes, pending, fresh);
        for (int i = 0; i < pending; i++) {
            if (!fresh[i]) {
                candidateCount++;
                if (candidates.size() < MAX_CANDIDATES) {
                    candidates.add(Arrays.copyOfRange(pendingKeys, i * keyFields.length, (i + 1) * keyFields.length));
                }
            }
        }
        Arrays.fill(pendingKeys, null);
        pending = 0;
    }

    /** How many rows the filter named as possible duplicates (every key added so far counted). */
    long candidates() {
        flush();
        return candidateCount;
    }

    /**
     * Adds the duplicate-key findings among the import's rows in {@code table}; {@code indexed} when the table
     * has an index on the organisation and key (the event kinds' tables, whose key also finds the rows an import
     * replaces; the snapshot kinds' rows are written without one, see V12 and V13).
     */
    void check(Connection c, String table, boolean indexed, long orgId, long importId, List<RowError> errors)
            throws SQLException {
        flush();
        if (candidateCount == 0) {
            return;
        }
        if (candidateCount > candidates.size()) {
            everyDuplicate(c, table, indexed, orgId, importId, errors);
            return;
        }
        Map<List<Object>, Long> first = new HashMap<>();
        Map<Long, List<Object>> keyOfRow = new HashMap<>();
        String one = keyColumns.size() == 1 ? "?"
                : "(" + keyColumns.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        String key = keyColumns.size() == 1 ? "t." + keyColumns.get(0)
                : "(" + keyColumns.stream().map(k -> "t." + k).collect(Collectors.joining(", ")) + ")";
        for (int from = 0; from < candidates.size(); from += IN_LIST) {
            List<Object[]> part = candidates.subList(from, Math.min(candidates.size(), from + IN_LIST));
            String sql = "select t.source_row, " + keyColumns.stream().map(k -> "t." + k)
                    .collect(Collectors.joining(", ")) + " from " + table + " t where t.organisation_id = ? "
                    + "and t.import_id = ? and " + key + " in (" + String.join(", ", Collections.nCopies(part.size(), one))
                    + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                ps.setLong(p++, orgId);
                ps.setLong(p++, importId);
                for (Object[] values : part) {
                    for (Object value : values) {
                        ps.setObject(p++, value);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long row = rs.getLong(1);
                        List<Object> values = new ArrayList<>(keyColumns.size());
                        for (int i = 0; i < keyColumns.size(); i++) {
                            values.add(rs.getString(2 + i));
                        }
                        first.merge(values, row, Math::min);
                        keyOfRow.put(row, values);
                    }
                }
            }
        }
        List<long[]> duplicates = new ArrayList<>();
        keyOfRow.forEach((row, values) -> {
            long earliest = first.get(values);
            if (row != earliest) {
                duplicates.add(new long[] {row, earliest});
            }
        });
        duplicates.sort(Comparator.comparingLong(r -> r[0]));
        for (long[] d : duplicates.subList(0, Math.min(duplicates.size(), CsvRows.MAX_ERRORS - errors.size()))) {
            errors.add(finding(d[0], keyOfRow.get(d[0]), d[1]));
        }
    }

    private RowError finding(long row, List<Object> values, long firstRow) {
        return RowError.of(row, kind.key().get(0), values.stream().map(String::valueOf).collect(Collectors.joining(" + ")),
                "duplicate " + String.join(" + ", kind.key()) + ": already on row " + firstRow);
    }

    /**
     * Every row whose key stands on an earlier row, in row order (the first findings only): for a file with
     * more candidate keys than kept, in practice one with thousands of real duplicates. With an index: EXISTS
     * over it stops at the first match, so memory stays flat on H2. Without one: one window over the import's
     * rows (PostgreSQL sorts it on disk when it must; H2 holds it in memory, the one place an H2 import's
     * memory follows its size, and only for such a file).
     */
    private void everyDuplicate(Connection c, String table, boolean indexed, long orgId, long importId,
                                List<RowError> errors) throws SQLException {
        String keys = keyColumns.stream().map(k -> "t." + k).collect(Collectors.joining(", "));
        String sql;
        if (indexed) {
            String sameKey = keyColumns.stream().map(k -> "u." + k + " = t." + k).collect(Collectors.joining(" and "));
            String earlier = " from " + table + " u where u.organisation_id = t.organisation_id and "
                    + sameKey + " and u.import_id = t.import_id and u.source_row < t.source_row";
            sql = "select t.source_row, " + keys + ", (select min(u.source_row)" + earlier + ") as first_row from "
                    + table + " t where t.organisation_id = ? and t.import_id = ? and exists (select 1" + earlier + ")";
        } else {
            sql = "select t.* from (select t.source_row, " + keys + ", min(t.source_row) over (partition by "
                    + keys + ") as first_row from " + table + " t where t.organisation_id = ? and t.import_id = ?) t "
                    + "where t.source_row <> t.first_row";
        }
        sql += " order by 1 fetch first " + (CsvRows.MAX_ERRORS - errors.size()) + " rows only";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, orgId);
            ps.setLong(2, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> values = new ArrayList<>(keyColumns.size());
                    for (int i = 0; i < keyColumns.size(); i++) {
                        values.add(rs.getString(2 + i));
                    }
                    errors.add(finding(rs.getLong(1), values, rs.getLong(2 + keyColumns.size())));
                }
            }
        }
    }
}
