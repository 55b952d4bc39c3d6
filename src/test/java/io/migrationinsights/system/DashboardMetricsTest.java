package io.migrationinsights.system;

import static io.migrationinsights.support.Api.as;
import static io.migrationinsights.support.Uploads.upload;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migrationinsights.metrics.HeadlineGauges;
import io.migrationinsights.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every query of the Grafana dashboard ({@code dashboards/migration-insights.json}) names series that
 * {@code /q/metrics} really exposes: each metric name, and each label its selectors and {@code by} clauses
 * use, is in a scrape of the running service after an import and a gauge refresh. The scrape is also
 * written to {@code target/metrics-scrape.txt}, where {@code .ci/run} lints the project's own metrics with
 * {@code promtool check metrics}; {@code dashboards/check-queries} runs the same queries in a real Prometheus.
 */
@QuarkusTest
class DashboardMetricsTest {

    static final Path DASHBOARD = Path.of("dashboards", "migration-insights.json");
    /** A metric name followed by a selector or a range: {@code name{...}} or {@code name[5m]}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)}|\\[)");
    private static final Pattern LABEL_IN_SELECTOR = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern BY = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,"
            + "\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

    @Inject
    HeadlineGauges gauges;

    /** Every PromQL expression of the dashboard: panel targets and query variables. */
    static List<String> expressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                exprs.add(variable.path("query").isTextual() ? variable.path("query").asText()
                        : variable.path("query").path("query").asText());
            }
        }
        return exprs;
    }

    /** Metric name to the labels the dashboard reads from it. */
    static Map<String, Set<String>> namesAndLabels(String expr) {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        Set<String> grouping = new LinkedHashSet<>();
        Matcher by = BY.matcher(expr);
        while (by.find()) {
            for (String label : by.group(1).split(",")) {
                grouping.add(label.strip());
            }
        }
        Matcher values = LABEL_VALUES.matcher(expr);
        while (values.find()) {
            used.computeIfAbsent(values.group(1), k -> new LinkedHashSet<>()).add(values.group(2));
        }
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            Set<String> labels = used.computeIfAbsent(selector.group(1), k -> new LinkedHashSet<>());
            if (selector.group(3) != null) {
                Matcher label = LABEL_IN_SELECTOR.matcher(selector.group(3));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
            labels.addAll(grouping);
        }
        return used;
    }

    /** Series of a scrape: metric name to the label names seen on it. */
    static Map<String, Set<String>> series(String scrape) {
        Map<String, Set<String>> series = new LinkedHashMap<>();
        Pattern line = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s");
        Pattern labelName = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
        for (String l : scrape.split("\n")) {
            Matcher m = line.matcher(l);
            if (l.startsWith("#") || !m.find()) {
                continue;
            }
            Set<String> labels = series.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>());
            if (m.group(3) != null) {
                Matcher n = labelName.matcher(m.group(3));
                while (n.find()) {
                    labels.add(n.group(1));
                }
            }
        }
        return series;
    }

    @Test
    void theQueryParserFindsNamesAndLabels() {
        // the parser itself, on the dashboard's two shapes of query
        assertThat(namesAndLabels("histogram_quantile(0.95, sum by (le, uri) (rate(x_bucket{uri=~\"/api/.*\"}[5m])))")
                .get("x_bucket"), org.hamcrest.Matchers.containsInAnyOrder("uri", "le"));
        assertThat(namesAndLabels("label_values(insights_staff_migrated, organisation)").keySet(),
                hasItem("insights_staff_migrated"));
    }

    @Test
    void everyDashboardQueryNamesSeriesTheServiceExposes() throws IOException {
        String ods = Api.newOrganisation();
        upload(ods, "staff", "staff_id,business_unit,site,user_type,employment_status\nD1,HR,Oxford,standard,active\n")
                .then().statusCode(201);
        as("viewer").get("/api/organisations/" + ods + "/metrics/migration").then().statusCode(200);
        gauges.refresh();
        String scrape = as("viewer").get("/q/metrics").then().statusCode(200).extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "metrics-scrape.txt"), scrape, StandardCharsets.UTF_8);

        Map<String, Set<String>> exposed = series(scrape);
        List<String> exprs = expressions();
        assertThat(exprs, not(empty()));
        List<String> missing = new ArrayList<>();
        for (String expr : exprs) {
            Map<String, Set<String>> used = namesAndLabels(expr);
            if (used.isEmpty()) {
                missing.add("no metric name found in " + expr);
            }
            used.forEach((name, labels) -> {
                if (!exposed.containsKey(name)) {
                    missing.add(name + " (in " + expr + ") is not in /q/metrics");
                } else if (!exposed.get(name).containsAll(labels)) {
                    missing.add(name + " has labels " + exposed.get(name) + ", the dashboard reads " + labels);
                }
            });
        }
        assertThat(missing.toString(), missing, hasSize(0));
        // the latency panel's buckets exist for the API (the request timer publishes a histogram)
        assertThat(scrape, containsString("http_server_requests_seconds_bucket{"));
        assertThat(scrape, containsString("uri=\"/api/organisations/{ods}/imports/{kind}\""));
        assertThat(scrape, containsString("insights_net_saving_gbp{organisation=\"" + ods + "\"}"));
    }
}
