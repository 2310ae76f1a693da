package org.imagingexchange.deploy;

import static org.imagingexchange.deploy.Manifests.at;
import static org.imagingexchange.deploy.Manifests.container;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The umbrella chart lints cleanly, renders every per-component object (workload, Service,
 * ServiceAccount, ConfigMap, PodDisruptionBudget, NetworkPolicy) with the hardening the issue asks
 * for, and its values schema refuses wrong values.
 */
class HelmChartTest {

    static final List<String> COMPONENTS =
            List.of("gateway", "study-registry", "report-store", "retrieval-proxy", "consent", "audit");
    private static final List<String> PER_COMPONENT =
            List.of("Service", "ServiceAccount", "PodDisruptionBudget", "NetworkPolicy");

    @Test
    void lint_strict_noFailure() {
        LintResult result = new Helm(Manifests.CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> "expected a clean lint, got " + result.getMessages());
    }

    @Test
    void template_defaults_everyComponentHasItsObjects() {
        Manifests m = Manifests.render(List.of(), Map.of());
        assertAll(COMPONENTS.stream().map(c -> () -> {
            m.get("Deployment", c);
            m.get("ConfigMap", c + "-config");
            PER_COMPONENT.forEach(kind -> m.get(kind, c));
        }));
        assertEquals(COMPONENTS.size(), m.ofKind("Deployment").size(), "Deployments");
    }

    @Test
    void template_production_auditedServicesAreStatefulWithOutboxClaim() {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        assertEquals(List.of("gateway"), m.ofKind("Deployment").stream().map(Manifests::name).toList(),
                "only the gateway writes no audit record");
        assertAll(COMPONENTS.stream().filter(c -> !c.equals("gateway")).map(c -> () -> {
            Map<String, Object> sts = m.get("StatefulSet", c);
            assertEquals("audit-outbox", at(sts, "spec", "volumeClaimTemplates", 0, "metadata", "name"), c);
            assertEquals("2Gi", at(sts, "spec", "volumeClaimTemplates", 0, "spec", "resources", "requests", "storage"), c);
            m.get("Service", c + "-pods");
        }));
    }

    @Test
    void template_everyWorkload_hardenedAndProbed() {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        assertAll(COMPONENTS.stream().map(c -> () -> {
            Map<String, Object> w = m.workload(c);
            Map<String, Object> ct = container(w);
            assertEquals(Boolean.TRUE, at(w, "spec", "template", "spec", "securityContext", "runAsNonRoot"), c);
            assertEquals(Boolean.TRUE, at(ct, "securityContext", "readOnlyRootFilesystem"), c);
            assertEquals(Boolean.FALSE, at(ct, "securityContext", "allowPrivilegeEscalation"), c);
            assertEquals(List.of("ALL"), at(ct, "securityContext", "capabilities", "drop"), c);
            assertEquals("/health/started", at(ct, "startupProbe", "httpGet", "path"), c);
            assertEquals("/health/ready", at(ct, "readinessProbe", "httpGet", "path"), c);
            assertEquals("/health/live", at(ct, "livenessProbe", "httpGet", "path"), c);
            assertTrue(at(ct, "resources", "requests", "cpu") != null && at(ct, "resources", "limits", "memory") != null,
                    () -> c + ": expected cpu request and memory limit");
            List<Map<String, Object>> spread = at(w, "spec", "template", "spec", "topologySpreadConstraints");
            assertEquals(2, spread.size(), c + ": zone and node spread");
            List<String> mounts = ((List<Map<String, Object>>) at(ct, "volumeMounts")).stream()
                    .map(v -> (String) v.get("mountPath")).toList();
            assertTrue(mounts.containsAll(List.of("/tmp", "/opt/ol/wlp/output", "/logs")),
                    () -> c + ": expected writable Liberty directories, got " + mounts);
        }));
    }

    @Test
    void template_retrievalProxy_autoscalesOnCpuAndThroughputWithBoundedCache() {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        Map<String, Object> hpa = m.get("HorizontalPodAutoscaler", "retrieval-proxy");
        List<Map<String, Object>> metrics = at(hpa, "spec", "metrics");
        assertEquals(List.of("Resource", "Pods"), metrics.stream().map(x -> x.get("type")).toList(), "HPA metrics");
        assertEquals("retrieval_bytes_streamed_per_second", at(metrics.get(1), "pods", "metric", "name"));
        assertEquals("StatefulSet", at(hpa, "spec", "scaleTargetRef", "kind"));
        assertEquals(1, m.ofKind("HorizontalPodAutoscaler").size(), "only the retrieval proxy autoscales");
        Map<String, Object> w = m.workload("retrieval-proxy");
        Map<String, Object> cache = ((List<Map<String, Object>>) at(w, "spec", "template", "spec", "volumes")).stream()
                .filter(v -> "retrieval-cache".equals(v.get("name"))).findFirst().orElseThrow();
        assertEquals("50Gi", at(cache, "emptyDir", "sizeLimit"), "cache size limit");
        assertEquals(String.valueOf(50L * 1024 * 1024 * 1024 * 9 / 10),
                at(m.get("ConfigMap", "retrieval-proxy-config"), "data", "EXCHANGE_RETRIEVAL_CACHE_MAX_BYTES"),
                "the proxy is told 90 % of the volume limit");
        assertEquals(300, (Integer) at(w, "spec", "template", "spec", "terminationGracePeriodSeconds"), "grace for open streams");
        assertEquals(10, (Integer) at(container(w), "lifecycle", "preStop", "sleep", "seconds"), "pre-stop delay");
    }

