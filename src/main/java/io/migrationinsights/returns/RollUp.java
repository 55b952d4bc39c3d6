package io.migrationinsights.returns;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The roll-up of one period's return across organisations (CONTRACT section 4,
 * {@code GET /api/returns/{YYYY-MM}}): the JSON form, and what the roll-up
 * workbook is written from.
 *
 * @param organisations by ODS code: only those the caller may see
 * @param total         every code of the return, summed over {@code organisations} (0 when there are none)
 */
public record RollUp(@Schema(implementation = YearMonth.class) String period, List<Line> organisations,
                     Map<String, Long> total) {

    /**
     * One organisation's return for the period.
     *
     * @param status  {@code final} (its latest final version) or {@code draft} (no final version yet: from today's data)
     * @param version the final version shown; for a draft, 1
     */
    public record Line(String odsCode, String name, String status, int version, Map<String, Long> figures) {
    }
}
