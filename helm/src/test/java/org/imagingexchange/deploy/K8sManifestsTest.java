package org.imagingexchange.deploy;

import static org.imagingexchange.deploy.Manifests.at;
import static org.imagingexchange.deploy.Manifests.container;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPatch;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code k8s/}: the kustomize base holds exactly what the chart renders for {@code k8s/values.yaml};
 * the {@code dev} and {@code prod} overlays patch only objects the base has, their patches apply
 * (JSON Patch, RFC 6902, as kustomize applies them) and the results stay valid Kubernetes objects
 * with the chart's names, ports, probes and environment; {@code k8s/monitoring} holds the chart's alert rules as
 * a plain Prometheus rules file.
 */
class K8sManifestsTest {

    private static final Path K8S = Path.of("..", "k8s");
    private static final Path K8S_VALUES = K8S.resolve("values.yaml");
    private static final Path BASE = K8S.resolve("base").resolve("imaging-exchange.yaml");
    private static final Path RULES = K8S.resolve("monitoring").resolve("imaging-exchange-rules.yml");
    private static final String RULES_HEADER = """
            # The chart's alert rules (PrometheusRule) as a plain Prometheus rules file (rule_files), for a
            # Prometheus without the Operator; rendered from helm/imaging-exchange with k8s/values.yaml (mvn -pl
            # helm test -Dk8s.regenerate=true rewrites it; K8sManifestsTest fails when it is out of step). The
            # job label is the component name, namespace the deployment's. Meaning of each alert: docs/runbook.md.
            """;

