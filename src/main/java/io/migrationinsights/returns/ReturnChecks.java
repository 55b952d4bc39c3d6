package io.migrationinsights.returns;

import io.migrationinsights.ingest.ImportKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks run before a return is sent (reports/monthly-return.md).
 *
 * <p>Errors (block finalising and revising with 409): a negative figure;
 * staff migrated above staff in scope; cumulative registrations below those of
 * the latest finalised earlier period (NHS Digital would see the running total
 * fall: correct the data or revise that earlier period first).
 *
 * <p>Warnings (shown, do not block): a dataset the return reads was never
 * imported; the month before has no final return while an earlier month has;
 * a later finalised period has fewer cumulative registrations than this one;
 * a revision whose figures equal the latest final version's.
 *
 * <p>Every check reads data only, never the clock, so the draft's bytes stay
 * the same from one day to the next.
 */
@ApplicationScoped
class ReturnChecks {

    private final ReturnVersionRepository versions;

    ReturnChecks(ReturnVersionRepository versions) {
        this.versions = versions;
    }

    List<ReturnCheck> check(long organisationId, ReturnFigures f, Set<ImportKind> importedKinds,
                            Optional<ReturnVersion> latestOfPeriod) {
        List<ReturnCheck> out = new ArrayList<>();
        for (ReturnCode code : ReturnCode.values()) {
            if (f.get(code) < 0) {
                out.add(ReturnCheck.error("NEGATIVE_FIGURE", code + " is " + f.get(code)
                        + ": no figure of the return can be negative."));
            }
        }
        long migrated = f.get(ReturnCode.STAFF_MIGRATED_CUMULATIVE);
        long inScope = f.get(ReturnCode.STAFF_IN_SCOPE);
        if (migrated > inScope) {
            out.add(ReturnCheck.error("MIGRATED_ABOVE_IN_SCOPE", "STAFF_MIGRATED_CUMULATIVE (" + migrated
                    + ") is above STAFF_IN_SCOPE (" + inScope + ")."));
        }
        String period = f.period().toString();
        long cumulative = f.get(ReturnCode.ACC_REGISTERED_CUMULATIVE);
        Optional<ReturnVersion> earlier = versions.latestBefore(organisationId, period);
        if (earlier.isPresent()) {
            ReturnVersion e = earlier.get();
            Long sent = e.figures.get(ReturnCode.ACC_REGISTERED_CUMULATIVE.name());
            if (sent != null && cumulative < sent) {
                out.add(ReturnCheck.error("CUMULATIVE_BELOW_FINALISED", "ACC_REGISTERED_CUMULATIVE (" + cumulative
                        + ") is below the " + sent + " finalised for " + e.period + " (version " + e.version
                        + "). Correct the account data, or revise " + e.period + " first."));
            }
            String previous = f.period().minusMonths(1).toString();
            if (!previous.equals(e.period)) {
                out.add(ReturnCheck.warning("PREVIOUS_PERIOD_NOT_FINAL", "There is no final return for " + previous
                        + " although " + e.period + " was finalised."));
            }
        }
        Map<String, ReturnVersion> laterLatest = new LinkedHashMap<>();
        for (ReturnVersion v : versions.after(organisationId, period)) {
            laterLatest.put(v.period, v);
        }
        for (ReturnVersion later : laterLatest.values()) {
            Long sent = later.figures.get(ReturnCode.ACC_REGISTERED_CUMULATIVE.name());
            if (sent != null && sent < cumulative) {
                out.add(ReturnCheck.warning("LATER_FINAL_BELOW", "The final return for " + later.period + " (version "
                        + later.version + ") has ACC_REGISTERED_CUMULATIVE " + sent + ", below this period's "
                        + cumulative + ": consider revising it too."));
            }
        }
        for (ImportKind kind : ImportKind.RETURN_KINDS) {
            if (!importedKinds.contains(kind)) {
                out.add(ReturnCheck.warning("MISSING_DATASET", "No " + kind
                        + " export has been imported for this organisation: the figures that read it are 0."));
            }
        }
        latestOfPeriod.filter(v -> v.figuresSha256.equals(f.sha256())).ifPresent(v -> out.add(ReturnCheck.warning(
                "SAME_AS_FINAL", "The figures are the same as those of the final version " + v.version + ".")));
        return out;
    }
}
