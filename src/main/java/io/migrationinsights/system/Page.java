package io.migrationinsights.system;

import java.util.List;

/**
 * One page of a long list: the page asked for (from 1), its size, the number
 * of items matching in all ({@code total}), the number of pages, and the items.
 * A page past the last has no items.
 */
public record Page<T>(int page, int size, long total, long pages, List<T> items) {

    /** The page of {@code items} out of {@code total}, as asked by {@code paging}. */
    public static <T> Page<T> of(Paging paging, long total, List<T> items) {
        return new Page<>(paging.page(), paging.size(), total, (total + paging.size() - 1) / paging.size(), items);
    }
}
