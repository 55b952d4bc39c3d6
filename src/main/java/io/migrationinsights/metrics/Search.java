package io.migrationinsights.metrics;

import java.util.Locale;
import org.jdbi.v3.core.statement.Query;

/**
 * The search of long lists ({@code ?q=}), written once: a row matches when any
 * of the named columns contains the text, ignoring case. {@code %}, {@code _}
 * and the escape character in the text match themselves.
 */
final class Search {

    private Search() {
    }

    /** A condition with one positional parameter per column, to be bound by {@link #bind}. */
    static String matches(String... columns) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                sql.append(" or ");
            }
            sql.append("lower(coalesce(").append(columns[i]).append(", '')) like ? escape '!'");
        }
        return sql.append(')').toString();
    }

    /** Binds the pattern of {@code text} to {@code count} positional parameters from {@code first}. */
    static Query bind(Query q, int first, String text, int count) {
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%";
        for (int i = 0; i < count; i++) {
            q.bind(first + i, pattern);
        }
        return q;
    }
}
