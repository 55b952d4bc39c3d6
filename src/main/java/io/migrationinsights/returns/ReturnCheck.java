package io.migrationinsights.returns;

import java.util.ArrayList;
import java.util.List;

/**
 * One finding of the checks run before a return is sent. Errors block
 * finalising (409); warnings are shown and do not block.
 *
 * @param severity {@code error} or {@code warning}
 * @param code     stable identifier, for example {@code CUMULATIVE_BELOW_FINALISED}
 * @param message  what is wrong and what to do, for a project manager
 */
public record ReturnCheck(String severity, String code, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    static ReturnCheck error(String code, String message) {
        return new ReturnCheck(ERROR, code, message);
    }

    static ReturnCheck warning(String code, String message) {
        return new ReturnCheck(WARNING, code, message);
    }

    public boolean isError() {
        return ERROR.equals(severity);
    }

    /** Stored form: one {@code severity TAB code TAB message} line per check. */
    static String store(List<ReturnCheck> checks) {
        StringBuilder sb = new StringBuilder();
        for (ReturnCheck c : checks) {
            sb.append(c.severity()).append('\t').append(c.code()).append('\t')
                    .append(c.message().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    static List<ReturnCheck> load(String stored) {
        List<ReturnCheck> out = new ArrayList<>();
        if (stored == null) {
            return out;
        }
        for (String line : stored.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                out.add(new ReturnCheck(parts[0], parts[1], parts[2]));
            }
        }
        return out;
    }
}
