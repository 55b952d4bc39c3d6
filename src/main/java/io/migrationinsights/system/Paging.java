package io.migrationinsights.system;

/**
 * The {@code ?page=&size=} parameters of long lists (reconciliation members,
 * legacy mailboxes): pages count from 1, {@link #DEFAULT_SIZE} rows unless
 * asked, at most {@link #MAX_SIZE}. Anything else is a 400 problem naming the
 * parameter and the accepted range; a page past the last is an empty page.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Highest page number accepted (a million pages of the largest size is far beyond any list). */
    public static final int MAX_PAGE = 1_000_000;
    /** Longest search text accepted by {@code ?q=}. */
    public static final int MAX_QUERY = 200;

    public Paging {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page from 1, size 1.." + MAX_SIZE);
        }
    }

    /** The paging asked for; page 1 and {@link #DEFAULT_SIZE} when absent. */
    public static Paging of(String page, String size) {
        return new Paging(number("page", page, 1, MAX_PAGE, 1),
                number("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
    }

    /** The search text of {@code ?q=}, trimmed; null when absent or blank; 400 when longer than {@link #MAX_QUERY}. */
    public static String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String v = q.strip();
        if (v.length() > MAX_QUERY) {
            throw ProblemException.badRequest("The search text 'q' has " + v.length() + " characters: give at most "
                    + MAX_QUERY + ".");
        }
        return v;
    }

    /** Rows to skip before this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    private static int number(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return (int) n;
            }
        }
        throw ProblemException.badRequest("'" + value + "' is not a valid '" + name + "': give a whole number from "
                + min + " to " + max + ", for example " + fallback + ".");
    }
}
