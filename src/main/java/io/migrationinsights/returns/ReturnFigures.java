package io.migrationinsights.returns;

import io.migrationinsights.system.Sha256;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The nine figures of one organisation's return for one period.
 *
 * <p>{@link #canonicalCsv()} is the one serialisation of the figures: the CSV
 * download is exactly these bytes and {@link #sha256()} is their SHA-256, so
 * {@code sha256sum} of a downloaded CSV proves it matches the Cover's hash.
 */
public record ReturnFigures(String odsCode, YearMonth period, Map<ReturnCode, Long> values) {

    public ReturnFigures {
        EnumMap<ReturnCode, Long> copy = new EnumMap<>(ReturnCode.class);
        copy.putAll(values);
        for (ReturnCode code : ReturnCode.values()) {
            if (!copy.containsKey(code)) {
                throw new IllegalArgumentException("Missing figure " + code);
            }
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    public long get(ReturnCode code) {
        return values.get(code);
    }

    /** Code to value, in the order of {@link ReturnCode}. */
    public Map<String, Long> byCode() {
        Map<String, Long> out = new LinkedHashMap<>();
        values.forEach((code, value) -> out.put(code.name(), value));
        return out;
    }

    /**
     * {@code ods_code,period,code,value} then one line per code in the fixed
     * order, LF line ends, UTF-8. Only codes, digits and the ODS code appear,
     * so nothing in it needs quoting or can start a formula.
     */
    public String canonicalCsv() {
        StringBuilder sb = new StringBuilder("ods_code,period,code,value\n");
        values.forEach((code, value) -> sb.append(odsCode).append(',').append(period).append(',')
                .append(code.name()).append(',').append(value).append('\n'));
        return sb.toString();
    }

    /** Lower-case hex SHA-256 of {@link #canonicalCsv()}. */
    public String sha256() {
        return Sha256.of(canonicalCsv());
    }
}