    @Test
    void base_matchesChartRenderedWithK8sValues() throws IOException {
        String rendered = Manifests.renderText(List.of(K8S_VALUES), Map.of());
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.writeString(BASE, rendered);
        }
        assertEquals(normalise(rendered), normalise(Files.readString(BASE)),
                "k8s/base/imaging-exchange.yaml is out of date: run mvn -pl helm test -Dk8s.regenerate=true");
    }

    @Test
    void monitoringRules_matchChartsPrometheusRule() throws IOException {
        String rendered = PrometheusRulesTest.rulesFile(List.of(K8S_VALUES), Map.of("monitoring.prometheusRule.enabled", "true"));
        if (Boolean.getBoolean("k8s.regenerate")) {
            Files.createDirectories(RULES.getParent());
            Files.writeString(RULES, RULES_HEADER + rendered);
        }
        Yaml yaml = new Yaml();
        assertEquals((Object) yaml.load(rendered), yaml.load(Files.readString(RULES)),
                "k8s/monitoring/imaging-exchange-rules.yml is out of date: run mvn -pl helm test -Dk8s.regenerate=true");
    }

    @Test
    void base_everyObjectValid() throws IOException {
        KubernetesSchemaTest.assertAllValid(base());
    }

    @Test
    void overlays_dev_patchesApplyAndStayValid() throws IOException {
        Manifests dev = overlay("dev");
        KubernetesSchemaTest.assertAllValid(dev);
        assertEquals(1, (Integer) at(dev.get("Deployment", "gateway"), "spec", "replicas"), "dev gateway replicas");
        assertEquals(1, (Integer) at(dev.get("PodDisruptionBudget", "audit"), "spec", "maxUnavailable"), "dev PDB");
        assertSameContract(base(), dev);
    }

    @Test
    void overlays_prod_patchesApplyAndStayValid() throws IOException {
        Manifests prod = overlay("prod");
        KubernetesSchemaTest.assertAllValid(prod);
        assertEquals(3, (Integer) at(prod.get("Deployment", "consent"), "spec", "replicas"), "prod consent replicas");
        assertEquals(20, (Integer) at(prod.get("HorizontalPodAutoscaler", "retrieval-proxy"), "spec", "maxReplicas"));
        Map<String, Object> proxy = prod.get("Deployment", "retrieval-proxy");
        String sizeLimit = ((List<Map<String, Object>>) at(proxy, "spec", "template", "spec", "volumes")).stream()
                .filter(v -> "retrieval-cache".equals(v.get("name"))).map(v -> (String) at(v, "emptyDir", "sizeLimit"))
                .findFirst().orElseThrow();
        long limitBytes = Long.parseLong(sizeLimit.replace("Gi", "")) * 1024 * 1024 * 1024;
        assertEquals(String.valueOf(limitBytes * 9 / 10),
                at(prod.get("ConfigMap", "retrieval-proxy-config"), "data", "EXCHANGE_RETRIEVAL_CACHE_MAX_BYTES"),
                "the proxy's cache bound is 90 % of the volume limit");
        assertSameContract(base(), prod);
    }

    /** Overlays may size and scale, never change names, ports, probes or environment names. */
    private static void assertSameContract(Manifests base, Manifests overlay) {
        assertEquals(base.objects().stream().map(o -> o.get("kind") + "/" + Manifests.name(o)).toList(),
                overlay.objects().stream().map(o -> o.get("kind") + "/" + Manifests.name(o)).toList(), "object names");
        assertAll(base.ofKind("Deployment").stream().map(w -> () -> {
            Map<String, Object> b = container(w);
            Map<String, Object> o = container(overlay.get("Deployment", Manifests.name(w)));
            for (String key : List.of("ports", "startupProbe", "readinessProbe", "livenessProbe", "env", "envFrom")) {
                assertEquals(b.get(key), o.get(key), () -> Manifests.name(w) + " " + key);
            }
        }));
    }

    private static Manifests base() throws IOException {
        return Manifests.parse(Files.readString(BASE));
    }

    /** Applies an overlay's JSON 6902 patches to the base, as {@code kustomize build} would. */
    @SuppressWarnings("unchecked")
    private static Manifests overlay(String name) throws IOException {
        Path dir = K8S.resolve("overlays").resolve(name);
        Map<String, Object> kustomization = Manifests.parse(Files.readString(dir.resolve("kustomization.yaml"))).objects().get(0);
        assertEquals(List.of("../../base"), kustomization.get("resources"), name + " builds on the base");
        List<Map<String, Object>> objects = new ArrayList<>(base().objects());
        for (Map<String, Object> patch : (List<Map<String, Object>>) kustomization.get("patches")) {
            Map<String, Object> target = (Map<String, Object>) patch.get("target");
            JsonPatch jsonPatch = Json.createPatch(readPatch(dir.resolve((String) patch.get("path"))));
            int matched = 0;
            for (int i = 0; i < objects.size(); i++) {
                Map<String, Object> o = objects.get(i);
                if (target.get("kind").equals(o.get("kind")) && (!target.containsKey("name") || target.get("name").equals(Manifests.name(o)))) {
                    objects.set(i, apply(jsonPatch, o));
                    matched++;
                }
            }
            assertTrue(matched > 0, () -> name + ": patch target " + target + " is not in the base");
        }
        return new Manifests(objects);
    }

    private static JsonArray readPatch(Path file) throws IOException {
        List<?> ops = (List<?>) new org.yaml.snakeyaml.Yaml().load(Files.readString(file));
        return Json.createReader(new StringReader(new Gson().toJson(ops))).readArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> apply(JsonPatch patch, Map<String, Object> object) {
        Gson gson = new Gson();
        JsonObject patched = patch.apply(Json.createReader(new StringReader(gson.toJson(object))).readObject());
        Map<String, Object> result = gson.fromJson(patched.toString(), Map.class);
        return Manifests.parse(new org.yaml.snakeyaml.Yaml().dump(integers(result))).objects().get(0);
    }

    /** Gson reads every number as a double; Kubernetes integers go back to integers. */
    @SuppressWarnings("unchecked")
    private static Object integers(Object value) {
        if (value instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).replaceAll((k, v) -> integers(v));
            return m;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(K8sManifestsTest::integers).toList();
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return d.intValue();
        }
        return value;
    }

    private static String normalise(String yaml) {
        return String.join("\n", Arrays.stream(yaml.split("\n")).map(String::stripTrailing)
                .filter(l -> !l.isEmpty()).toList());
    }
}
