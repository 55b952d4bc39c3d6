package io.migrationinsights.demo;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportResult;
import io.migrationinsights.ingest.ImportService;
import io.migrationinsights.organisations.OrganisationService;
import io.migrationinsights.system.ClockProducer;
import io.migrationinsights.system.InsightsConfig;
import io.migrationinsights.system.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Loads the synthetic demo organisations (files in {@code src/main/resources/demo})
 * at the first start of an empty database, when {@code insights.demo.enabled}.
 * The files go through {@link ImportService}, the path of user uploads, in the
 * order a project would have sent them, each stamped in the import ledger with
 * the time its export was taken ({@link #PLAN}): X26's legacy Exchange exports
 * from January to the day after the server was switched off (so the
 * decommissioning history is a burn-down to 0), then its other exports of
 * 1 September 2026; then the smaller X27, mid-migration on 27 November 2026.
 * Both organisations and every import share one transaction: a failure logs
 * which file and why, and leaves no trace, so the next start tries again.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class);

    public static final String ODS_CODE = "X26";
    public static final String NAME = "Demo CSU (synthetic)";
    /** The second, smaller demo organisation, mid-migration (files in {@code demo/x27}). */
    public static final String SECOND_ODS_CODE = "X27";
    public static final String SECOND_NAME = "Demo Community Trust (synthetic)";
    /** Recorded as the importing user in the import ledger. */
    public static final String USER = "demo";

    /** One demo import: the organisation (X26 or X27), the kind, the file under {@code demo/}, when it was exported. */
    public record Step(String organisation, ImportKind kind, String file, LocalDateTime ukTime) {
    }

    /** Every demo import, in import order (ids follow it, and so do the stamps). */
    public static final List<Step> PLAN = plan();

    private static List<Step> plan() {
        List<Step> steps = new ArrayList<>();
        for (LocalDate exported : List.of(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 2, 9), LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 16), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1))) {
            steps.add(new Step(ODS_CODE, ImportKind.LEGACY_ACCOUNTS, "legacy-accounts-" + exported + ".csv",
                    exported.atTime(8, 0)));
        }
        // the last Exchange export, the morning after the server was switched off on 30 June
        steps.add(new Step(ODS_CODE, ImportKind.LEGACY_ACCOUNTS, "legacy-accounts.csv", LocalDateTime.of(2026, 7, 1, 8, 0)));
        LocalDateTime september = LocalDateTime.of(2026, 9, 1, 9, 0);
        for (ImportKind kind : ImportKind.ALL) {
            if (kind != ImportKind.LEGACY_ACCOUNTS) {
                steps.add(new Step(ODS_CODE, kind, fileName(kind), september));
                september = september.plusMinutes(1);
            }
        }
        LocalDateTime november = LocalDateTime.of(2026, 11, 27, 9, 0);
        for (ImportKind kind : List.of(ImportKind.STAFF, ImportKind.LEGACY_ACCOUNTS, ImportKind.NHSMAIL_ACCOUNTS,
                ImportKind.APPOINTMENTS, ImportKind.TICKETS)) {
            steps.add(new Step(SECOND_ODS_CODE, kind, "x27/" + fileName(kind), november));
            november = november.plusMinutes(1);
        }
        return List.copyOf(steps);
    }

    private final OrganisationService organisations;
    private final ImportService imports;
    private final InsightsConfig config;

    DemoLoader(OrganisationService organisations, ImportService imports, InsightsConfig config) {
        this.organisations = organisations;
        this.imports = imports;
        this.config = config;
    }

    /** After the bootstrap admin (priority 10): the demo needs no user, but the log reads in order. */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.demo().enabled()) {
            loadIntoEmptyDatabase();
        }
    }

    /** Loads the demo only when the database holds no organisation at all: a real installation is never touched. */
    Map<String, Long> loadIntoEmptyDatabase() {
        if (!organisations.list().isEmpty()) {
            LOG.debug("Demo data not loaded: the database already holds organisations");
            return Map.of();
        }
        return load(ODS_CODE, SECOND_ODS_CODE, DemoLoader::classpathFile);
    }

    /**
     * Creates the two organisations (under the codes given) and imports every file of {@link #PLAN}, all or nothing.
     *
     * @param files the content of a file under {@code demo/}
     * @return rows imported per organisation and file, or an empty map when the load failed (logged)
     */
    Map<String, Long> load(String odsCode, String secondOdsCode, Function<String, InputStream> files) {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        String[] current = {"the organisations"};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                organisations.createOrRename(odsCode, NAME);
                organisations.createOrRename(secondOdsCode, SECOND_NAME);
                for (Step step : PLAN) {
                    String ods = step.organisation().equals(ODS_CODE) ? odsCode : secondOdsCode;
                    current[0] = step.file();
                    try (InputStream in = files.apply(step.file())) {
                        String fileName = step.file().substring(step.file().lastIndexOf('/') + 1);
                        ImportResult result = imports.importCsv(ods, step.kind(), in, fileName, false, USER,
                                step.ukTime().atZone(ClockProducer.UK).toInstant());
                        rows.put(ods + " " + step.file(), result.rows());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("Demo data NOT loaded: %s for %s failed: %s. Nothing of the demo was stored; the service runs "
                    + "without it and the next start on an empty database tries again.", current[0],
                    odsCode + "/" + secondOdsCode, why(e));
            if (!(e instanceof ProblemException)) {
                LOG.debug("Demo load failure", e);
            }
            return Map.of();
        }
        LOG.infof("Loaded demo organisations %s \"%s\" and %s \"%s\" in %d ms: %s", odsCode, NAME, secondOdsCode,
                SECOND_NAME, (System.nanoTime() - started) / 1_000_000,
                rows.entrySet().stream().map(r -> r.getKey() + " " + r.getValue()).collect(Collectors.joining(", ")));
        return rows;
    }

    private static String why(RuntimeException e) {
        if (e instanceof ProblemException p) {
            List<?> errors = p.toProblem().errors();
            String first = errors == null || errors.isEmpty() ? "" : " First finding: " + errors.get(0);
            return p.getMessage() + first;
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (caused by " + root + ")";
    }

    static String fileName(ImportKind kind) {
        return kind.urlName() + ".csv";
    }

    /** A file under {@code demo/} on the class path. */
    static InputStream classpathFile(String file) {
        String path = "demo/" + file;
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("The demo file " + path + " is missing from the application");
        }
        return in;
    }
}
