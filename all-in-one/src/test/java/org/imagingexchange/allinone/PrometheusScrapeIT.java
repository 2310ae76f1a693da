package org.imagingexchange.allinone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.imagingexchange.testsupport.GrafanaDashboard;
import org.imagingexchange.testsupport.Http;
import org.imagingexchange.testsupport.PromQl;
import org.imagingexchange.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Prometheus scrapes every component's metrics endpoint of the running all-in-one server (each its own
 * job, named as the chart's ServiceMonitors name it, with the namespace label a cluster gives) and evaluates the
 * chart's alert rules ({@code k8s/monitoring/imaging-exchange-rules.yml}, the rendered PrometheusRule). After
 * requests that touch every domain metric (a crawl, a QIDO-RS search, a retrieval, a consent-checked retrieval
 * of another organisation, a retrieval the source archive fails), each metric an alert rule or a panel of the
 * Grafana dashboard reads has a series, and each rule evaluates without error.
 */
class PrometheusScrapeIT {

    private static final Path RULES = Path.of("..", "k8s", "monitoring", "imaging-exchange-rules.yml");
    private static final Path DASHBOARD = Path.of("..", "helm", "imaging-exchange", "dashboards", "imaging-exchange.json");
    private static final String NAMESPACE = "imaging-exchange";
    private static final String WADO_ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    private static final Duration SCRAPE_WAIT = Duration.ofSeconds(60);

    private static PrometheusServer prometheus;

