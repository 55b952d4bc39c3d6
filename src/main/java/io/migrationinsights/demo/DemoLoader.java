package io.migrationinsights.demo;

import io.migrationinsights.ingest.ImportKind;
import io.migrationinsights.ingest.ImportResult;
import io.migrationinsights.ingest.ImportService;
import io.migrationinsights.organisations.OrganisationService;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Loads the synthetic demo organisation (files in {@code src/main/resources/demo})
 * at the first start of an empty database, when {@code insights.demo.enabled}.
 * The files go through {@link ImportService}, the path of user uploads, in
 * dependency order. The organisation and all eight imports share one
 * transaction: a failure logs which file and why, and leaves no trace, so the
 * next start tries again.
 */
@ApplicationScoped
public class DemoLoader {

    private static final Logger LOG = Logger.getLogger(DemoLoader.class);

    public static final String ODS_CODE = "X26";
    public static final String NAME = "Demo CSU (synthetic)";
    /** Recorded as the importing user in the import ledger. */
    public static final String USER = "demo";

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
        return load(ODS_CODE, DemoLoader::classpathFile);
    }

    /**
     * Creates the organisation and imports one file per kind, all or nothing.
     *
     * @return rows imported per kind, or an empty map when the load failed (logged)
     */
    Map<String, Long> load(String odsCode, Function<ImportKind, InputStream> files) {
        long started = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        String[] current = {"the organisation"};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                organisations.createOrRename(odsCode, NAME);
                for (ImportKind kind : ImportKind.ALL) {
                    current[0] = fileName(kind);
                    try (InputStream in = files.apply(kind)) {
                        ImportResult result = imports.importCsv(odsCode, kind, in, fileName(kind), false, USER);
                        rows.put(kind.urlName(), result.rows());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (RuntimeException e) {
            LOG.errorf("Demo data NOT loaded: %s for %s failed: %s. Nothing of the demo was stored; the service runs "
                    + "without it and the next start on an empty database tries again.", current[0], odsCode, why(e));
            if (!(e instanceof ProblemException)) {
                LOG.debug("Demo load failure", e);
            }
            return Map.of();
        }
        LOG.infof("Loaded demo organisation %s \"%s\" in %d ms: %s", odsCode, NAME,
                (System.nanoTime() - started) / 1_000_000,
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

    static InputStream classpathFile(ImportKind kind) {
        String path = "demo/" + fileName(kind);
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("The demo file " + path + " is missing from the application");
        }
        return in;
    }
}
