package org.imagingexchange.deploy;

import static org.imagingexchange.deploy.Manifests.at;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.imagingexchange.testsupport.GrafanaDashboard;
import org.imagingexchange.testsupport.PromQl;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard {@code imaging-exchange/dashboards/imaging-exchange.json} is a valid dashboard
 * model (schema version, unique panel ids, panels on the 24-column grid, a Prometheus data source
 * variable that every query uses), its queries are PromQL that {@code promtool} accepts and read only
 * metrics the components register and cover what the operators watch (requests, latency, bytes
 * streamed, consent denials, audit backlog, crawls, JVM), and the chart ships it as a ConfigMap for the
 * Grafana sidecar when {@code monitoring.grafanaDashboard.enabled}.
 */
class GrafanaDashboardTest {

    static final Path DASHBOARD = Manifests.CHART.resolve("dashboards").resolve("imaging-exchange.json");
    private static final String CONFIG_MAP = "imaging-exchange-grafana-dashboard";
    /** Grafana 10 writes schema version 38-39; the model has been stable in what this dashboard uses since 36. */
    private static final int MIN_SCHEMA_VERSION = 36;

    @Test
    void dashboard_validModel_uniquePanelIdsOnTheGrid() throws IOException {
        JsonObject d = dashboard();
        assertTrue(d.getInt("schemaVersion") >= MIN_SCHEMA_VERSION, () -> "schemaVersion " + d.get("schemaVersion"));
        assertTrue(d.getString("uid").matches("[a-zA-Z0-9_-]{1,40}"), "a stable uid of at most 40 characters");
        assertTrue(!d.getString("title").isBlank(), "a title");
        List<JsonObject> panels = GrafanaDashboard.panels(d);
        List<Integer> ids = panels.stream().map(p -> p.getInt("id")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), () -> "panel ids must be unique: " + ids);
        assertAll(panels.stream().map(p -> () -> {
            JsonObject grid = p.getJsonObject("gridPos");
            assertTrue(grid.getInt("x") >= 0 && grid.getInt("x") + grid.getInt("w") <= 24 && grid.getInt("h") > 0,
                    () -> p.getString("title") + ": on the 24-column grid, got " + grid);
            if (!p.getString("type").equals("row")) {
                List<String> refIds = p.getJsonArray("targets").stream().map(t -> t.asJsonObject().getString("refId")).toList();
                assertTrue(!refIds.isEmpty() && refIds.size() == new HashSet<>(refIds).size(),
                        () -> p.getString("title") + ": targets with unique refIds, got " + refIds);
            }
        }));
    }

    @Test
    void dashboard_datasourceVariable_everyQueryUsesIt() throws IOException {
        JsonObject d = dashboard();
        List<JsonObject> variables = d.getJsonObject("templating").getJsonArray("list").getValuesAs(JsonObject.class);
        JsonObject datasource = variables.stream().filter(v -> v.getString("type").equals("datasource")).findFirst()
                .orElseThrow(() -> new AssertionError("expected a data source variable"));
        assertEquals("prometheus", datasource.getString("query"), "the variable lists Prometheus data sources");
        String ref = "${" + datasource.getString("name") + "}";
        List<JsonObject> users = new ArrayList<>(variables.stream().filter(v -> v.getString("type").equals("query")).toList());
        for (JsonObject p : GrafanaDashboard.panels(d)) {
            if (!p.getString("type").equals("row")) {
                users.add(p);
                users.addAll(p.getJsonArray("targets").getValuesAs(JsonObject.class));
            }
        }
        assertAll(users.stream().map(u -> () -> assertEquals(ref, u.getJsonObject("datasource").getString("uid"),
                () -> "expected the data source variable, not a fixed data source, in " + u)));
    }

    @Test
    void queries_onlyRegisteredMetrics_coveringWhatOperatorsWatch() throws IOException {
        Set<String> used = new TreeSet<>();
        GrafanaDashboard.queries(dashboard()).values().forEach(e -> used.addAll(PromQl.metricNames(e)));
        assertEquals(List.of(), RegisteredMetrics.unknown(used), "metrics queried by panels but registered by no component");
        List<String> watched = List.of("gateway_request_duration_seconds_count", "http_server_request_duration_seconds_bucket",
                "retrieval_bytes_streamed_total", "retrieval_time_to_first_byte_seconds_bucket", "consent_decisions_total",
                "audit_outbox_backlog", "registry_crawl_studies_total", "registry_crawl_duration_seconds_count",
                "jvm_memory_used_bytes", "jvm_gc_collection_seconds_sum");
        assertEquals(List.of(), watched.stream().filter(w -> !used.contains(w)).toList(), "expected panels over these metrics");
    }

    @Test
    void queries_validPromQl_promtoolAcceptsThem() throws Exception {
        Map<String, String> expressions = GrafanaDashboard.queries(dashboard());
        List<Map<String, String>> rules = new ArrayList<>();
        expressions.forEach((name, expr) -> rules.add(Map.of("record", name, "expr", substituteVariables(expr))));
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.createDirectories(PrometheusRulesTest.WORK);
        Files.writeString(PrometheusRulesTest.WORK.resolve("dashboard-queries.yml"),
                new Yaml(block).dump(Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules)))));
        String out = PrometheusRulesTest.promtool("check", "rules", "dashboard-queries.yml");
        assertTrue(out.contains("SUCCESS: " + expressions.size() + " rules found"),
                () -> "expected promtool to accept every query, got " + out);
    }

    @Test
    void chart_enabled_configMapForTheGrafanaSidecar() throws IOException {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        Map<String, Object> cm = m.get("ConfigMap", CONFIG_MAP);
        assertEquals("1", at(cm, "metadata", "labels", "grafana_dashboard"), "the sidecar's default label");
        assertEquals("Imaging Exchange", at(cm, "metadata", "annotations", "grafana_folder"), "folder annotation");
        String json = at(cm, "data", "imaging-exchange.json");
        assertEquals(dashboard(), read(json), "the ConfigMap carries the dashboard file unchanged");
        assertTrue(Manifests.render(List.of(), Map.of()).find("ConfigMap", CONFIG_MAP).isEmpty(), "off by default");
        Map<String, Object> elsewhere = Manifests.render(List.of(Manifests.PRODUCTION_VALUES),
                Map.of("monitoring.grafanaDashboard.namespace", "monitoring")).get("ConfigMap", CONFIG_MAP);
        assertEquals("monitoring", at(elsewhere, "metadata", "namespace"), "in the namespace the sidecar watches");
    }

    /** Grafana's variables replaced by values of their kind, so that promtool can parse the query. */
    private static String substituteVariables(String expr) {
        return expr.replace("$__rate_interval", "5m").replace("$namespace", "imaging-exchange").replace("$job", ".+");
    }

    static JsonObject dashboard() throws IOException {
        return read(Files.readString(DASHBOARD));
    }

    private static JsonObject read(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }
}