    @BeforeAll
    static void scrapeTheRunningPlatform() throws IOException, InterruptedException {
        PlatformReady.await(Duration.ofMinutes(5));
        prometheus = PrometheusServer.start(Path.of("target", "prometheus-it"),
                Integer.getInteger("it.prometheus.port", 19195), config());
        touchEveryDomainMetric();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void scrape_everyComponentIsATarget() {
        Set<String> up = awaitAll(PlatformReady.METRICS_PATHS.keySet(),
                () -> labelValues(prometheus.query("up{namespace=\"" + NAMESPACE + "\"} == 1"), "job"));
        assertEquals(PlatformReady.METRICS_PATHS.keySet(), up, "every component's endpoint scraped: " + prometheus.logTail());
    }

    @Test
    void alertRulesAndDashboard_everyMetricTheyReadHasASeries() throws IOException {
        Set<String> wanted = new TreeSet<>();
        ruleQueries().forEach(q -> wanted.addAll(PromQl.metricNames(q)));
        GrafanaDashboard.queries(read(DASHBOARD)).values().forEach(q -> wanted.addAll(PromQl.metricNames(q)));
        assertTrue(wanted.size() > 20, () -> "expected the rules' and panels' metrics, got " + wanted);
        String selector = "{__name__=~\"" + String.join("|", wanted) + "\", namespace=\"" + NAMESPACE + "\"}";
        Set<String> found = awaitAll(wanted, () -> labelValues(prometheus.query("group by (__name__) (" + selector + ")"), "__name__"));
        assertEquals(Set.of(), difference(wanted, found), "metrics read by alert rules or dashboard panels without a series");
    }

    @Test
    void alertRules_loadedAndEvaluatedWithoutError() {
        List<JsonObject> rules = awaitEvaluated();
        assertEquals(9, rules.size(), "the chart's nine alert rules loaded");
        List<String> failing = rules.stream().filter(r -> !"ok".equals(r.getString("health")))
                .map(r -> r.getString("name") + ": " + r.getString("lastError", "")).toList();
        assertEquals(List.of(), failing, "alert rules that do not evaluate over the scraped series");
    }

    /** Requests whose metrics have labels only once something happened (histograms, labelled counters). */
    private static void touchEveryDomainMetric() {
        HttpResponse<String> crawl = Http.post("/registry/api/crawls", Tokens.of("exchange-platform"), "application/json",
                "{\"source\":\"hospital-a\"}");
        assertEquals(200, crawl.statusCode(), "crawl of hospital-a's archive: " + crawl.body());
        HttpResponse<String> found = Http.get("/dicomweb/studies?PatientID=1CT1", Tokens.of("radiologist-a"));
        assertEquals(200, found.statusCode(), "QIDO-RS: " + found.body());
        String study = ((JsonArray) Http.json(found)).getJsonObject(0).getJsonObject("0020000D").getJsonArray("Value").getString(0);
        HttpResponse<String> retrieved = Http.get("/dicomweb/studies/" + study, Tokens.of("radiologist-a"), "Accept", WADO_ACCEPT);
        assertEquals(200, retrieved.statusCode(), "WADO-RS by the custodian's radiologist");
        int other = Http.get("/dicomweb/studies/" + study, Tokens.of("clinician-b"), "Accept", WADO_ACCEPT).statusCode();
        assertTrue(other == 200 || other == 404, () -> "WADO-RS by another organisation, consent-checked: got " + other);

        String missing = TestStudies.freshUid();
        String archive = System.getProperty("it.orthanc.url", "http://127.0.0.1:18042") + "/dicom-web";
        assertEquals(201, Http.post("/fhir/ImagingStudy", Tokens.of("hospital-a"), "application/fhir+json",
                TestStudies.imagingStudy(missing, "PROM-" + missing.substring(missing.length() - 8), archive, "CT", "1.2.840.10008.5.1.4.1.1.2")).statusCode());
        int failed = Http.get("/dicomweb/studies/" + missing, Tokens.of("radiologist-a"), "Accept", WADO_ACCEPT).statusCode();
        assertTrue(failed >= 400, () -> "the archive does not hold the registered study: got " + failed);
        assertEquals(200, Http.get("/fhir/DiagnosticReport?patient:identifier=1CT1", Tokens.of("radiologist-a")).statusCode(),
                "report search");
    }

    private static String config() {
        String port = System.getProperty("it.http.port", "19090");
        StringBuilder yml = new StringBuilder("""
                global:
                  scrape_interval: 2s
                  scrape_timeout: 2s
                  evaluation_interval: 2s
                rule_files: ['%s']
                scrape_configs:
                """.formatted(RULES.toAbsolutePath().normalize()));
        PlatformReady.METRICS_PATHS.forEach((job, path) -> yml.append("""
                  - job_name: %s
                    metrics_path: %s
                    static_configs:
                      - targets: ['127.0.0.1:%s']
                        labels: {namespace: %s, pod: all-in-one}
                """.formatted(job, path, port, NAMESPACE)));
        return yml.toString();
    }

    /** @return the queries of the loaded alert rules, as Prometheus parsed them */
    private static List<String> ruleQueries() {
        return awaitEvaluated().stream().map(r -> r.getString("query")).toList();
    }

    /** @return the loaded rules once each has been evaluated at least once */
    private static List<JsonObject> awaitEvaluated() {
        Instant deadline = Instant.now().plus(SCRAPE_WAIT);
        while (true) {
            List<JsonObject> rules = prometheus.api("/rules?type=alert").getJsonArray("groups").getValuesAs(JsonObject.class)
                    .stream().flatMap(g -> g.getJsonArray("rules").getValuesAs(JsonObject.class).stream()).toList();
            if (!rules.isEmpty() && rules.stream().noneMatch(r -> "unknown".equals(r.getString("health")))
                    || Instant.now().isAfter(deadline)) {
                return rules;
            }
            pause();
        }
    }

    /** Polls until the supplier's answer holds everything wanted, or the wait is over; @return the last answer */
    private static Set<String> awaitAll(Set<String> wanted, Supplier<Set<String>> current) {
        Instant deadline = Instant.now().plus(SCRAPE_WAIT);
        Set<String> got = current.get();
        while (!got.containsAll(wanted) && Instant.now().isBefore(deadline)) {
            pause();
            got = current.get();
        }
        return got;
    }

    private static Set<String> labelValues(JsonObject data, String label) {
        return data.getJsonArray("result").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getJsonObject("metric").getString(label)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject read(Path file) throws IOException {
        try (JsonReader r = Json.createReader(new StringReader(Files.readString(file)))) {
            return r.readObject();
        }
    }
}