    @Test
    void template_production_dicomServiceAndTlsIngress() {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        Map<String, Object> dicom = m.get("Service", "study-registry-dicom");
        assertEquals("LoadBalancer", at(dicom, "spec", "type"));
        assertEquals(11112, (Integer) at(dicom, "spec", "ports", 0, "port"));
        assertEquals("dicom", at(dicom, "spec", "ports", 0, "targetPort"));
        Map<String, Object> ingress = m.get("Ingress", "gateway");
        assertEquals("exchange-region-tls", at(ingress, "spec", "tls", 0, "secretName"));
        assertEquals("gateway", at(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service", "name"));
        assertEquals(COMPONENTS.size(), m.ofKind("ServiceMonitor").size(), "a ServiceMonitor per component");
        assertEquals("/registry/metrics", at(m.get("ServiceMonitor", "study-registry"), "spec", "endpoints", 0, "path"));
        assertEquals("/metrics", at(m.get("ServiceMonitor", "gateway"), "spec", "endpoints", 0, "path"));
    }

    @Test
    void template_databaseBySecretReference_onePerStatefulService() {
        Manifests m = Manifests.render(List.of(), Map.of());
        Map<String, String> dbSecrets = COMPONENTS.stream().filter(c -> envSecret(m, c, "DB_URL") != null)
                .collect(Collectors.toMap(c -> c, c -> envSecret(m, c, "DB_URL")));
        assertEquals(Map.of("study-registry", "imaging-exchange-db-registry", "report-store", "imaging-exchange-db-reports",
                "consent", "imaging-exchange-db-consent", "audit", "imaging-exchange-db-audit"), dbSecrets,
                "one database secret per stateful service");
        assertEquals("imaging-exchange-oauth", envSecret(m, "gateway", "EXCHANGE_OAUTH_CLIENT_SECRET"));
    }

    @Test
    void template_withSource_configuresCrawlAndCredentialsFromSecret() {
        Manifests m = Manifests.render(List.of(), Map.of(
                "oidc.issuer", "https://idp.region.invalid/realms/imaging",
                "sources[0].id", "hospital-a",
                "sources[0].qidoUrl", "https://pacs.hospital-a.invalid/dicom-web",
                "sources[0].organizationId", "hospital-a",
                "sources[0].credentialsSecret", "pacs-a"));
        Map<String, Object> registry = at(m.get("ConfigMap", "study-registry-config"), "data");
        assertAll(
                () -> assertEquals("hospital-a", registry.get("EXCHANGE_REGISTRY_SOURCES"), "source list"),
                () -> assertEquals("https://pacs.hospital-a.invalid/dicom-web",
                        registry.get("EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_QIDO_URL"), "source QIDO-RS URL"),
                () -> assertEquals("https://idp.region.invalid/realms/imaging", registry.get("OIDC_ISSUER"), "issuer"),
                () -> assertEquals("pacs-a", envSecret(m, "retrieval-proxy", "EXCHANGE_RETRIEVAL_SOURCE_HOSPITAL_A_PASSWORD"),
                        "retrieval credentials from the secret"),
                () -> assertEquals("pacs-a", envSecret(m, "study-registry", "EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_USERNAME"),
                        "crawl credentials from the secret"));
    }

    @Test
    void template_dimseOnlySource_configuresItsDicomAddress() {
        Manifests m = Manifests.render(List.of(), Map.of(
                "sources[0].id", "hospital-a-legacy",
                "sources[0].organizationId", "hospital-a",
                "sources[0].aeTitle", "LEGACY_PACS",
                "sources[0].dimseHost", "legacy-pacs.hospital-a.invalid",
                "sources[0].dimsePort", "104"));
        Map<String, Object> registry = at(m.get("ConfigMap", "study-registry-config"), "data");
        assertAll(
                () -> assertEquals("LEGACY_PACS", registry.get("EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_LEGACY_AE_TITLE")),
                () -> assertEquals("legacy-pacs.hospital-a.invalid",
                        registry.get("EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_LEGACY_DIMSE_HOST"), "DIMSE host"),
                () -> assertEquals("104", String.valueOf(registry.get("EXCHANGE_REGISTRY_SOURCE_HOSPITAL_A_LEGACY_DIMSE_PORT")),
                        "DIMSE port"),
                () -> assertThrows(IllegalStateException.class, () -> Manifests.renderText(List.of(), Map.of(
                        "sources[0].id", "half-configured", "sources[0].aeTitle", "PACS")),
                        "a source needs a QIDO-RS URL or a whole DICOM address"));
    }

    @Test
    void template_dicomAeTitle_nodeAndCallingAeOfRegistryAndProxy() {
        Manifests m = Manifests.render(List.of(), Map.of("dicom.aeTitle", "REGION_X"));
        Map<String, Object> registry = at(m.get("ConfigMap", "study-registry-config"), "data");
        assertEquals("REGION_X", registry.get("EXCHANGE_DIMSE_AE_TITLE"), "the DICOM node's AE title");
        assertEquals("11112", registry.get("EXCHANGE_DIMSE_PORT"));
        assertEquals("REGION_X", at(m.get("ConfigMap", "retrieval-proxy-config"), "data", "EXCHANGE_RETRIEVAL_DIMSE_AE_TITLE"),
                "C-GETs call archives with the platform's AE title");
        Manifests off = Manifests.render(List.of(), Map.of("dicom.enabled", "false"));
        assertEquals("0", at(off.get("ConfigMap", "study-registry-config"), "data", "EXCHANGE_DIMSE_PORT"),
                "without the DICOM node the registry opens no DICOM port");
        assertTrue(off.find("Service", "study-registry-dicom").isEmpty(), "no DICOM Service");
    }

    @Test
    void template_networkPolicies_onlyGatewayAndDicomFromOutside() {
        Manifests m = Manifests.render(List.of(Manifests.PRODUCTION_VALUES), Map.of());
        assertAll(COMPONENTS.stream().map(c -> () -> {
            Map<String, Object> np = m.get("NetworkPolicy", c);
            assertEquals(List.of("Ingress", "Egress"), at(np, "spec", "policyTypes"), c);
            List<Map<String, Object>> rules = at(np, "spec", "ingress");
            for (Map<String, Object> rule : rules) {
                List<Map<String, Object>> from = (List<Map<String, Object>>) rule.get("from");
                boolean open = from == null || from.stream().anyMatch(p -> p.containsKey("namespaceSelector") || p.containsKey("ipBlock"));
                String port = String.valueOf((Object) at(rule, "ports", 0, "port"));
                boolean metrics = from != null && from.size() == 1 && "monitoring".equals(
                        at(from.get(0), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
                assertTrue(!open || c.equals("gateway") || (c.equals("study-registry") && port.equals("dicom")) || metrics,
                        () -> c + ": only the gateway and the DICOM port take traffic from outside, got " + rule);
            }
        }));
        List<Map<String, Object>> consentFrom = at(m.get("NetworkPolicy", "consent"), "spec", "ingress", 0, "from");
        assertEquals(List.of("gateway", "report-store", "retrieval-proxy", "study-registry"),
                consentFrom.stream().map(p -> (String) at(p, "podSelector", "matchLabels", "app.kubernetes.io/name")).sorted().toList(),
                "consent is called by the gateway, the registry, the report store and the retrieval proxy");
    }

    @Test
    void install_wrongValue_refusedBySchema() {
        assertAll(
                () -> assertThrows(IllegalStateException.class,
                        () -> Manifests.renderText(List.of(), Map.of("consent.defaultPolicy", "maybe")), "policy enum"),
                () -> assertThrows(IllegalStateException.class,
                        () -> Manifests.renderText(List.of(), Map.of("components.gateway.replicaz", "3")), "unknown key"),
                () -> assertThrows(IllegalStateException.class,
                        () -> Manifests.renderText(List.of(), Map.of("dicom.port", "70000")), "port range"),
                () -> assertThrows(IllegalStateException.class,
                        () -> Manifests.renderText(List.of(), Map.of("oidc.issuer", "keycloak")), "issuer URL"),
                () -> assertThrows(IllegalStateException.class,
                        () -> Manifests.renderText(List.of(), Map.of("components.retrievalProxy.cache.sizeGi", "0")), "cache size"));
    }

    private static String envSecret(Manifests m, String component, String env) {
        List<Map<String, Object>> envs = at(container(m.workload(component)), "env");
        return envs.stream().filter(e -> env.equals(e.get("name"))).findFirst()
                .map(e -> (String) at(e, "valueFrom", "secretKeyRef", "name")).orElse(null);
    }
}
